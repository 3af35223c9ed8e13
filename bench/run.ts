// npm run bench: the engine's median review time on 1,000- and 10,000-word drafts, next to two
// peer prose linters (write-good, alex) measured in the same process on the same text.
import { createRequire } from 'node:module';

import { text as alexText } from 'alex';

import { review } from '../lib/engine';
import { builtinRules } from '../lib/rule-packs-node';
import { draftOfWords } from './corpus';

const require = createRequire(import.meta.url);
const writeGood = require('write-good') as (text: string) => unknown[];

function median(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 2; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rules = builtinRules();
const rows: string[][] = [];
for (const words of [1000, 10000]) {
  const text = draftOfWords(words);
  const runs = words > 5000 ? 7 : 21;
  // A fresh copy each run so no per-text cache can flatter the figure.
  let n = 0;
  const lectern = median(() => review(`${text}${' '.repeat(n++ % 2)}`, undefined, { rules }), runs);
  const wg = median(() => writeGood(text), runs);
  const alex = median(() => alexText(text), runs);
  rows.push([
    `${words.toLocaleString('en')} words`,
    ms(lectern),
    ms(wg),
    ms(alex),
    ratio(lectern, wg),
    ratio(lectern, alex),
  ]);
}

const head = ['draft', 'lectern', 'write-good', 'alex', 'lectern/write-good', 'lectern/alex'];
printTable([head, ...rows]);
const mem = process.memoryUsage();
console.log(
  `\n${rules.rules.length} rules; heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB, rss ${(mem.rss / 1048576).toFixed(0)} MB; median of 21 runs (7 for 10,000 words), Node ${process.version}`,
);

function ms(v: number): string {
  return `${v.toFixed(1)} ms`;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function printTable(table: string[][]): void {
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const row of table) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));
}
