// Revision history of one draft. Typing is coalesced: while the writer keeps typing, the latest
// "typing" version is replaced rather than a new one added per keystroke; a pause, a sign-off
// or an explicit save starts a new version. Pruning follows the user's setting and never drops
// a version that a sign-off points at.
import { diffArrays, diffWords } from 'diff';

import type { Grade } from '../engine/types';
import { segment } from '../text/segment';

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

export const DEFAULT_HISTORY: HistoryOptions = {
  pauseMs: 60_000,
  coalesceMs: 5 * 60_000,
  maxVersions: 200,
};

/** What to do with the newest stored version when another text arrives. */
export type Step = { kind: 'keep' } | { kind: 'put'; version: Version };

/** Same text again: a stronger reason (a sign-off over typing) relabels the version. */
const RANK: Record<VersionReason, number> = { typing: 0, manual: 1, import: 2, 'sign-off': 3 };

/**
 * The step that records `next` after `last`: keep (nothing new), or put a version, which
 * replaces `last` when it has the same id (a run of typing coalesced into one version).
 */
export function nextStep(
  last: Version | undefined,
  next: Version,
  options = DEFAULT_HISTORY,
): Step {
  if (last && last.hash === next.hash) {
    if (RANK[next.reason] <= RANK[last.reason]) return { kind: 'keep' };
    return {
      kind: 'put',
      version: { ...last, reason: next.reason, at: next.at, grade: next.grade ?? last.grade },
    };
  }
  const began = last?.startedAt ?? last?.at ?? next.at;
  const coalesce =
    last !== undefined &&
    last.reason === 'typing' &&
    next.reason === 'typing' &&
    next.at - last.at < options.pauseMs &&
    next.at - began < options.coalesceMs;
  return coalesce
    ? { kind: 'put', version: { ...next, id: last.id, startedAt: began } }
    : { kind: 'put', version: { ...next, startedAt: next.at } };
}

/** Returns the new list: the version appended, or replacing the previous typing version. */
export function addVersion(list: Version[], next: Version, options = DEFAULT_HISTORY): Version[] {
  const step = nextStep(list.at(-1), next, options);
  if (step.kind === 'keep') return list;

  const replaces = list.at(-1)?.id === step.version.id;
  const updated = replaces ? [...list.slice(0, -1), step.version] : [...list, step.version];
  return prune(updated, options.maxVersions);
}

type Prunable = Pick<Version, 'id' | 'hash' | 'reason'>;

export function prune<T extends Prunable>(
  list: T[],
  max: number,
  pinnedHashes: ReadonlySet<string> = new Set(),
): T[] {
  const drop = new Set(prunableIds(list, max, pinnedHashes));
  return drop.size ? list.filter((v) => !drop.has(v.id)) : list;
}

/**
 * The oldest versions beyond `max`, oldest first. Signed versions, versions whose text a
 * sign-off points at, and the newest version are never among them, so a history full of
 * sign-offs may exceed `max`; the panel says so rather than drop an approved text.
 */
export function prunableIds<T extends Prunable>(
  list: T[],
  max: number,
  pinnedHashes: ReadonlySet<string> = new Set(),
): string[] {
  const keep = (v: T) => v.reason === 'sign-off' || pinnedHashes.has(v.hash);
  let excess = list.length - max;
  const out: string[] = [];
  list.forEach((v, i) => {
    if (excess > 0 && i < list.length - 1 && !keep(v)) {
      excess--;
      out.push(v.id);
    }
  });
  return out;
}

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/**
 * Word or sentence diff. Sentences are the engine's own (segment(): "Jan. 11", "p.m." and
 * "Salem, Ore." do not end one), each with the space after it, so the parts rebuild both texts.
 */
export function diffTexts(a: string, b: string, by: 'word' | 'sentence'): DiffPart[] {
  const parts =
    by === 'word'
      ? diffWords(a, b)
      : diffArrays(sentenceTokens(a), sentenceTokens(b)).map((p) => ({
          ...p,
          value: p.value.join(''),
        }));
  return parts.map((p) => ({
    value: p.value,
    ...(p.added ? { added: true } : {}),
    ...(p.removed ? { removed: true } : {}),
  }));
}

function sentenceTokens(text: string): string[] {
  const starts = segment(text)
    .sentences.map((s) => s.start)
    .filter((start) => start > 0);
  const cuts = [0, ...starts, text.length];
  return cuts
    .slice(0, -1)
    .map((from, i) => text.slice(from, cuts[i + 1]))
    .filter(Boolean);
}

export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const words = (s: string) => (s.match(/\S+/g) ?? []).length;
  return {
    added: parts.filter((p) => p.added).reduce((n, p) => n + words(p.value), 0),
    removed: parts.filter((p) => p.removed).reduce((n, p) => n + words(p.value), 0),
  };
}
