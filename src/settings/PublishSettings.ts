/**
 * `measure`: measure and publish. `comment-only`: publish results another run measured (forks). `plan`:
 * write a plan from field data. `merge`: publish the merged results of a run's shards.
 */
export type Mode = 'measure' | 'comment-only' | 'plan' | 'merge';

/** The action's GitHub publishing options (the CLI has none of them). */
export interface PublishSettings {
  /** The gate's name: comment marker key, check run name, artifact name prefix. */
  name: string;
  /** Token for the REST API; undefined = publish nothing to GitHub (the job summary only). A secret. */
  token?: string;
  comment: boolean;
  checkRun: boolean;
  uploadArtifact: boolean;
  mode: Mode;
}

/** The artifact a gate uploads its results folder as, and comment-only mode downloads. */
export function artifactName(settings: Pick<PublishSettings, 'name'>): string {
  return `${settings.name}-results`;
}
