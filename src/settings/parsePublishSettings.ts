import { UserError } from '../errors/UserError.js';
import type { Mode, PublishSettings } from './PublishSettings.js';
import { type InputReader, parseBoolean, parseChoice, readDefaulted } from './parseSettings.js';

/** Parses the action-only publishing inputs (name, github-token, comment, check-run, upload-artifact, mode). */
export function parsePublishSettings(get: InputReader): PublishSettings {
  const name = readDefaulted(get, 'name');
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/.test(name)) {
    throw new UserError(
      `Invalid input 'name': '${name.slice(0, 100)}'. Expected up to 100 letters, digits, spaces and . _ -, starting with a letter or digit.`,
    );
  }
  const token = get('github-token')?.trim();
  return {
    name,
    ...(token ? { token } : {}),
    comment: parseBoolean(get, 'comment'),
    checkRun: parseBoolean(get, 'check-run'),
    uploadArtifact: parseBoolean(get, 'upload-artifact'),
    mode: parseChoice<Mode>(get, 'mode', ['measure', 'comment-only', 'plan', 'merge']),
  };
}
