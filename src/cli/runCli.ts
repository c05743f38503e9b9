import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import exampleBudgets from '../../examples/budgets.json' with { type: 'json' };
import exampleFieldData from '../../examples/field-data.json' with { type: 'json' };
import { defaultBudgets } from '../budgets/defaultBudgets.js';
import { loadBudgets, parseBudgets } from '../budgets/loadBudgets.js';
import { startExampleSite } from '../demo/exampleSite.js';
import { describeError, UserError } from '../errors/UserError.js';
import { collectFieldData } from '../field/collectFieldData.js';
import { parseFieldSnapshot } from '../field/loadFieldFile.js';
import { cancelOnSignals, SIGNAL_EXIT, type SignalSource } from '../gate/cancelOnSignals.js';
import type { GateDeps } from '../gate/runGate.js';
import { runGate } from '../gate/runGate.js';
import { runPlanned } from '../gate/runPlanned.js';
import type { Logger } from '../log/Logger.js';
import { mergeResults } from '../merge/mergeResults.js';
import { findResultFiles, readShardParts } from '../merge/readShardParts.js';
import { shardCount } from '../merge/shardCount.js';
import { makePlan } from '../plan/makePlan.js';
import { planMatrix } from '../plan/planMatrix.js';
import { planSection } from '../report/planSection.js';
import { renderReport } from '../report/renderReport.js';
import { writeOutputs } from '../results/writeOutputs.js';
import { INPUT_DEFINITIONS } from '../settings/inputDefinitions.js';
import { parsePlanSettings } from '../settings/parsePlanSettings.js';
import { parseChoice, parseRum, parseSettings, parseUrls, readDefaulted } from '../settings/parseSettings.js';
import type { Device } from '../settings/Settings.js';
import { toolVersion } from '../toolVersion.js';
import type { GateStatus } from '../verdict/Verdict.js';
import { importCommand } from './importCommand.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Exit codes: 0 pass or warn, 1 a budget failed, 2 bad input or an error; 130/143 cancelled (SIGINT/SIGTERM). */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

/** The action's inputs that are CLI flags too: all but the GitHub publishing ones. */
const CLI_INPUTS = INPUT_DEFINITIONS.filter((input) => !input.actionOnly);

const EMBEDDED_BUDGETS = 'examples/budgets.json (embedded)';
const EMBEDDED_FIELD_DATA = 'examples/field-data.json (embedded)';

export function helpText(): string {
  const flags = CLI_INPUTS.map((input) => {
    const fallback = input.default ? ` (default: ${input.default})` : '';
    return `  --${input.name.padEnd(13)} ${input.description}${fallback}`;
  });
  return [
    `vitals-gate ${toolVersion()} — gate on Core Web Vitals measured in real Chrome`,
    '',
    'Usage:',
    '  vitals-gate [run] [URL …] [flags]   measure URLs, check budgets, print the markdown report',
    '  vitals-gate demo [flags]            the same on the bundled example site and budgets',
    '  vitals-gate rum [URL …] --rum-source S [--out F]  read production p75s, write a snapshot (default field-data.json)',
    '  vitals-gate example-site [--port N] serve the example site on 127.0.0.1 until stopped',
    '  vitals-gate import FILE [--out F]   convert a Lighthouse budget.json or lighthouserc to a budgets file (stdout without --out)',
    '  vitals-gate plan --rum-source S [--top N] [--min-share P] [--include/--exclude PATTERNS] [--urls ALWAYS] [--max-minutes M] [--out F]',
    '                                      choose pages and devices from production data; write plan.json, print the shard matrix',
    '  vitals-gate run --plan F --base-url B [--shard K/N]  measure a plan (shard K of N of it)',
    '  vitals-gate merge DIR … [--output-dir OUT] [--shard N | --plan F]  merge shard results into one results.json and report',
    '',
    'Flags (the same as the action inputs):',
    ...flags,
    '  --verbose       debug output on stderr',
    `  (${INPUT_DEFINITIONS.filter((input) => input.actionOnly)
      .map((input) => input.name)
      .join(', ')}: action only, they publish to GitHub)`,
    '  --help, --version',
    '',
    'The report goes to stdout, progress to stderr. Exit code: 0 pass or warn, 1 over budget, 2 error.',
  ].join('\n');
}

type Values = Record<string, string | boolean | undefined>;

function parseCommandLine(argv: string[]): { command: string; values: Values; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    help: { type: 'boolean' },
    port: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'boolean' },
    verbose: { type: 'boolean' },
  };
  for (const input of CLI_INPUTS) options[input.name] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's unknown-option message goes on about positionals after '--' with an unclosed quote: cut it.
    const message = describeError(error).replace(/\. To specify a positional argument.*$/s, '');
    throw new UserError(`${message}. Run 'vitals-gate --help' for the flags.`);
  }
  const [first, ...rest] = parsed.positionals;
  const isCommand = ['run', 'demo', 'example-site', 'rum', 'plan', 'merge', 'import'].includes(first ?? '');
  return {
    command: isCommand && first ? first : 'run',
    values: parsed.values as Values,
    positionals: isCommand ? rest : parsed.positionals,
  };
}

