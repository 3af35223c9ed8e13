import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { review } from '../lib/engine';
import type { ContextInput, Finding, PriorRelease, Report } from '../lib/engine/types';
import { builtinRules } from '../lib/rule-packs-node';

/** ../shared/cases beside the repository (LECTERN_CASES overrides). */
export const CASES_DIR =
  process.env.LECTERN_CASES ?? fileURLToPath(new URL('../../shared/cases', import.meta.url));

export const hasCases = existsSync(join(CASES_DIR, 'README.md'));

export function reviewText(text: string, context?: ContextInput, archive?: PriorRelease[]): Report {
  const options = { rules: builtinRules(), ...(archive ? { archive } : {}) };
  return review(text, context ?? { type: 'routine', flags: [] }, options);
}

export function overlaps(f: Finding, mStart: number, mEnd: number): boolean {
  if (f.start === f.end) return mStart <= f.start && f.start <= mEnd;
  return f.start < mEnd && mStart < f.end;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();
}
