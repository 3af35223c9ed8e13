// Each draft's versions in storage, for the background: a version per run of typing, one at
// each sign-off and import, one when the user asks. The user's limit is kept by removing the
// oldest unsigned versions, and the count removed is kept so the panel can say so.
import type { Grade } from '../engine/types';
import { sha256Hex } from '../review/signoff';
import { countWords } from '../text/segment';
import {
  allDraftReviews,
  countVersions,
  deleteVersions,
  draftVersions,
  getDraftReview,
  getSetting,
  getVersion,
  lastVersion,
  putDraftReview,
  putSetting,
  putVersion,
  versionsWithHash,
  type DraftReviewRecord,
  type VersionRecord,
} from '../storage';
import type { CompareView, HistoryView, VersionView } from '../review/view';
import { serially } from './serial';
import {
  DEFAULT_HISTORY,
  diffStats,
  diffTexts,
  nextStep,
  prunableIds,
  type HistoryOptions,
  type VersionReason,
} from './versions';

const MAX_VERSIONS = 'history.maxVersions';
export const MAX_VERSIONS_RANGE = { min: 5, max: 5000 } as const;

export interface DraftText {
  key: string;
  text: string;
  grade?: Grade;
}

export async function historyOptions(): Promise<HistoryOptions> {
  const max = await getSetting<number>(MAX_VERSIONS);
  return { ...DEFAULT_HISTORY, ...(max ? { maxVersions: max } : {}) };
}

/** Stores the limit and applies it to every draft now; returns how many versions went. */
export async function setMaxVersions(max: number): Promise<{ removed: number }> {
  await putSetting(MAX_VERSIONS, max);
  let removed = 0;
  for (const review of await allDraftReviews()) removed += await pruneDraft(review.draftKey, max);
  return { removed };
}

/** Records the draft's text as a version (coalesced with the previous while typing). */
export async function recordVersion(
  draft: DraftText,
  reason: VersionReason,
  at = Date.now(),
): Promise<VersionRecord | undefined> {
  const hash = await sha256Hex(draft.text);
  return serially(draft.key, async () => {
    const options = await historyOptions();
    const step = nextStep(
      await lastVersion(draft.key),
      {
        id: crypto.randomUUID(),
        at,
        text: draft.text,
        hash,
        words: countWords(draft.text),
        reason,
        ...(draft.grade ? { grade: draft.grade } : {}),
      },
      options,
    );
    if (step.kind === 'keep') return undefined;
    const record = { ...step.version, draftKey: draft.key };
    await putVersion(record);
    if ((await countVersions(draft.key)) > options.maxVersions) {
      await pruneLocked(draft.key, options.maxVersions);
    }
    return record;
  });
}

export async function historyOf(draftKey: string, currentHash: string): Promise<HistoryView> {
  const [versions, review, options] = await Promise.all([
    draftVersions(draftKey),
    getDraftReview(draftKey),
    historyOptions(),
  ]);
  const views = versions.map((v) => viewOf(v, currentHash, review)).reverse();
  const over = Math.max(0, versions.length - options.maxVersions);
  return {
    draftKey,
    versions: views,
    maxVersions: options.maxVersions,
    pruned: review?.pruned ?? 0,
    keptOverLimit: over,
  };
}

export async function compareVersions(
  draftKey: string,
  from: string,
  to: string,
  by: 'word' | 'sentence',
): Promise<CompareView> {
  const [a, b] = await Promise.all([versionOf(draftKey, from), versionOf(draftKey, to)]);
  const parts = diffTexts(a.text, b.text, by);
  return { from, to, by, parts, ...diffStats(parts) };
}

export async function versionText(draftKey: string, id: string): Promise<string> {
  return (await versionOf(draftKey, id)).text;
}

/** Texts this draft once had, by hash (the texts sign-offs approved, say), when still stored. */
export async function textsByHash(
  draftKey: string,
  hashes: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const hash of hashes) {
    const version = (await versionsWithHash(hash)).find((v) => v.draftKey === draftKey);
    if (version) found.set(hash, version.text);
  }
  return found;
}

async function versionOf(draftKey: string, id: string): Promise<VersionRecord> {
  const v = await getVersion(id);
  if (!v || v.draftKey !== draftKey) throw new Error('This version is no longer stored.');
  return v;
}

async function pruneDraft(draftKey: string, max: number): Promise<number> {
  return serially(draftKey, () => pruneLocked(draftKey, max));
}

/** Runs inside the draft's queue. Texts a sign-off approved are never removed. */
async function pruneLocked(draftKey: string, max: number): Promise<number> {
  const [versions, review] = await Promise.all([draftVersions(draftKey), getDraftReview(draftKey)]);
  const pinned = new Set(review?.signOffs.map((s) => s.textHash) ?? []);
  const ids = prunableIds(versions, max, pinned);
  if (ids.length === 0) return 0;

  await deleteVersions(ids);
  await putDraftReview({
    ...(review ?? emptyReview(draftKey)),
    pruned: (review?.pruned ?? 0) + ids.length,
  });
  return ids.length;
}

export function emptyReview(draftKey: string): DraftReviewRecord {
  return { draftKey, signOffs: [], imports: [], pruned: 0 };
}

function viewOf(v: VersionRecord, currentHash: string, review?: DraftReviewRecord): VersionView {
  const signedBy = (review?.signOffs ?? [])
    .filter((s) => s.textHash === v.hash && s.decision === 'approve')
    .map((s) => s.level);
  return {
    id: v.id,
    at: v.at,
    reason: v.reason,
    words: v.words,
    chars: v.text.length,
    ...(v.grade ? { grade: v.grade } : {}),
    current: v.hash === currentHash,
    signedBy: [...new Set(signedBy)],
  };
}
