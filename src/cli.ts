#!/usr/bin/env node
// The CLI entry. The Node version is checked before anything heavy (Lighthouse) is loaded.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(
    `vitals-gate: Node ${process.versions.node} is too old; Lighthouse 13 needs Node 22.19 or newer (the project's npm scripts bring Node 24).\n`,
  );
  process.exit(2);
}

const { runCli } = await import('./cli/runCli.js');
const { nodeGateDeps } = await import('./gate/nodeGateDeps.js');
const { streamLogger } = await import('./log/streamLogger.js');
const { exitWhenDone } = await import('./gate/exitWhenDone.js');

process.exitCode = await runCli(process.argv.slice(2), process, nodeGateDeps, (verbose) =>
  streamLogger(process.stderr, verbose),
);
await exitWhenDone();
