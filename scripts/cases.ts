// Loading and judging the labelled cases of ../shared/cases (its README is the spec). Shared by
// the test harness and `npm run eval`, so both count a case the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ContextInput, Finding, Report } from '../lib/engine/types';
import { GRADES, SEVERITIES } from '../lib/engine/types';

export const CASES_DIR =
  process.env.LECTERN_CASES ?? fileURLToPath(new URL('../../shared/cases', import.meta.url));
export const hasCases = existsSync(join(CASES_DIR, 'README.md'));

export interface SentenceCase {
  text: string;
  expect: 'flag' | 'pass';
  match?: string;
  context?: ContextInput;
  lang?: string;
  note?: string;
}

export interface SentenceFile {
  file: string;
  family: string;
  category: string;
  cases: SentenceCase[];
}

export interface DraftItem {
  family?: string;
  category?: string;
  element?: string;
  match?: string;
  maxSeverity?: string;
}

export interface DraftCase {
  slug: string;
  text: string;
  context: ContextInput;
  matter?: string;
  lang?: string;
  mustFlag: DraftItem[];
  mustNotFlag: DraftItem[];
  grade: { min: string; max: string };
  note?: string;
}

const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const list = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();

export function sentenceFiles(): SentenceFile[] {
  const dir = join(CASES_DIR, 'sentences');
  return list(dir, '.json').map((file) => ({
    file,
    ...json<Omit<SentenceFile, 'file'>>(join(dir, file)),
  }));
}

export function draftCases(): DraftCase[] {
  const dir = join(CASES_DIR, 'drafts');
  return list(dir, '.json').map((file) => {
    const slug = file.replace(/\.json$/, '');
    const text = readFileSync(join(dir, `${slug}.txt`), 'utf8');
    return { slug, text, ...json<Omit<DraftCase, 'slug' | 'text'>>(join(dir, file)) };
  });
}

export function overlaps(f: Pick<Finding, 'start' | 'end'>, mStart: number, mEnd: number): boolean {
  if (f.start === f.end) return mStart <= f.start && f.start <= mEnd;
  return f.start < mEnd && mStart < f.end;
}

/** Findings of the file's category that overlap the case's match (flag) or anywhere (pass). */
export function sentenceHits(report: Report, file: SentenceFile, c: SentenceCase): Finding[] {
  const hits = report.findings.filter(
    (f) => f.family === file.family && f.category === file.category,
  );
  if (c.expect === 'pass' || !c.match) return hits;
  const m = c.text.indexOf(c.match);
  return hits.filter((h) => overlaps(h, m, m + c.match!.length));
}

/** The findings an item of mustFlag (or, with forbid, mustNotFlag) is about. */
export function itemHits(report: Report, text: string, item: DraftItem, forbid = false): Finding[] {
  const m = item.match ? text.indexOf(item.match) : -1;
  return report.findings.filter((f) => {
    if (item.family && f.family !== item.family) return false;
    if (!item.family && forbid && f.family === 'missing-element') return false;
    if (item.category && f.category !== item.category) return false;
    if (item.element && f.category !== item.element) return false;
    if (!item.match) return true;
    if (overlaps(f, m, m + item.match.length)) return true;
    const r = f.related;
    return Boolean(r && r.source === null && r.start < m + item.match.length && m < r.end);
  });
}

export function withinSeverity(findings: Finding[], max: string | undefined): boolean {
  if (!max) return true;
  const cap = SEVERITIES.indexOf(max as never);
  return findings.every((f) => SEVERITIES.indexOf(f.severity) <= cap);
}

export function gradeIn(report: Report, range: { min: string; max: string }): boolean {
  const g = GRADES.indexOf(report.grade);
  return g >= GRADES.indexOf(range.min as never) && g <= GRADES.indexOf(range.max as never);
}
