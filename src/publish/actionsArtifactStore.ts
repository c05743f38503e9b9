import { DefaultArtifactClient } from '@actions/artifact';
import type { ArtifactStore } from './ArtifactStore.js';

/**
 * Artifacts through `@actions/artifact` (the results service of the runner: ACTIONS_RESULTS_URL and
 * ACTIONS_RUNTIME_TOKEN for uploads; the REST API at GITHUB_API_URL for another run's artifact).
 */
export function actionsArtifactStore(): ArtifactStore {
  const client = new DefaultArtifactClient();
  return {
    upload: async (name, files, rootDirectory) => {
      const { id } = await client.uploadArtifact(name, files, rootDirectory, { retentionDays: 0 });
      if (id === undefined) throw new Error(`the artifact service gave no id for '${name}'`);
      return id;
    },
    download: async (name, from, directory) => {
      const findBy = {
        token: from.token,
        workflowRunId: from.runId,
        repositoryOwner: from.owner,
        repositoryName: from.repo,
      };
      const { artifact } = await client.getArtifact(name, { findBy });
      await client.downloadArtifact(artifact.id, { path: directory, findBy });
    },
  };
}
