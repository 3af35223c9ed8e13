// npm run eval: every labelled case in ../shared/cases, scored per category — flagged/expected,
// precision, recall — and the false flags per 1,000 words on the drafts expected to be clean.
import { review } from '../lib/engine';
import { join } from 'node:path';

import type { Report } from '../lib/engine/types';
import { readArchiveDir } from '../lib/facts/archive-node';
import { builtinRules } from '../lib/rule-packs-node';
import { countWords } from '../lib/text/segment';
import {
  CASES_DIR,
  draftCases,
  gradeIn,
  hasCases,
  itemHits,
  sentenceFiles,
  sentenceHits,
  withinSeverity,
} from './cases';

if (!hasCases) {
  console.error(`eval: no labelled cases at ${CASES_DIR} (set LECTERN_CASES)`);
  process.exit(2);
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  expected: number;
}

const rules = builtinRules();
const lang = process.argv.includes('--all-languages') ? undefined : 'en';
const scores = new Map<string, Score>();
const score = (key: string) => {
  if (!scores.has(key)) scores.set(key, { tp: 0, fp: 0, fn: 0, expected: 0 });
  return scores.get(key)!;
};
const failures: string[] = [];

for (const file of sentenceFiles()) {
  file.cases.forEach((c, i) => {
    if (lang && (c.lang ?? 'en') !== lang) return;
    const report = review(c.text, c.context ?? { type: 'routine', flags: [] }, { rules });
    const hits = sentenceHits(report, file, c);
    const s = score(`${file.family}/${file.category}`);
    if (c.expect === 'flag') {
      s.expected++;
      if (hits.length) s.tp++;
      else {
        s.fn++;
        failures.push(`sentences/${file.file} #${i} missed: ${c.match}`);
      }
    } else if (hits.length) {
      s.fp++;
      failures.push(`sentences/${file.file} #${i} false flag: ${hits[0].excerpt}`);
    }
  });
}

let cleanWords = 0;
const cleanFlags = new Map<string, number>();
let gradesOk = 0;
let gradesAll = 0;
for (const d of draftCases()) {
  if (lang && (d.lang ?? 'en') !== lang) continue;
  const report = reviewDraft(d.text, d.context, d.matter);
  for (const item of d.mustFlag) {
    const hits = itemHits(report, d.text, item);
    const s = score(`${item.family}/${item.element ?? item.category ?? '*'}`);
    s.expected++;
    if (hits.length && withinSeverity(hits, item.maxSeverity)) s.tp++;
    else {
      s.fn++;
      failures.push(`drafts/${d.slug} missed: ${JSON.stringify(item)}`);
    }
  }
  for (const item of d.mustNotFlag) {
    const hits = itemHits(report, d.text, item, true);
    for (const h of hits) {
      score(`${h.family}/${h.category}`).fp++;
      failures.push(`drafts/${d.slug} must not flag ${h.category}: ${h.excerpt.slice(0, 60)}`);
    }
  }
  gradesAll++;
  if (gradeIn(report, d.grade)) gradesOk++;
  else
    failures.push(`drafts/${d.slug} grade ${report.grade}, expected ${d.grade.min}–${d.grade.max}`);
  if (d.mustFlag.length === 0) {
    cleanWords += countWords(d.text);
    for (const f of report.findings.filter((x) => x.severity !== 'info')) {
      const key = `${f.family}/${f.category}`;
      cleanFlags.set(key, (cleanFlags.get(key) ?? 0) + 1);
    }
  }
}

function reviewDraft(text: string, context: Parameters<typeof review>[1], matter?: string): Report {
  const archive = matter ? readArchiveDir(join(CASES_DIR, matter)) : undefined;
  return review(text, context, { rules, ...(archive ? { archive } : {}) });
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)} %`);
const rows = [...scores]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, s]) => [
    key,
    `${s.tp}/${s.expected}`,
    pct(s.tp, s.tp + s.fp),
    pct(s.tp, s.tp + s.fn),
    s.fp.toString(),
    (((cleanFlags.get(key) ?? 0) * 1000) / Math.max(1, cleanWords)).toFixed(2),
  ]);
const table = [
  [
    'category',
    'flagged/expected',
    'precision',
    'recall',
    'false flags',
    'per 1k words (clean drafts)',
  ],
  ...rows,
];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const row of table)
  console.log(
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  );
const totalClean = [...cleanFlags.values()].reduce((a, b) => a + b, 0);
console.log(
  `\ndraft grades in range: ${gradesOk}/${gradesAll}; clean drafts: ${cleanWords} words, ${totalClean} findings (${((totalClean * 1000) / Math.max(1, cleanWords)).toFixed(2)} per 1,000 words)`,
);
if (process.argv.includes('--failures')) for (const f of failures) console.log(`  ${f}`);
else if (failures.length)
  console.log(`${failures.length} case checks failed (npm run eval -- --failures lists them)`);
process.exitCode = failures.length ? 1 : 0;
