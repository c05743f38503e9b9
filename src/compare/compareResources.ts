import type { Party } from '../aggregate/classifyParty.js';
import type { ResourceFile, ResourcesAggregate } from '../aggregate/summarizeResources.js';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '../budgets/Budgets.js';

/** A file whose median bytes changed between the baseline and the candidate (matched by its key). */
export interface FileChange {
  /** The candidate's URL, or the baseline's for a file the candidate no longer loads (untrusted). */
  url: string;
  key: string;
  /** Candidate minus baseline, bytes on the wire. */
  deltaBytes: number;
}

/** The change of one resource category's median bytes and requests against the baseline. */
export interface ResourceChange {
  category: ResourceCategory;
  /** Candidate minus baseline median, bytes on the wire. */
  deltaBytes: number;
  /** Relative to the baseline median; undefined when the baseline had none. */
  relative?: number;
  deltaRequests: number;
  /** The file that changed the most in the direction of the change. */
  largestFile?: FileChange;
}

function inCategory(file: ResourceFile, category: ResourceCategory, party: Party): boolean {
  if (category === 'total') return true;
  if (category === 'third-party') return party === 'third';
  return file.type === category;
}

/**
 * Per resource category, how the candidate's median bytes and requests differ from the baseline's, and
 * which file (matched across the two sides by its key: path without build hashes) contributed the most.
 * Categories that did not change are left out.
 */
export function compareResources(
  candidate: ResourcesAggregate,
  baseline: ResourcesAggregate,
): ResourceChange[] {
  const changes: ResourceChange[] = [];
  for (const category of RESOURCE_CATEGORIES) {
    const now = candidate.categories[category];
    const before = baseline.categories[category];
    const deltaBytes = now.transferBytes - before.transferBytes;
    const deltaRequests = now.requests - before.requests;
    if (deltaBytes === 0 && deltaRequests === 0) continue;
    const files = new Map<string, FileChange>();
    for (const file of baseline.files.filter((f) => inCategory(f, category, f.party))) {
      files.set(file.key, { url: file.url, key: file.key, deltaBytes: -file.transferBytes });
    }
    for (const file of candidate.files.filter((f) => inCategory(f, category, f.party))) {
      const previous = files.get(file.key)?.deltaBytes ?? 0;
      files.set(file.key, { url: file.url, key: file.key, deltaBytes: previous + file.transferBytes });
    }
    const sign = Math.sign(deltaBytes);
    const largestFile = [...files.values()]
      .filter((file) => sign !== 0 && Math.sign(file.deltaBytes) === sign)
      .sort((a, b) => Math.abs(b.deltaBytes) - Math.abs(a.deltaBytes) || a.key.localeCompare(b.key))[0];
    changes.push({
      category,
      deltaBytes,
      ...(before.transferBytes > 0 ? { relative: deltaBytes / before.transferBytes } : {}),
      deltaRequests,
      ...(largestFile ? { largestFile } : {}),
    });
  }
  return changes;
}