/** Reads an input from the CLI flags; the CrUX key may also come from CRUX_API_KEY (keeping it off the command line). */
function flagReader(values: Values): (name: string) => string | undefined {
  return (name) => {
    const value = values[name] as string | undefined;
    return name === 'crux-api-key' ? (value ?? process.env.CRUX_API_KEY) : value;
  };
}

async function demo(values: Values, deps: GateDeps, io: CliIo, signal: AbortSignal): Promise<number> {
  const site = await startExampleSite();
  deps.log.info(`Example site running at ${site.origin}`);
  try {
    const settings = parseSettings((name) => {
      if (name === 'urls') return '/\n/product/42';
      if (name === 'base-url') return site.origin;
      if (name === 'runs') return (values.runs as string | undefined) ?? '3';
      return values[name] as string | undefined;
    });
    const budgets = parseBudgets(JSON.stringify(exampleBudgets), EMBEDDED_BUDGETS);
    const snapshot = parseFieldSnapshot(JSON.stringify(exampleFieldData), EMBEDDED_FIELD_DATA, deps.now());
    const outcome = await runGate(settings, deps, { budgets, field: { source: 'file', snapshot }, signal });
    io.stdout.write(`${outcome.markdown}\n`);
    deps.log.info(`Results: ${outcome.resultsPath} · report: ${outcome.reportPath}`);
    if (outcome.results.cancelled) return exitCode('cancelled', signal);
    deps.log.info(
      `Demo verdict: ${outcome.results.verdict.status} (the product page is built to be over budget). The demo always exits 0; 'vitals-gate run' exits 1 on a failing verdict.`,
    );
    return EXIT.pass;
  } finally {
    await site.close();
  }
}

