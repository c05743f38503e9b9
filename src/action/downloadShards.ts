import { join } from 'node:path';
import { describeError, UserError } from '../errors/UserError.js';
import type { ArtifactStore } from '../publish/ArtifactStore.js';
import type { PublishSettings } from '../settings/PublishSettings.js';
import { shardArtifactName } from '../shard/parseShard.js';
import type { ActionsIo } from './ActionsIo.js';

/**
 * `mode: merge`: downloads the artifact `<name>-results-K-of-N` of every shard of this workflow run into
 * `<directory>/<artifact>/`. A shard whose artifact cannot be downloaded (its job failed, or never ran) is
 * logged and left out: the merge says it is missing and its verdict is `error`. Returns the results.json
 * paths of the shards downloaded.
 */
export async function downloadShards(
  count: number,
  directory: string,
  from: { runId: number; owner: string; repo: string; token: string } | undefined,
  publish: PublishSettings,
  artifacts: ArtifactStore,
  io: ActionsIo,
): Promise<string[]> {
  if (!from) {
    throw new UserError(
      "Missing input 'github-token': mode merge downloads the shards' artifacts of this run (permissions: actions: read).",
    );
  }
  const downloaded: string[] = [];
  for (let index = 1; index <= count; index++) {
    const name = shardArtifactName(publish.name, { index, count });
    try {
      await artifacts.download(name, from, join(directory, name));
      downloaded.push(join(directory, name, 'results.json'));
      io.info(`Downloaded '${name}'`);
    } catch (error) {
      io.warning(
        `Shard ${index} of ${count}: the artifact '${name}' could not be downloaded: ${describeError(error)}`,
      );
    }
  }
  return downloaded;
}
