// The review record that travels between reviewers: exported as a JSON file or a block to paste
// into an email, imported on another computer, where it attaches to the draft whose text it was
// made for. An altered record, an unknown format version or text that no stored draft has is
// refused with a sentence that says which.
import { applyDismissals, type DismissalItem } from '../dismissals';
import { serially } from '../history/serial';
import { emptyReview, recordVersion } from '../history/service';
import { draftLabel } from '../messaging';
import {
  allDrafts,
  getDismissals,
  getDraft,
  getDraftReview,
  putDismissals,
  putDraft,
  putDraftReview,
  versionsWithHash,
  type DraftRecord,
} from '../storage';
import { makeRecord, parseRecord, toTextBlock, type ReviewRecord } from './record';
import { draftUnderReview, levelsOf } from './service';
import { sha256Hex, verifySignOff, type SignOff } from './signoff';
import type { ExportView, ImportOutcome } from './view';

export async function exportReview(draftKey: string): Promise<ExportView> {
  const { draft, textHash } = await draftUnderReview(draftKey);
  const [review, { levels }, dismissals] = await Promise.all([
    getDraftReview(draftKey),
    levelsOf(draftKey),
    getDismissals(draftKey),
  ]);
  const title = titleOf(draft.text);
  const record = makeRecord({
    title,
    textHash,
    levels,
    signOffs: review?.signOffs ?? [],
    dismissals,
  });
  return {
    fileName: `lectern-review-${slug(title) || 'draft'}-${textHash.slice(0, 8)}.json`,
    json: `${JSON.stringify(record, null, 2)}\n`,
    block: toTextBlock(record),
  };
}

/** Hooks into the background's own per-draft queue and its push to open panels. */
export interface ImportHooks {
  draftQueue: <T>(key: string, task: () => Promise<T>) => Promise<T>;
}

export async function importReview(
  input: string,
  preferKey: string | undefined,
  hooks: ImportHooks,
): Promise<ImportOutcome> {
  const parsed = parseRecord(input);
  if (!parsed.ok) return { ok: false, problem: parsed.problem, message: parsed.reason };

  const { record } = parsed;
  const altered = await firstAltered(record.signOffs);
  if (altered) {
    return {
      ok: false,
      problem: 'altered',
      message:
        `This record was changed after it was signed: the ${altered.level} sign-off by ` +
        `${altered.reviewer.name} does not match its signature. Nothing was imported.`,
    };
  }
  const target = await findDraft(record, preferKey);
  if (!target) {
    return {
      ok: false,
      problem: 'no-match',
      message:
        'No draft on this computer has the text this record was made for (SHA-256 ' +
        `${record.textHash.slice(0, 12)}…). Open that draft, with the same words, and import again.`,
    };
  }
  const added = await attach(target.draft, record, hooks);
  return {
    ok: true,
    draftKey: target.draft.key,
    matches: target.matches,
    added,
    message: attachedMessage(target, record, added),
  };
}

async function firstAltered(signOffs: SignOff[]): Promise<SignOff | undefined> {
  for (const s of signOffs) if (!(await verifySignOff(s))) return s;
  return undefined;
}

interface Target {
  draft: DraftRecord;
  matches: 'current' | 'earlier-version';
}

/** The draft whose text is the record's; then one that once had it (its history says so). */
async function findDraft(record: ReviewRecord, preferKey?: string): Promise<Target | undefined> {
  const signedHashes = new Set([record.textHash, ...record.signOffs.map((s) => s.textHash)]);
  const drafts = await allDrafts();
  const hashes = await Promise.all(drafts.map((d) => sha256Hex(d.text)));
  const current = drafts.filter((_, i) => signedHashes.has(hashes[i]));
  const now = prefer(current, preferKey);
  if (now) return { draft: now, matches: 'current' };

  const keys = new Set<string>();
  for (const hash of signedHashes)
    (await versionsWithHash(hash)).forEach((v) => keys.add(v.draftKey));
  const earlier = drafts.filter((d) => keys.has(d.key));
  const then = prefer(earlier, preferKey);
  return then ? { draft: then, matches: 'earlier-version' } : undefined;
}

function prefer(drafts: DraftRecord[], key?: string): DraftRecord | undefined {
  return drafts.find((d) => d.key === key) ?? drafts.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** Adds the sign-offs this draft lacks and the dismissals; returns how many sign-offs were new. */
async function attach(draft: DraftRecord, record: ReviewRecord, hooks: ImportHooks) {
  const added = await serially(draft.key, async () => {
    const review = (await getDraftReview(draft.key)) ?? emptyReview(draft.key);
    const known = new Set(review.signOffs.map((s) => s.signature));
    const fresh = record.signOffs.filter((s) => !known.has(s.signature));
    // A review keeps the levels it started with; one that has not started takes the record's.
    const levels = review.signOffs.length ? (review.levels ?? record.levels) : record.levels;
    const note = { at: Date.now(), signOffs: fresh.length, exportedAt: record.exportedAt };
    await putDraftReview({
      ...review,
      levels,
      signOffs: [...review.signOffs, ...fresh],
      imports: [...review.imports, note],
    });
    return fresh.length;
  });
  await hooks.draftQueue(draft.key, () => mergeDismissals(draft.key, record.dismissals));
  const text = (await getDraft(draft.key))?.text ?? draft.text;
  await recordVersion({ key: draft.key, text, grade: draft.report?.grade }, 'import');
  return added;
}

async function mergeDismissals(draftKey: string, incoming: DismissalItem[]): Promise<void> {
  if (incoming.length === 0) return;
  const current = await getDismissals(draftKey);
  const same = (a: DismissalItem, b: DismissalItem) =>
    a.rule === b.rule && a.excerpt === b.excerpt && a.occurrence === b.occurrence;
  const merged = [...current, ...incoming.filter((d) => !current.some((c) => same(c, d)))];
  await putDismissals(draftKey, merged);
  const draft = await getDraft(draftKey);
  if (draft?.report) await putDraft({ ...draft, report: applyDismissals(draft.report, merged) });
}

function attachedMessage(target: Target, record: ReviewRecord, added: number): string {
  const where = `the ${draftLabel(target.draft.id, target.draft.kind)} on ${target.draft.id.page}`;
  const what =
    added === 0
      ? `it already had all ${record.signOffs.length} sign-offs`
      : `${added} sign-off${added === 1 ? '' : 's'} added`;
  const when =
    target.matches === 'current'
      ? ''
      : ' The record was made for an earlier version of this draft, so its sign-offs show as stale.';
  return `Attached to ${where}: ${what}.${when}`;
}

/**
 * The headline: the line before the dateline ("LARKHAVEN, Colo., Dec. 9 —"), else the first
 * line that reads like one (several words, no contact details, not a "NEWS RELEASE" banner).
 */
export function titleOf(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const dateline = lines.findIndex((l) => /^[A-Z][A-Z .'-]+,[^—–-]*[—–-]/.test(l));
  const line =
    (dateline > 0 ? lines[dateline - 1] : undefined) ??
    lines.find(
      (l) => l.split(/\s+/).length >= 4 && !/[@|:]|\d{3}-\d{4}/.test(l) && l !== l.toUpperCase(),
    ) ??
    lines[0] ??
    '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
