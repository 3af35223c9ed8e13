// The labelled cases in ../shared/cases (see its README): one test per case, judged by the same
// code as `npm run eval` (scripts/cases.ts). A case whose category (or missing element, or
// language) nothing implements yet is reported as skipped, not silently passed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import type { Report } from '../lib/engine/types';
import { GRADES } from '../lib/engine/types';
import { readArchiveDir } from '../lib/facts/archive-node';
import { FACT_RULES } from '../lib/facts/check';
import { builtinRules } from '../lib/rule-packs-node';
import {
  CASES_DIR,
  draftCases,
  hasCases,
  itemHits,
  sentenceFiles,
  sentenceHits,
  withinSeverity,
  type DraftCase,
  type DraftItem,
} from '../scripts/cases';
import { reviewText } from './helpers';

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
  return category
    ? implemented.has(`${lang}:${family}:${category}`)
    : families.has(`${lang}:${family}`);
}

describe.skipIf(!hasCases)('sentence cases', () => {
  for (const file of hasCases ? sentenceFiles() : []) {
    file.cases.forEach((c, i) => {
      const lang = c.lang ?? 'en';
      const name = `sentences/${file.file} #${i} (${c.expect}${lang === 'en' ? '' : `, ${lang}`})`;
      const run = isImplemented(lang, file.family, file.category) ? it : it.skip;
      run(name, () => {
        const report = reviewText(c.text, c.context);

        const hits = sentenceHits(report, file, c);
        if (c.expect === 'pass') {
          expect(
            hits.map((h) => h.excerpt),
            c.note,
          ).toEqual([]);
          return;
        }
        const all = report.findings.filter((f) => f.category === file.category);
        expect(
          hits.length,
          `${c.note ?? ''}\nexpected a ${file.category} finding over "${c.match}"; got ${JSON.stringify(all.map((h) => h.excerpt))}`,
        ).toBeGreaterThan(0);
      });
    });
  }
});

describe.skipIf(!hasCases)('draft cases', () => {
  for (const d of hasCases ? draftCases() : []) {
    const lang = d.lang ?? 'en';
    const archive = d.matter ? readArchiveDir(join(CASES_DIR, d.matter)) : undefined;
    let cached: Report | undefined;
    const report = () => (cached ??= reviewText(d.text, d.context, archive));
    const covered = (item: DraftItem) =>
      isImplemented(lang, item.family ?? '', item.element ?? item.category);

    d.mustFlag.forEach((item, i) => {
      (covered(item) ? it : it.skip)(`drafts/${d.slug} mustFlag[${i}]`, () => {
        const hits = itemHits(report(), d.text, item);

        expect(hits.length, `${d.note}\nmissing: ${JSON.stringify(item)}`).toBeGreaterThan(0);
        expect(withinSeverity(hits, item.maxSeverity), `severity above ${item.maxSeverity}`).toBe(
          true,
        );
      });
    });

    d.mustNotFlag.forEach((item, i) => {
      const run = lang === 'en' || families.has(`${lang}:risky-phrasing`) ? it : it.skip;
      run(`drafts/${d.slug} mustNotFlag[${i}]`, () => {
        const hits = itemHits(report(), d.text, item, true);

        expect(
          hits.map((h) => `${h.category}: ${h.excerpt}`),
          d.note,
        ).toEqual([]);
      });
    });

    // Too high a grade is always a fault; too low counts only once every expected finding is
    // implemented (otherwise the missing rules, not the grading, are to blame).
    it(`drafts/${d.slug} grade ≤ ${d.grade.max}`, () => {
      expect(GRADES.indexOf(report().grade), gradeNote(report(), d)).toBeLessThanOrEqual(
        GRADES.indexOf(d.grade.max as never),
      );
    });
    const complete =
      d.mustFlag.every(covered) && (lang === 'en' || families.has(`${lang}:risky-phrasing`));
    (complete ? it : it.skip)(`drafts/${d.slug} grade ≥ ${d.grade.min}`, () => {
      expect(GRADES.indexOf(report().grade), gradeNote(report(), d)).toBeGreaterThanOrEqual(
        GRADES.indexOf(d.grade.min as never),
      );
    });
  }
});

function gradeNote(report: Report, d: DraftCase): string {
  const lines = report.findings.map(
    (f) => `  ${f.severity} ${f.category}: ${f.excerpt.slice(0, 60)}`,
  );
  return `${d.note}\ngrade ${report.grade} (${report.points} points)\n${lines.join('\n')}`;
}
