import { coreActionsIo } from './action/coreActionsIo.js';
import { runAction } from './action/runAction.js';
import { nodeGateDeps } from './gate/nodeGateDeps.js';
import { octokitGitHubApi } from './github/octokitGitHubApi.js';
import { actionsLogger } from './log/actionsLogger.js';
import { actionsArtifactStore } from './publish/actionsArtifactStore.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

await runAction({
  io: coreActionsIo,
  env: process.env,
  gate: () => nodeGateDeps(actionsLogger),
  github: (token, repository) =>
    octokitGitHubApi(token, repository, { delaysMs: [1000, 3000], sleep, log: actionsLogger }),
  artifacts: actionsArtifactStore,
});
