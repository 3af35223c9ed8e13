// The review of one draft as the background serves it: where each level stands for the text in
// the editor now, what each level still has to settle, and the signing itself. The sign-off is
// refused when the draft moved on since the reviewer looked, so it binds to the words they saw.
import type { Report } from '../engine/types';
import { diffStats, diffTexts, type DiffPart } from '../history/versions';
import { serially } from '../history/serial';
import { emptyReview, recordVersion, textsByHash } from '../history/service';
import { getDraft, getDraftReview, putDraftReview, type DraftRecord } from '../storage';
import { lastFullApproval, signedGrade } from './approval';
import {
  approvalBlockers,
  checklistOf,
  findingsToSettle,
  signedChecklist,
  unknownOverrides,
} from './checklist';
import { requiredLevels, type Level } from './levels';
import type { SignRequest } from './requests';
import { configuredLevels, identity, signingKeys, trustedKeys } from './settings';
import {
  cannotSign,
  levelStatuses,
  sha256Hex,
  signOff,
  type LevelStatus,
  type SignOff,
} from './signoff';
import { trustOf, type TrustedKey } from './trust';
import type { ApprovalView, IdentityView, LevelView, ReviewView, SignOffView } from './view';

export interface DraftUnderReview {
  draft: DraftRecord;
  report: Report;
  textHash: string;
}

export async function draftUnderReview(draftKey: string): Promise<DraftUnderReview> {
  const draft = await getDraft(draftKey);
  if (!draft?.report) throw new Error('This draft is not stored yet; type in the editor first.');
  return { draft, report: draft.report, textHash: await sha256Hex(draft.text) };
}

/** The levels a draft's review runs under: fixed at its first sign-off, else the settings. */
export async function levelsOf(draftKey: string): Promise<{ levels: Level[]; pinned: boolean }> {
  const review = await getDraftReview(draftKey);
  if (review?.levels) return { levels: review.levels, pinned: true };
  return { levels: (await configuredLevels()).levels, pinned: false };
}

export async function reviewOf(draftKey: string): Promise<ReviewView> {
  const { draft, report, textHash } = await draftUnderReview(draftKey);
  const [review, { levels, pinned }, trusted, who] = await Promise.all([
    getDraftReview(draftKey),
    levelsOf(draftKey),
    trustedKeys(),
    identity(),
  ]);
  const signOffs = review?.signOffs ?? [];
  const texts = await knownTexts(draftKey, signOffs, draft.text, textHash);
  const views = await signOffViews(signOffs, trusted, who.fingerprint ?? undefined);
  const context = { levels, signOffs, report, textHash, texts, views, who };
  return {
    draftKey,
    textHash,
    grade: report.grade,
    levels: levelViews(context),
    identity: who,
    approval: approvalOf(context),
    pinnedLevels: pinned,
    trustedKeys: trusted.length,
    signOffs: signOffs.length,
  };
}

/** Signs a level of the draft's current text with this browser's key, or says why not. */
export async function signLevel(request: SignRequest): Promise<ReviewView> {
  const signed = await serially(request.draftKey, async () => {
    const { draft, report, textHash } = await draftUnderReview(request.draftKey);
    if (textHash !== request.textHash) {
      throw new Error('The draft changed while you were signing. Check the new text, then sign.');
    }
    const who = await identity();
    if (!who.reviewer?.name || !who.reviewer.role) {
      throw new Error('Enter your name and role before you sign.');
    }
    const review = (await getDraftReview(request.draftKey)) ?? emptyReview(request.draftKey);
    const levels = review.levels ?? (await configuredLevels()).levels;
    const level = levels.find((l) => l.id === request.level);
    const { keys, fingerprint } = await signingKeys();
    const refusal = cannotSign(
      levels,
      review.signOffs,
      request.level,
      { reviewer: who.reviewer, fingerprint },
      textHash,
    );
    if (refusal || !level) throw new Error(`You cannot sign this level: ${refusal}.`);

    const attested = level.items
      .filter((i) => i.categories.length === 0 && request.attested?.includes(i.id))
      .map((i) => i.id);
    const overrides = (request.overrides ?? []).filter((o) => o.reason.trim());
    checkDecision(request, level, report, attested, overrides);

    const s = await signOff(
      {
        level: level.id,
        reviewer: who.reviewer,
        at: new Date().toISOString(),
        decision: request.decision,
        comment: (request.comment ?? '').trim(),
        overrides,
        attested,
        grade: report.grade,
        textHash,
      },
      keys,
    );
    await putDraftReview({ ...review, levels, signOffs: [...review.signOffs, s] });
    return draft;
  });
  await recordVersion(
    { key: signed.key, text: signed.text, grade: signed.report?.grade },
    'sign-off',
  );
  return reviewOf(request.draftKey);
}

