/** How many problems an error message lists before "and N more". */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * The problems found in one input, for one error message: the first 20 distinct ones are kept, the rest
 * only counted, so a file with 200,000 bad entries still gives a short answer (and quickly: nothing is
 * ever spread into a call).
 */
export class ProblemList {
  private readonly listed: string[] = [];
  private readonly seen = new Set<string>();
  private more = 0;

  add(problem: string): void {
    if (this.seen.has(problem)) return;
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      this.seen.add(problem);
      this.listed.push(problem);
    } else this.more++;
  }

  addAll(problems: Iterable<string>): void {
    for (const problem of problems) this.add(problem);
  }

  /** Whether further problems are only counted (callers may then skip describing them). */
  get full(): boolean {
    return this.listed.length >= MAX_LISTED_PROBLEMS;
  }

  /** Counts `n` problems past the listed ones without describing them. */
  countMore(n: number): void {
    if (!this.full) throw new Error('countMore before the list is full');
    this.more += n;
  }

  get count(): number {
    return this.listed.length + this.more;
  }

  /** `header` then one `  - problem` line each, then `  … and N more`. */
  format(header: string): string {
    const lines = this.listed.map((problem) => `  - ${problem}`);
    if (this.more > 0) lines.push(`  … and ${this.more} more`);
    return `${header}\n${lines.join('\n')}`;
  }
}
