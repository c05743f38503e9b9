import { join } from 'node:path';
import type { GateResults } from './GateResults.js';

/** The file-system operations the gate needs; an interface so the gate can be tested without disk. */
export interface OutputFiles {
  mkdir(path: string): Promise<void>;
  writeFile(path: string, content: string): Promise<void>;
}

export interface WrittenOutputs {
  resultsPath: string;
  reportPath: string;
}

/** `lighthouse-1-product-42.html` for the first URL `/product/42`; `root` for `/`. */
export function lighthouseReportName(url: string, position: number): string {
  const { pathname, search } = new URL(url);
  const slug =
    `${pathname}${search}`
      .replace(/[^a-zA-Z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'root';
  return `lighthouse-${position + 1}-${slug}.html`;
}

/** Writes results.json and report.md into the output folder (creating it). */
export async function writeOutputs(
  results: GateResults,
  markdown: string,
  outputDir: string,
  files: OutputFiles,
): Promise<WrittenOutputs> {
  await files.mkdir(outputDir);
  const resultsPath = join(outputDir, 'results.json');
  const reportPath = join(outputDir, 'report.md');
  await files.writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  await files.writeFile(reportPath, markdown);
  return { resultsPath, reportPath };
}