async function serveExampleSite(values: Values, io: CliIo): Promise<number> {
  const raw = (values.port as string | undefined) ?? '0';
  if (!/^\d+$/.test(raw) || Number(raw) > 65_535) {
    throw new UserError(`Invalid flag '--port': '${raw}'. Expected a port number from 0 to 65535.`);
  }
  const site = await startExampleSite(Number(raw));
  io.stdout.write(`${site.origin}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await site.close();
  return EXIT.pass;
}

/** Reads the configured field data source and writes the snapshot that `rum-source: file` reads later. */
async function writeRumSnapshot(
  values: Values,
  positionals: string[],
  deps: GateDeps,
  io: CliIo,
): Promise<number> {
  const get = flagReader(values);
  const rum = parseRum(get);
  if (rum.source === 'none') {
    throw new UserError("Missing input 'rum-source': expected file, crux, prometheus or loki.");
  }
  const rawUrls = [values.urls, ...positionals].filter(Boolean).join('\n');
  const urls = rawUrls ? parseUrls(rawUrls, values['base-url'] as string | undefined) : [];
  if (rum.source === 'crux' && urls.length === 0) {
    throw new UserError(
      "Missing input 'urls': rum-source crux asks the CrUX API per URL; give the URLs to look up.",
    );
  }
  const device = parseChoice<Device>(get, 'device', ['mobile', 'desktop']);
  const budgetsPath = values.budgets as string | undefined;
  const field = budgetsPath ? ((await loadBudgets(budgetsPath, deps.readText)).field ?? {}) : {};
  const outcome = await collectFieldData(rum, urls, device, field, deps);
  if (!outcome.snapshot)
    throw new UserError(`Field data unavailable (${rum.source}): ${outcome.error ?? 'no data'}`);
  const out = (values.out as string | undefined) ?? 'field-data.json';
  await deps.files.writeFile(out, `${JSON.stringify(outcome.snapshot, null, 2)}\n`);
  const pages = Object.entries(outcome.snapshot.pages).map(([key, page]) => {
    const metrics = Object.entries(page.metrics).map(
      ([metric, value]) => `${metric} ${Math.round(value.p75 * 1000) / 1000}`,
    );
    return `  ${key}: ${metrics.join(', ')}`;
  });
  deps.log.info(`${outcome.snapshot.description}: ${pages.length} page(s)`);
  io.stdout.write(`${pages.join('\n')}\nWrote ${out}\n`);
  return EXIT.pass;
}

/** pass and warn exit 0, fail 1, error (a merge missing a shard) 2, cancelled 128 + the signal's number. */
function exitCode(status: GateStatus, signal?: AbortSignal): number {
  if (status === 'cancelled') return signal?.reason === 'SIGINT' ? SIGNAL_EXIT.SIGINT : SIGNAL_EXIT.SIGTERM;
  if (status === 'error') return EXIT.error;
  return status === 'fail' ? EXIT.fail : EXIT.pass;
}

/** `vitals-gate plan`: reads the field data once, chooses pages and devices, writes the plan, prints it and the matrix. */
async function writePlan(values: Values, deps: GateDeps, io: CliIo): Promise<number> {
  const settings = parsePlanSettings(flagReader(values));
  const budgets = settings.budgetsPath
    ? await loadBudgets(settings.budgetsPath, deps.readText)
    : defaultBudgets();
  const plan = await makePlan(settings, budgets, deps);
  const out = (values.out as string | undefined) ?? join(settings.outputDir, 'plan.json');
  await deps.files.mkdir(dirname(out));
  await deps.files.writeFile(out, `${JSON.stringify(plan, null, 2)}\n`);
  const matrix = planMatrix(plan);
  io.stdout.write(`${planSection(plan).join('\n')}\nWrote ${out}\nmatrix=${JSON.stringify(matrix)}\n`);
  return EXIT.pass;
}

/** `vitals-gate merge DIR …`: one results.json and report.md from the shards' results. */
async function mergeShards(
  values: Values,
  positionals: string[],
  deps: GateDeps,
  io: CliIo,
): Promise<number> {
  if (!positionals.length) {
    throw new UserError(
      "Missing folders: vitals-gate merge DIR … (the folders holding the shards' results.json).",
    );
  }
  const count =
    values.shard || values.plan
      ? await shardCount(values.shard as string | undefined, values.plan as string | undefined, deps)
      : undefined;
  const parts = await readShardParts(await findResultFiles(positionals), deps.readText);
  const results = mergeResults(parts, count);
  const outputDir = readDefaulted(flagReader(values), 'output-dir');
  const markdown = renderReport(results);
  const written = await writeOutputs(results, markdown, outputDir, deps.files);
  io.stdout.write(`${markdown}\n`);
  deps.log.info(
    `Merged ${results.merge?.merged.length} of ${results.merge?.count} shards · results: ${written.resultsPath} · report: ${written.reportPath}`,
  );
  return exitCode(results.verdict.status);
}

/** The commands a CLI-only flag belongs to: given to another command it would be ignored, so it is refused. */
const FLAG_COMMANDS: Record<string, readonly string[]> = {
  port: ['example-site'],
  out: ['rum', 'plan', 'import'],
};

function refuseMisplacedFlags(command: string, values: Values): void {
  for (const [flag, commands] of Object.entries(FLAG_COMMANDS)) {
    if (values[flag] !== undefined && !commands.includes(command)) {
      throw new UserError(
        `Invalid flag '--${flag}' for 'vitals-gate ${command}': it belongs to ${commands.map((name) => `'vitals-gate ${name}'`).join(', ')} only.`,
      );
    }
  }
}

/** The CLI: parses flags (the action's inputs), runs the gate or the demo, prints the report. */
export async function runCli(
  argv: string[],
  io: CliIo,
  makeDeps: (log: Logger) => GateDeps,
  makeLogger: (verbose: boolean) => Logger,
  signals: SignalSource = process,
): Promise<number> {
  // SIGINT/SIGTERM stop the measuring, which then writes what it measured, marked cancelled.
  const cancellation = cancelOnSignals(signals);
  const { signal } = cancellation;
  try {
    const { command, values, positionals } = parseCommandLine(argv);
    if (values.help) {
      io.stdout.write(`${helpText()}\n`);
      return EXIT.pass;
    }
    if (values.version) {
      io.stdout.write(`${toolVersion()}\n`);
      return EXIT.pass;
    }
    refuseMisplacedFlags(command, values);
    const deps = makeDeps(makeLogger(Boolean(values.verbose)));
    if (command === 'demo') return await demo(values, deps, io, signal);
    if (command === 'example-site') return await serveExampleSite(values, io);
    if (command === 'rum') return await writeRumSnapshot(values, positionals, deps, io);
    if (command === 'plan') return await writePlan(values, deps, io);
    if (command === 'merge') return await mergeShards(values, positionals, deps, io);
    if (command === 'import') {
      await importCommand(positionals, values.out as string | undefined, deps, io.stdout);
      return EXIT.pass;
    }
    const flag = flagReader(values);
    const outcome = await runPlanned(
      (name) => (name === 'urls' ? [values.urls, ...positionals].filter(Boolean).join('\n') : flag(name)),
      (get) => parseSettings(get),
      deps,
      signal,
    );
    io.stdout.write(`${outcome.markdown}\n`);
    deps.log.info(`Results: ${outcome.resultsPath} · report: ${outcome.reportPath}`);
    if (outcome.results.cancelled)
      io.stderr.write(`vitals-gate: cancelled (${outcome.results.cancelled.reason}): no verdict\n`);
    return exitCode(outcome.results.verdict.status, signal);
  } catch (error) {
    io.stderr.write(`vitals-gate: ${describeError(error)}\n`);
    return EXIT.error;
  } finally {
    cancellation.dispose();
  }
}
