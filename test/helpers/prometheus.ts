import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningPrometheus {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * A real Prometheus (Debian's package) on loopback over OpenMetrics text backfilled with promtool
 * (timestamps in seconds, recent but not the last 3 h, ending `# EOF`).
 */
export async function startPrometheus(openMetrics: string): Promise<RunningPrometheus> {
  for (const binary of ['prometheus', 'promtool']) {
    try {
      execFileSync('which', [binary]);
    } catch {
      throw new Error(`${binary} not found: install Debian's prometheus package (scripts/test.sh does)`);
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'vitals-gate-prometheus-'));
  await writeFile(join(dir, 'data.om'), openMetrics);
  await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
  execFileSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'data.om'), join(dir, 'tsdb')],
    {
      stdio: 'pipe',
    },
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'tsdb')}`,
      '--storage.tsdb.retention.time=30d',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk) => {
    log += String(chunk);
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await sleep(300);
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { baseUrl, stop };
    await sleep(200);
  }
  await stop();
  throw new Error(`Prometheus did not become ready:\n${log.slice(-2000)}`);
}