function checkDecision(
  request: SignRequest,
  level: Level,
  report: Report,
  attested: string[],
  overrides: Array<{ rule: string; excerpt: string; reason: string }>,
): void {
  if (request.decision === 'return') {
    if (!request.comment?.trim()) throw new Error('Say why you return the draft, in the comment.');
    return;
  }
  const gone = unknownOverrides(report, overrides);
  if (gone.length) {
    throw new Error(`The finding “${gone[0].excerpt || gone[0].rule}” is no longer in the review.`);
  }
  const blockers = approvalBlockers(level, report, attested, overrides);
  if (blockers.length) throw new Error(`To approve ${level.id}: ${blockers.join('; ')}.`);
}

// ---- building the view ------------------------------------------------------------------

interface ViewContext {
  levels: Level[];
  signOffs: SignOff[];
  report: Report;
  textHash: string;
  /** texts by hash: the current one and those sign-offs point at, when stored */
  texts: Map<string, string>;
  views: Map<string, SignOffView>;
  who: IdentityView;
}

function levelViews(c: ViewContext): LevelView[] {
  const required = new Set(requiredLevels(c.levels, c.report.grade, c.report.context));
  const statuses = levelStatuses(c.levels, c.signOffs, c.textHash);
  return c.levels.map((level) => {
    const status = statuses.get(level.id)!;
    const signed = 'signOff' in status ? status.signOff : undefined;
    return {
      id: level.id,
      name: level.name,
      role: level.role,
      after: level.after,
      required: required.has(level.id),
      ...stateOf(status),
      ...(signed ? signedPart(signed, c) : {}),
      items: itemsOf(level, status, c.report),
      toSettle: findingsToSettle(level, c.report),
      ...refusalOf(level, c),
    };
  });
}

/** An approval standing for this text settles the items it confirmed and the findings it overrode. */
function itemsOf(level: Level, status: LevelStatus, report: Report) {
  const items = checklistOf(level, report);
  return status.state === 'approved' ? signedChecklist(items, status.signOff) : items;
}

function stateOf(status: LevelStatus): Pick<LevelView, 'state' | 'staleReason' | 'on'> {
  if (status.state === 'waiting') return { state: 'waiting', on: status.on };
  if (status.state !== 'stale') return { state: status.state };
  return status.reason === 'earlier-level'
    ? { state: 'stale', staleReason: 'earlier-level', on: status.on }
    : { state: 'stale', staleReason: 'text-changed' };
}

function signedPart(s: SignOff, c: ViewContext): Partial<LevelView> {
  const other = s.textHash !== c.textHash;
  const approved = other ? c.texts.get(s.textHash) : undefined;
  const current = c.texts.get(c.textHash)!;
  return {
    signOff: c.views.get(s.signature),
    signedOtherText: other,
    ...(other
      ? { diff: approved === undefined ? null : diffTexts(approved, current, 'word') }
      : {}),
  };
}

function refusalOf(level: Level, c: ViewContext): Pick<LevelView, 'cannotSign'> {
  const reviewer = c.who.reviewer;
  if (!reviewer?.name || !reviewer.role) return { cannotSign: 'enter your name and role first' };
  const who = { reviewer, fingerprint: c.who.fingerprint ?? '' };
  const refusal = cannotSign(c.levels, c.signOffs, level.id, who, c.textHash);
  return refusal ? { cannotSign: refusal } : {};
}

function approvalOf(c: ViewContext): ApprovalView {
  const gradeOf = (hash: string) =>
    hash === c.textHash ? c.report.grade : (signedGrade(c.signOffs, hash) ?? c.report.grade);
  const full = lastFullApproval(c.levels, c.signOffs, c.report.context, gradeOf);
  if (!full) return { state: 'none' };
  if (full.textHash === c.textHash) return { state: 'current', at: full.at, levels: full.levels };

  const approved = c.texts.get(full.textHash);
  const diff: DiffPart[] | null =
    approved === undefined ? null : diffTexts(approved, c.texts.get(c.textHash)!, 'word');
  const stats = diff ? diffStats(diff) : { added: 0, removed: 0 };
  return { state: 'differs', at: full.at, levels: full.levels, diff, ...stats };
}

async function knownTexts(
  draftKey: string,
  signOffs: SignOff[],
  current: string,
  currentHash: string,
): Promise<Map<string, string>> {
  const wanted = new Set(signOffs.map((s) => s.textHash).filter((h) => h !== currentHash));
  const texts = await textsByHash(draftKey, wanted);
  texts.set(currentHash, current);
  return texts;
}

export async function signOffViews(
  signOffs: SignOff[],
  trusted: TrustedKey[],
  own: string | undefined,
): Promise<Map<string, SignOffView>> {
  const views = await Promise.all(
    signOffs.map(async (s): Promise<[string, SignOffView]> => {
      const { publicKey: _key, signature, ...rest } = s;
      const listed = trusted.find((k) => k.fingerprint === s.fingerprint);
      const trust = await trustOf(s, { trusted, ...(own ? { own } : {}) });
      return [signature, { ...rest, trust, ...(listed?.name ? { listedAs: listed.name } : {}) }];
    }),
  );
  return new Map(views);
}
