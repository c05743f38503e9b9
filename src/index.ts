import { runAction } from './action/runAction.js';
import { nodeGateDeps } from './gate/nodeGateDeps.js';
import { actionsLogger } from './log/actionsLogger.js';

await runAction(() => nodeGateDeps(actionsLogger));
