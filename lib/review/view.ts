// What the background sends the panel and the options page about reviews and history: plain
// data, computed where the texts and keys are, so the panel only renders.
import type { Grade } from '../engine/types';
import type { DiffPart, VersionReason } from '../history/versions';
import type { AuditEvent } from './audit';
import type { ItemView } from './checklist';
import type { Level } from './levels';
import type { Reviewer, SignOff } from './signoff';
import type { Trust, TrustedKey } from './trust';

export interface IdentityView {
  reviewer: Reviewer | null;
  /** this browser's signing key; null until the first sign-off creates it */
  fingerprint: string | null;
}

export type SignOffView = Omit<SignOff, 'publicKey' | 'signature'> & {
  trust: Trust;
  /** the name the organisation's list gives this key, when it is on the list */
  listedAs?: string;
};

export type LevelState = 'approved' | 'stale' | 'returned' | 'open' | 'waiting';

export interface LevelView {
  id: string;
  name: string;
  role: string;
  after: string[];
  /** required at the draft's current grade */
  required: boolean;
  state: LevelState;
  /** stale: the text changed since, or a level it rests on no longer stands */
  staleReason?: 'text-changed' | 'earlier-level';
  /** waiting for, or stale because of, these levels */
  on?: string[];
  /** the level's latest decision */
  signOff?: SignOffView;
  /** the latest decision was about other words than the current text */
  signedOtherText?: boolean;
  /** approved text → current text; null when the approved text is not on this computer */
  diff?: DiffPart[] | null;
  items: ItemView[];
  /** why this reviewer may not sign now, in words */
  cannotSign?: string;
  /** findings this level must override (or have dismissed) to approve */
  toSettle: ItemView['findings'];
}

export type ApprovalView =
  | { state: 'none' }
  | { state: 'current'; at: string; levels: string[] }
  | {
      state: 'differs';
      at: string;
      levels: string[];
      /** last fully approved text → current text; null when that text is not stored here */
      diff: DiffPart[] | null;
      added: number;
      removed: number;
    };

export interface ReviewView {
  draftKey: string;
  textHash: string;
  grade: Grade;
  levels: LevelView[];
  identity: IdentityView;
  approval: ApprovalView;
  /** the review runs under the levels fixed at its first sign-off, not the current settings */
  pinnedLevels: boolean;
  trustedKeys: number;
  signOffs: number;
}

export interface ExportView {
  fileName: string;
  json: string;
  block: string;
}

export type ImportOutcome =
  | {
      ok: true;
      draftKey: string;
      /** the draft's current text is the record's text (or one of its approved texts) */
      matches: 'current' | 'earlier-version';
      added: number;
      message: string;
    }
  | {
      ok: false;
      problem: 'not-a-record' | 'version' | 'damaged' | 'altered' | 'no-match';
      message: string;
    };

export interface VersionView {
  id: string;
  at: number;
  reason: VersionReason;
  words: number;
  chars: number;
  grade?: Grade;
  /** the draft's current text */
  current: boolean;
  /** levels whose approval points at this text */
  signedBy: string[];
}

export interface HistoryView {
  draftKey: string;
  /** newest first */
  versions: VersionView[];
  maxVersions: number;
  /** versions removed so far to stay within maxVersions */
  pruned: number;
  /** signed versions kept although the list is over maxVersions */
  keptOverLimit: number;
}

export interface CompareView {
  from: string;
  to: string;
  by: 'word' | 'sentence';
  parts: DiffPart[];
  added: number;
  removed: number;
}

export interface AuditView {
  title: string;
  label: string;
  events: AuditEvent[];
  markdown: string;
}

export interface ReviewSettingsView {
  levels: Level[];
  /** the organisation changed the default levels */
  custom: boolean;
  trusted: TrustedKey[];
  maxVersions: number;
}
