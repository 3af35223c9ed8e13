// The labelled cases in ../shared/cases (see its README): one test per case. A case whose
// category (or missing element, or language) no rule implements yet is reported as skipped,
// not silently passed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { ContextInput, Report } from '../lib/engine/types';
import { GRADES, SEVERITIES } from '../lib/engine/types';
import { readArchiveDir } from '../lib/facts/archive-node';
import { FACT_RULES } from '../lib/facts/check';
import { builtinRules } from '../lib/rule-packs-node';
import { CASES_DIR, hasCases, listFiles, overlaps, readJson, reviewText } from './helpers';

interface SentenceFile {
  family: string;
  category: string;
  cases: Array<{
    text: string;
    expect: 'flag' | 'pass';
    match?: string;
    context?: ContextInput;
    lang?: string;
    note?: string;
  }>;
}

interface DraftItem {
  family?: string;
  category?: string;
  element?: string;
  match?: string;
  maxSeverity?: string;
}

interface DraftCase {
  context: ContextInput;
  matter?: string;
  lang?: string;
  mustFlag: DraftItem[];
  mustNotFlag: DraftItem[];
  grade: { min: string; max: string };
  note?: string;
}

const { rules } = builtinRules();
const implemented = new Set(rules.map((r) => `${r.lang}:${r.family}:${r.category}`));
const families = new Set(rules.map((r) => `${r.lang}:${r.family}`));
// The fact checker (lib/facts) is code, not a rule file; it implements the inconsistency family
// for English drafts, with or without an archive.
for (const id of Object.values(FACT_RULES)) {
  implemented.add(`en:inconsistency:${id.replace('facts/', '')}`);
  families.add('en:inconsistency');
}

function isImplemented(lang: string, family: string, category?: string): boolean {
  return category ? implemented.has(`${lang}:${family}:${category}`) : families.has(`${lang}:${family}`);
}

const sentenceFiles = hasCases ? listFiles(join(CASES_DIR, 'sentences'), '.json') : [];
const draftFiles = hasCases ? listFiles(join(CASES_DIR, 'drafts'), '.json') : [];

describe.skipIf(!hasCases)('sentence cases', () => {
  for (const file of sentenceFiles) {
    const data = readJson<SentenceFile>(join(CASES_DIR, 'sentences', file));
    data.cases.forEach((c, i) => {
      const lang = c.lang ?? 'en';
      const name = `sentences/${file} #${i} (${c.expect}${lang === 'en' ? '' : `, ${lang}`})`;
      const run = isImplemented(lang, data.family, data.category) ? it : it.skip;
      run(name, () => {
        const report = reviewText(c.text, c.context);

        const hits = report.findings.filter(
          (f) => f.family === data.family && f.category === data.category,
        );
        if (c.expect === 'pass') {
          expect(hits.map((h) => h.excerpt), c.note).toEqual([]);
          return;
        }
        const m = c.text.indexOf(c.match!);
        expect(
          hits.some((h) => overlaps(h, m, m + c.match!.length)),
          `${c.note ?? ''}\nexpected a ${data.category} finding over "${c.match}"; got ${JSON.stringify(hits.map((h) => h.excerpt))}`,
        ).toBe(true);
      });
    });
  }
});

describe.skipIf(!hasCases)('draft cases', () => {
  for (const file of draftFiles) {
    const slug = file.replace(/\.json$/, '');
    const d = readJson<DraftCase>(join(CASES_DIR, 'drafts', file));
    const text = readFileSync(join(CASES_DIR, 'drafts', `${slug}.txt`), 'utf8');
    const lang = d.lang ?? 'en';
    const needsArchive = Boolean(d.matter);
    const archive = d.matter ? readArchiveDir(join(CASES_DIR, d.matter)) : undefined;
    let cached: Report | undefined;
    const report = () => (cached ??= reviewText(text, d.context, archive));
    const covered = (item: DraftItem) =>
      isImplemented(lang, item.family ?? '', item.element ?? item.category);

    d.mustFlag.forEach((item, i) => {
      const run = covered(item) ? it : it.skip;
      run(`drafts/${slug} mustFlag[${i}]`, () => {
        const hits = matching(report(), text, item);
        expect(hits.length, `${d.note}\nmissing: ${JSON.stringify(item)}`).toBeGreaterThan(0);
        if (item.maxSeverity) {
          const cap = SEVERITIES.indexOf(item.maxSeverity as never);
          for (const h of hits) expect(SEVERITIES.indexOf(h.severity)).toBeLessThanOrEqual(cap);
        }
      });
    });

    d.mustNotFlag.forEach((item, i) => {
      const run = lang === 'en' || families.has(`${lang}:risky-phrasing`) ? it : it.skip;
      run(`drafts/${slug} mustNotFlag[${i}]`, () => {
        const hits = matching(report(), text, item, true);
        expect(hits.map((h) => `${h.category}: ${h.excerpt}`), d.note).toEqual([]);
      });
    });

    // Too high a grade is always a fault; too low counts only once every expected finding is
    // implemented (otherwise the missing rules, not the grading, are to blame).
    const complete = d.mustFlag.every(covered) && (!needsArchive || families.has(`${lang}:inconsistency`));
    it(`drafts/${slug} grade ≤ ${d.grade.max}`, () => {
      expect(GRADES.indexOf(report().grade), gradeNote(report(), d)).toBeLessThanOrEqual(
        GRADES.indexOf(d.grade.max as never),
      );
    });
    (complete && (lang === 'en' || families.has(`${lang}:risky-phrasing`)) ? it : it.skip)(
      `drafts/${slug} grade ≥ ${d.grade.min}`,
      () => {
        expect(GRADES.indexOf(report().grade), gradeNote(report(), d)).toBeGreaterThanOrEqual(
          GRADES.indexOf(d.grade.min as never),
        );
      },
    );
  }
});

function matching(report: Report, text: string, item: DraftItem, forbid = false) {
  const m = item.match ? text.indexOf(item.match) : -1;
  return report.findings.filter((f) => {
    if (item.family && f.family !== item.family) return false;
    if (!item.family && forbid && f.family === 'missing-element') return false;
    if (item.category && f.category !== item.category) return false;
    if (item.element && f.category !== item.element) return false;
    if (item.match) {
      if (overlaps(f, m, m + item.match.length)) return true;
      const r = f.related;
      return Boolean(r && r.source === null && r.start < m + item.match.length && m < r.end);
    }
    return true;
  });
}

function gradeNote(report: Report, d: DraftCase): string {
  const lines = report.findings.map((f) => `  ${f.severity} ${f.category}: ${f.excerpt.slice(0, 60)}`);
  return `${d.note}\ngrade ${report.grade} (${report.points} points)\n${lines.join('\n')}`;
}
