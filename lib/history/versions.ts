// Revision history of one draft. Typing is coalesced: while the writer keeps typing, the latest
// "typing" version is replaced rather than a new one added per keystroke; a pause, a sign-off
// or an explicit save starts a new version. Pruning follows the user's setting and never drops
// a version that a sign-off points at.
import { diffSentences, diffWords } from 'diff';

import type { Grade } from '../engine/types';

export type VersionReason = 'typing' | 'sign-off' | 'manual' | 'import';

export interface Version {
  id: string;
  at: number;
  text: string;
  hash: string;
  words: number;
  grade?: Grade;
  reason: VersionReason;
  /** When the run of typing that this version closes began (typing versions only). */
  startedAt?: number;
}

export interface HistoryOptions {
  /** A pause in typing longer than this begins a new version. */
  pauseMs: number;
  /** A run of typing longer than this is cut into versions, so long sessions keep steps. */
  coalesceMs: number;
  /** Keep at most this many versions (sign-off versions are never pruned). */
  maxVersions: number;
}

export const DEFAULT_HISTORY: HistoryOptions = { pauseMs: 60_000, coalesceMs: 5 * 60_000, maxVersions: 200 };

/** Returns the new list: the version appended, or replacing the previous typing version. */
export function addVersion(list: Version[], next: Version, options = DEFAULT_HISTORY): Version[] {
  const last = list.at(-1);
  if (last && last.hash === next.hash) {
    if (next.reason === 'typing') return list;
    if (last.reason === 'typing') return [...list.slice(0, -1), { ...last, reason: next.reason, at: next.at, grade: next.grade ?? last.grade }];
  }
  const began = last?.startedAt ?? last?.at ?? next.at;
  const coalesce =
    last !== undefined &&
    last.reason === 'typing' &&
    next.reason === 'typing' &&
    next.at - last.at < options.pauseMs &&
    next.at - began < options.coalesceMs;
  const appended = coalesce
    ? [...list.slice(0, -1), { ...next, id: last.id, startedAt: began }]
    : [...list, { ...next, startedAt: next.at }];
  return prune(appended, options.maxVersions);
}

export function prune(list: Version[], max: number, pinnedHashes: ReadonlySet<string> = new Set()): Version[] {
  if (list.length <= max) return list;
  const keep = (v: Version) => v.reason === 'sign-off' || pinnedHashes.has(v.hash);
  let excess = list.length - max;
  return list.filter((v, i) => {
    if (excess > 0 && i < list.length - 1 && !keep(v)) {
      excess--;
      return false;
    }
    return true;
  });
}

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export function diffTexts(a: string, b: string, by: 'word' | 'sentence'): DiffPart[] {
  const parts = by === 'word' ? diffWords(a, b) : diffSentences(a, b);
  return parts.map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) }));
}

export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const words = (s: string) => (s.match(/\S+/g) ?? []).length;
  return {
    added: parts.filter((p) => p.added).reduce((n, p) => n + words(p.value), 0),
    removed: parts.filter((p) => p.removed).reduce((n, p) => n + words(p.value), 0),
  };
}
