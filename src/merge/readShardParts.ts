import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadText } from '../budgets/loadBudgets.js';
import { describeError } from '../errors/UserError.js';
import { readResultsFile } from '../publish/readResultsFile.js';
import type { ShardPart } from './mergeResults.js';

/** Every results.json in the folders (searched to depth 2: an artifact download puts each in its own folder). */
export async function findResultFiles(directories: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (directory: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(directory, entry.name);
      if (entry.isFile() && entry.name === 'results.json') found.push(path);
      else if (entry.isDirectory() && depth < 2) await walk(path, depth + 1);
    }
  };
  for (const directory of directories) await walk(directory, 0);
  return found;
}

/** Reads each shard's results.json (shape-checked like any uploaded results); an unreadable one is a part with its error. */
export async function readShardParts(files: readonly string[], readText: ReadText): Promise<ShardPart[]> {
  return Promise.all(
    files.map(async (file) => {
      try {
        return { source: file, results: await readResultsFile(file, readText, { sameRun: true }) };
      } catch (error) {
        return { source: file, error: describeError(error) };
      }
    }),
  );
}
