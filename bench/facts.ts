// npx tsx bench/facts.ts: the consistency check on a 1,000-word draft against archives of 100,
// 1,000 and 10,000 prior releases. The archive is indexed once (indexArchive); each check then
// extracts the draft's facts, picks the matter and looks facts up by key, so its cost should
// not grow with the archive. Archives are built from the labelled matters in ../shared/cases
// with every proper name replaced, so each synthetic matter has its own names and places.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { review } from '../lib/engine';
import type { PriorRelease } from '../lib/engine/types';
import { indexArchive, selectMatters } from '../lib/facts/archive';
import { readArchiveDir } from '../lib/facts/archive-node';
import { checkConsistency } from '../lib/facts/check';
import { builtinRules } from '../lib/rule-packs-node';

const CASES = fileURLToPath(new URL('../../shared/cases', import.meta.url));
const MATTER = 'matters/route-9-bus-crash';
const DRAFT = 'drafts/014-harbor-road-collision-update-3.txt';

const SYLLABLES = [
  'tor',
  'val',
  'mer',
  'quin',
  'ash',
  'bel',
  'cor',
  'dun',
  'el',
  'fen',
  'gar',
  'hol',
  'ist',
  'jor',
  'kel',
  'lun',
];

/** A made-up proper name unique to (matter, word). */
function pseudo(seed: number): string {
  let n = seed;
  let out = '';
  for (let i = 0; i < 3; i++) {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length) + 7 * (i + 1);
  }
  return out[0].toUpperCase() + out.slice(1);
}

const KEEP =
  /^(?:The|A|An|As|At|In|On|Our|We|FOR|IMMEDIATE|RELEASE|NEWS|UPDATE|Contact|Media|Next|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec|Street|Road|Avenue|County|Police|Fire|Department|Hospital)$/;

/** The template release with every other capitalised word replaced consistently per matter. */
function disguise(text: string, matter: number): string {
  const names = new Map<string, string>();
  return text.replace(/\b[A-Z][a-z]{2,}\b/g, (w) => {
    if (KEEP.test(w)) return w;
    if (!names.has(w)) names.set(w, pseudo(matter * 131 + names.size * 17 + w.length));
    return names.get(w)!;
  });
}

function templates(): PriorRelease[][] {
  const dir = join(CASES, 'matters');
  const folders = [
    'tamsford-apartment-fire',
    'quayside-warehouse-fire',
    'hollis-ridge-missing-hiker',
    'pine-hollow-illness',
    'pellmont-windstorm-outages',
    'glenmore-plant-fire',
  ];
  return folders.map((f) => readArchiveDir(join(dir, f)));
}

function archiveOf(size: number, real: PriorRelease[]): PriorRelease[] {
  const sets = templates();
  const out: PriorRelease[] = real.map((r) => ({ ...r, matter: 'route-9-bus-crash' }));
  for (let m = 0; out.length < size; m++) {
    const set = sets[m % sets.length];
    for (const r of set) {
      if (out.length >= size) break;
      out.push({
        source: `m${m}/${r.source}`,
        date: r.date,
        matter: `m${m}`,
        text: disguise(r.text, m),
      });
    }
  }
  return out;
}

/** The Harbor Road draft, its body paragraphs repeated to about 1,000 words. */
function draftOf(words: number): string {
  const text = readFileSync(join(CASES, DRAFT), 'utf8');
  const [head, ...body] = text.split(/\n\n/);
  const paras = body.filter((p) => p.split(/\s+/).length > 12);
  const out = [head, ...body.slice(0, -1)];
  for (let i = 0; out.join(' ').split(/\s+/).length < words; i++) out.push(paras[i % paras.length]);
  return `${out.join('\n\n')}\n\n###\n`;
}

function median(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

if (!existsSync(join(CASES, MATTER))) {
  console.log('bench/facts.ts needs ../shared/cases (the labelled matters); nothing to measure.');
  process.exit(0);
}

const rules = builtinRules();
const real = readArchiveDir(join(CASES, MATTER));
const draft = draftOf(1000);
const context = {
  type: 'crisis-update' as const,
  flags: ['crisis' as const, 'prior-releases' as const],
};
const rows: string[][] = [
  [
    'releases',
    'matters',
    'index once',
    'first check',
    'check',
    'review() +archive',
    'review() alone',
    'finds 14 → 11',
    'index JSON',
    'heap growth',
  ],
];

// Warm the JIT and compromise's verb tables so the first row is not charged for them.
checkConsistency(draft, { archive: indexArchive(archiveOf(50, real)) });

for (const size of [100, 1000, 10000]) {
  const releases = archiveOf(size, real);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const index = indexArchive(releases);
  const build = performance.now() - t;
  t = performance.now();
  const found = checkConsistency(draft, { archive: index }).some(
    (f) => f.category === 'count-changed' && f.excerpt === 'Eleven people',
  );
  const cold = performance.now() - t;
  const check = median(() => checkConsistency(draft, { archive: index }), 21);
  // Interleaved, so load on the machine affects both columns alike.
  const withArchive: number[] = [];
  const alone: number[] = [];
  for (let i = 0; i < 15; i++) {
    withArchive.push(median(() => review(draft, context, { rules, archive: index }), 1));
    alone.push(median(() => review(draft, context, { rules }), 1));
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  rows.push([
    size.toLocaleString('en'),
    Object.keys(index.matters).length.toLocaleString('en'),
    `${(build / 1000).toFixed(2)} s`,
    `${cold.toFixed(1)} ms`,
    `${check.toFixed(1)} ms`,
    `${mid(withArchive).toFixed(1)} ms`,
    `${mid(alone).toFixed(1)} ms`,
    `${found ? 'yes' : 'NO'} (${selectMatters(index, draft).join(',')})`,
    `${(JSON.stringify(index).length / 1048576).toFixed(1)} MB`,
    `${(heapGrowth(heapBefore) / 1048576).toFixed(0)} MB`,
  ]);
}

/** Heap held after indexing (the releases' text and the index), after a collection if exposed. */
function heapGrowth(before: number): number {
  globalThis.gc?.();
  return Math.max(0, process.memoryUsage().heapUsed - before);
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
console.log(
  `\ndraft ${draft.split(/\s+/).length} words; medians of 21 checks and of 15 interleaved reviews; Node ${process.version}`,
);
