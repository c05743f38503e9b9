// `npm run bench -- inputs [ENTRIES]`: how long parseBudgets takes to refuse a budgets file of ENTRIES
// (default 200,000) invalid entries (about 10 MB), and the shape of its answer. Medians of 5.
import { parseBudgets } from '../src/budgets/loadBudgets.js';
import { compilePathPattern } from '../src/budgets/matchPath.js';

const entries = Number(process.argv[2] ?? 200_000);
const parts: string[] = [];
for (let index = 0; index < entries; index++) {
  parts.push(JSON.stringify({ path: `nope${index}`, metrics: { LCP: { max: -1 } } }));
}
const text = `{"budgets":[${parts.join(',')}]}`;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const times: number[] = [];
let message = '';
for (let round = 0; round < 5; round++) {
  const started = performance.now();
  try {
    parseBudgets(text, 'big.json');
  } catch (error) {
    message = (error as Error).message;
  }
  times.push(performance.now() - started);
}
const lines = message.split('\n');
console.log(`budgets file: ${(text.length / 1e6).toFixed(1)} MB, ${entries} invalid entries`);
console.log(
  `parseBudgets refuses it in ${median(times).toFixed(0)} ms (median of 5; all: ${times.map((t) => t.toFixed(0)).join(', ')})`,
);
console.log(`answer: ${lines.length} lines; last: ${lines.at(-1)}`);

const pattern = '/*a*a*a*a*a*a*a*a*a*a*a*a*b';
const path = `/${'a'.repeat(39)}`;
const patternTimes: number[] = [];
for (let round = 0; round < 5; round++) {
  const started = performance.now();
  for (let i = 0; i < 1000; i++) compilePathPattern(pattern).test(path);
  patternTimes.push((performance.now() - started) / 1000);
}
console.log(
  `${pattern} vs a 40-char path: ${(median(patternTimes) * 1000).toFixed(1)} µs per match (median of 5 × 1000)`,
);
