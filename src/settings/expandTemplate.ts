import { UserError } from '../errors/UserError.js';

/** What the placeholders of a URL template stand for in this run; undefined = not known here. */
export interface TemplateValues {
  /** `{pr}`: the pull request number. */
  pr?: string;
  /** `{sha}`: the full commit SHA measured. */
  sha?: string;
  /** `{branch-slug}`: the head branch, lower case, every run of other characters than a-z 0-9 as `-`. */
  branch?: string;
  /** The event that started the run, for the error message. */
  eventName?: string;
}

export const PLACEHOLDERS = ['{pr}', '{sha}', '{short-sha}', '{branch-slug}'] as const;

/** `feature/New_UI` → `feature-new-ui`, the way preview hosts (Vercel, Netlify) name branch deployments. */
export function branchSlug(branch: string): string {
  return branch
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Replaces `{pr}`, `{sha}`, `{short-sha}` and `{branch-slug}` in an input such as
 * `https://deploy-preview-{pr}--shop.netlify.app`. Throws a UserError naming the input for an unknown
 * placeholder or one this run has no value for.
 */
export function expandTemplate(input: string, raw: string, values: TemplateValues): string {
  return raw.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const value =
      name === 'pr'
        ? values.pr
        : name === 'sha'
          ? values.sha
          : name === 'short-sha'
            ? values.sha?.slice(0, 7)
            : name === 'branch-slug'
              ? values.branch && branchSlug(values.branch)
              : null;
    if (value === null) {
      throw new UserError(
        `Invalid input '${input}': unknown placeholder ${whole}. Expected ${PLACEHOLDERS.join(', ')}.`,
      );
    }
    if (!value) {
      const event = values.eventName ? `a ${values.eventName} run` : 'this run';
      throw new UserError(
        `Invalid input '${input}': ${whole} has no value in ${event}${name === 'pr' ? ' (it needs a pull request)' : ''}. Give the URL without it for this trigger.`,
      );
    }
    return value;
  });
}
