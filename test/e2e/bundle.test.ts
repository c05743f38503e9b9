import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { type RunningSite, startExampleSite } from '../../src/demo/exampleSite.js';
import { node, parseOutputs, runnerEnv, runnerStep } from '../helpers/runner.js';

// The committed bundle, copied to an empty folder (no node_modules anywhere above it), run the way the
// GitHub runner runs a node24 action: `node dist/index.js` with INPUT_* variables and the runner's files.
const dist = new URL('../../dist/', import.meta.url);
let site: RunningSite;
let workspace: string;

beforeAll(async () => {
  if (!existsSync(new URL('index.js', dist)))
    throw new Error('dist/index.js is missing: run `npm run build` first');
  site = await startExampleSite();
  workspace = await mkdtemp(join(tmpdir(), 'vitals-gate-bundle-'));
  await cp(dist, join(workspace, 'action', 'dist'), { recursive: true });
});

afterAll(async () => {
  await site?.close();
  await rm(workspace, { recursive: true, force: true });
});

/** A step's working folder with the runner's files and environment (see the runner helper). */
const runAction = (name: string, inputs: Record<string, string>) => runnerStep(workspace, name, inputs);

describe('the bundled action (dist/index.js)', () => {
  it('measures, writes the job summary, outputs and results, and fails the step on a failing budget', async () => {
    const { dir, files, env } = await runAction('over-budget', {
      urls: '/?imageDelay=0\n/product/1?imageDelay=1200',
      'base-url': site.origin,
      budgets: 'budgets.json',
      runs: '2',
      device: 'desktop',
      throttling: 'none',
      lighthouse: 'true',
      'output-dir': 'results',
    });
    await writeFile(
      join(dir, 'budgets.json'),
      '{"budgets":[{"path":"/product/*","metrics":{"LCP":{"max":1000}}}]}',
    );
    const child = await node([join(workspace, 'action', 'dist', 'index.js')], {
      cwd: dir,
      env,
      timeoutMs: 170_000,
    });
    expect(child.status, child.stdout + child.stderr).toBe(1);
    expect(child.stdout).toMatch(
      /::error::Performance budgets exceeded on http:\/\/127\.0\.0\.1:\d+\/product\/1/,
    );
    expect(child.stdout + child.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(child.stderr).not.toContain('strict mode'); // no schema-compiler chatter outside core's log

    const summary = await readFile(files.summary, 'utf8');
    expect(summary).toContain('## ❌ vitals-gate: fail');
    expect(summary).toContain('❌ LCP');
    expect(parseOutputs(await readFile(files.output, 'utf8'))).toEqual({
      result: 'fail',
      'results-path': join('results', 'results.json'),
      'report-path': join('results', 'report.md'),
    });
    const results = JSON.parse(await readFile(join(dir, 'results', 'results.json'), 'utf8'));
    expect(results.tool).toEqual({ name: 'vitals-gate', version: packageJson.version });
    expect(results.urls.map((url: { verdict: { status: string } }) => url.verdict.status)).toEqual([
      'pass',
      'fail',
    ]);
    expect(results.urls[1].runs).toHaveLength(2);
    expect(results.urls[1].lighthouse.lighthouseVersion).toMatch(/^13\./);
    const report = await readFile(join(dir, 'results', results.urls[1].lighthouse.reportFile), 'utf8');
    expect(report).toContain('<!doctype html>');
    expect(report.length).toBeGreaterThan(100_000);
  });

  it('fails with an error naming the budgets file and JSON path, without a stack trace', async () => {
    const { dir, files, env } = await runAction('bad-budgets', {
      urls: `${site.origin}/`,
      budgets: 'perf/budgets.json',
    });
    await mkdir(join(dir, 'perf'), { recursive: true });
    await writeFile(
      join(dir, 'perf', 'budgets.json'),
      '{"budgets":[{"path":"/","metrics":{"LCP":{"max":"fast"}}}]}',
    );
    const child = await node([join(workspace, 'action', 'dist', 'index.js')], {
      cwd: dir,
      env,
      timeoutMs: 60_000,
    });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain("::error::Budgets file 'perf/budgets.json' is invalid");
    expect(child.stdout).toContain('budgets[0].metrics.LCP.max: expected number');
    expect(child.stdout + child.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(parseOutputs(await readFile(files.output, 'utf8')).result).toBe('error');
  });

  it('compares with production field data from a snapshot file, and survives a field source that is down', async () => {
    const withFile = await runAction('field-file', {
      urls: `${site.origin}/?imageDelay=0`,
      budgets: 'budgets.json',
      runs: '1',
      device: 'desktop',
      throttling: 'none',
      lighthouse: 'false',
      'rum-source': 'file',
      'rum-file': 'field-data.json',
    });
    await writeFile(
      join(withFile.dir, 'budgets.json'),
      '{"budgets":[{"path":"/**","metrics":{"LCP":{"max":5000,"relativeTo":"rum","tolerance":10}}}]}',
    );
    await writeFile(join(withFile.dir, 'field-data.json'), '{"pages":{"/":{"metrics":{"LCP":{"p75":20}}}}}');
    const first = await node([join(workspace, 'action', 'dist', 'index.js')], {
      cwd: withFile.dir,
      env: withFile.env,
      timeoutMs: 90_000,
    });
    // A local page loads in well over 22 ms (p75 20 ms + 10 %): the field-relative budget fails.
    expect(first.status, first.stdout).toBe(1);
    const summary = await readFile(withFile.files.summary, 'utf8');
    expect(summary).toContain('**Field data** (production p75): file field-data.json');
    expect(summary).toMatch(/❌ LCP [\d,]+ ms > production p75 20 ms \+ 10 % \(22 ms\)/);

    const down = await runAction('field-down', {
      urls: `${site.origin}/?imageDelay=0`,
      runs: '1',
      device: 'desktop',
      throttling: 'none',
      lighthouse: 'false',
      'rum-source': 'prometheus',
      'rum-url': 'http://127.0.0.1:39',
    });
    const second = await node([join(workspace, 'action', 'dist', 'index.js')], {
      cwd: down.dir,
      env: down.env,
      timeoutMs: 90_000,
    });
    expect(second.status, second.stdout).toBe(0);
    expect(second.stdout).toMatch(
      /::warning::Field data unavailable \(prometheus\): Prometheus http:\/\/127\.0\.0\.1:39: .*ECONNREFUSED/,
    );
    expect(await readFile(down.files.summary, 'utf8')).toContain('**Field data unavailable** (prometheus)');
    expect(parseOutputs(await readFile(down.files.output, 'utf8')).result).toBe('pass');
  });

  it('the bundled CLI answers --version and --help', async () => {
    const cli = join(workspace, 'action', 'dist', 'cli.js');
    const version = await node([cli, '--version'], { env: runnerEnv({}), timeoutMs: 30_000 });
    expect(version.stdout.trim()).toBe(packageJson.version);
    const help = await node([cli, '--help'], { env: runnerEnv({}), timeoutMs: 30_000 });
    expect(help.stdout).toContain('vitals-gate demo');
  });
});
