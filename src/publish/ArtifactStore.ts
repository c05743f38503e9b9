/** Where the results folder goes for later (an Actions artifact); an interface so tests need no service. */
export interface ArtifactStore {
  /** Uploads `files` (absolute paths under `rootDirectory`) as the artifact `name`; returns its id. */
  upload(name: string, files: string[], rootDirectory: string): Promise<number>;
  /**
   * Downloads the artifact `name` of another workflow run of `repository` into `directory` (the
   * workflow_run side of the fork setup).
   */
  download(
    name: string,
    from: { runId: number; owner: string; repo: string; token: string },
    directory: string,
  ): Promise<void>;
}

/** The page of an artifact in the GitHub UI. */
export function artifactUrl(runUrl: string, id: number): string {
  return `${runUrl.replace(/\/attempts\/\d+$/, '')}/artifacts/${id}`;
}
