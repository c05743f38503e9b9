import { setTimeout as sleep } from 'node:timers/promises';
import { coreActionsIo } from './action/coreActionsIo.js';
import { runAction } from './action/runAction.js';
import { exitWhenDone } from './gate/exitWhenDone.js';
import { nodeGateDeps } from './gate/nodeGateDeps.js';
import { octokitGitHubApi } from './github/octokitGitHubApi.js';
import { actionsLogger } from './log/actionsLogger.js';
import { actionsArtifactStore } from './publish/actionsArtifactStore.js';

await runAction({
  io: coreActionsIo,
  env: process.env,
  gate: () => nodeGateDeps(actionsLogger),
  github: (token, repository) =>
    octokitGitHubApi(token, repository, {
      delaysMs: [1000, 3000],
      sleep: (ms) => sleep(ms),
      log: actionsLogger,
    }),
  artifacts: actionsArtifactStore,
});
await exitWhenDone();
