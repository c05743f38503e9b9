import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Running the bundled action the way the GitHub runner runs a node24 action: `node dist/index.js` with
// INPUT_* variables, the runner's summary and output files, and only the given environment.

/** The environment of a runner step: only PATH, HOME and the given variables (no INPUT_* leaking in). */
export function runnerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  if (process.env.CHROME_PATH) env.CHROME_PATH = process.env.CHROME_PATH;
  return { ...env, ...extra };
}

/** A step's working folder with the runner's empty summary and output files, and its environment. */
export async function runnerStep(
  workspace: string,
  name: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
) {
  const dir = join(workspace, name);
  const files = { summary: join(dir, 'summary.md'), output: join(dir, 'output.txt') };
  await mkdir(dir, { recursive: true });
  await writeFile(files.summary, '');
  await writeFile(files.output, '');
  const env = runnerEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    ...extraEnv,
    ...Object.fromEntries(
      Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value]),
    ),
  });
  return { dir, files, env };
}

/**
 * Runs Node asynchronously: the example site is served by this very process, so a synchronous spawn would
 * block the server that Chrome is waiting for.
 */
export function node(args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number }) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Parses the runner's GITHUB_OUTPUT file (`name<<delimiter` blocks). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text))
    outputs[match[1] as string] = match[3] as string;
  return outputs;
}
