// The one messaging contract between the content script, the background and the side panel.
// Page content is hostile input and any extension context can be woken by a stray message, so
// every payload is parsed on arrival with the schemas below. They use zod/mini because the
// content script imports this file and must stay small (TOOLCHAIN.md: classic zod is ~91 KiB).
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';

import {
  CONTEXT_FLAGS,
  FAMILIES,
  GRADES,
  RELEASE_TYPES,
  SEVERITIES,
  type ContextInput,
  type Report,
} from './engine/types';
import type { ArchiveFile } from './archive-file';
import type { DismissalRecord } from './dismissals';
import type { FactChanges } from './fact-changes';
import type { Level } from './review/levels';
import type { SignRequest } from './review/requests';
import type { TrustedKey } from './review/trust';
import type * as Review from './review/view';

/** Longest draft the background accepts; far beyond any press release, well short of a DoS. */
export const MAX_DRAFT_CHARS = 200_000;

const text = (max: number) => z.string().check(z.maxLength(max));
const offset = z.int().check(z.gte(0), z.lte(MAX_DRAFT_CHARS));
const tabId = z.int().check(z.gte(0));

/** Where a draft lives: survives reloads, so choices and reports hang off it. */
export const DraftIdSchema = z.object({
  /** origin + path of the top-level page */
  page: text(2048),
  /** indices of nested frames from the top, "0/2"; "" for the top document */
  frame: text(256),
  /** a stable selector for the editor, with " >>> " stepping into shadow roots */
  selector: text(1024),
});
export type DraftId = z.infer<typeof DraftIdSchema>;

export const EditorKindSchema = z.enum(['textarea', 'contenteditable']);
export type EditorKind = z.infer<typeof EditorKindSchema>;

export const DraftChangedSchema = z.object({
  id: DraftIdSchema,
  kind: EditorKindSchema,
  text: text(MAX_DRAFT_CHARS),
  /** the text was cut at MAX_DRAFT_CHARS */
  truncated: z.boolean(),
});
export type DraftChanged = z.infer<typeof DraftChangedSchema>;

export const ContextInputSchema = z.object({
  type: z.optional(z.enum(RELEASE_TYPES)),
  flags: z.optional(z.array(z.enum(CONTEXT_FLAGS)).check(z.maxLength(CONTEXT_FLAGS.length))),
});

export const TabRequestSchema = z.object({ tabId });

export const SetContextSchema = z.object({
  tabId,
  draftKey: text(4096),
  /** null: infer both type and flags from the text again */
  choice: z.nullable(ContextInputSchema),
});

export const SelectSpanRequestSchema = z.object({
  tabId,
  draftKey: text(4096),
  start: offset,
  end: offset,
  excerpt: text(MAX_DRAFT_CHARS),
});

export const SiteRequestSchema = z.object({
  tabId,
  /** "https://example.org": an http(s) origin, nothing more */
  origin: z.string().check(z.regex(/^https?:\/\/[^/?#\s]+$/), z.maxLength(300)),
});

export const SelectSpanSchema = z.object({
  selector: text(1024),
  start: offset,
  end: offset,
  excerpt: text(MAX_DRAFT_CHARS),
});
export type SelectSpan = z.infer<typeof SelectSpanSchema>;

/** One finding to mark in the page: its span as reviewed and the words its tooltip shows. */
export const MarkSchema = z.object({
  start: offset,
  end: offset,
  excerpt: text(MAX_DRAFT_CHARS),
  severity: z.enum(SEVERITIES),
  label: text(200),
  message: text(2000),
});

/** The marks of the tab's draft, sent to every frame; only the draft's own frame paints them. */
export const ShowMarksSchema = z.object({
  /** the draft's frame path ("" for the top); other frames clear their marks */
  frame: text(256),
  selector: text(1024),
  marks: z.array(MarkSchema).check(z.maxLength(500)),
});
export type ShowMarks = z.infer<typeof ShowMarksSchema>;

/** A field the user told Lectern not to read ("Stop reading this field"), by draft identity. */
export const FieldSchema = z.object({ frame: text(256), selector: text(1024) });
export type Field = z.infer<typeof FieldSchema>;

export const FieldSwitchSchema = z.object({
  frame: text(256),
  selector: text(1024),
  off: z.boolean(),
});

export const PageRequestSchema = z.object({ page: text(2048) });

export const OffFieldSchema = z.object({ id: DraftIdSchema });

export const FieldOffRequestSchema = z.object({ tabId, draftKey: text(4096), off: z.boolean() });

/** Names a finding of a draft's stored report; the background finds it again by these. */
export const FindingRefSchema = z.object({
  tabId,
  draftKey: text(4096),
  rule: text(300),
  excerpt: text(MAX_DRAFT_CHARS),
  start: offset,
  end: offset,
});
export type FindingRef = z.infer<typeof FindingRefSchema>;

export const DismissRequestSchema = z.object({
  ...FindingRefSchema.shape,
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  by: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

export const DraftRequestSchema = z.object({ draftKey: text(4096) });

export const ReviewerSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

/** Releases as the options page sends them; the background validates them in full. */
export const AddReleasesSchema = z.object({
  releases: z.array(z.unknown()).check(z.maxLength(20_000)),
  origin: z.enum(['paste', 'file']),
});

export const ReleaseIdSchema = z.object({ id: z.int().check(z.gte(0)) });

export const MarkReleasedSchema = z.object({
  tabId,
  draftKey: text(4096),
  matter: z.optional(text(200)),
});

export const CapturePageSchema = z.object({ tabId, matter: z.optional(text(200)) });

export const ChangesRequestSchema = z.object({ tabId, draftKey: text(4096) });

/** A release as the options page lists it: no text, so ten thousand of them stay light. */
export interface ReleaseSummary {
  id: number;
  source: string;
  date?: string;
  matter?: string;
  origin: string;
  url?: string;
  words: number;
  addedAt: number;
}

export interface SelectResult {
  ok: boolean;
  /** why the span could not be selected, in words for the panel */
  reason?: string;
}

/** What the side panel shows for one tab. */
export interface PanelState {
  tabId: number;
  /** a content script answers in the tab's top frame */
  live: boolean;
  /** http(s) origin of the tab when the extension may know it */
  origin?: string;
  /** Lectern is registered for this origin ("Turn on for this site") */
  siteOn: boolean;
  draft?: {
    key: string;
    kind: EditorKind;
    label: string;
    choice: ContextInput | null;
    report: Report;
    truncated: boolean;
    updatedAt: number;
    /** the user told Lectern to stop reading this field */
    fieldOff?: boolean;
  };
  /** the latest review failed; in words */
  error?: string;
}

const FindingSchema = z.looseObject({
  rule: z.string(),
  family: z.enum(FAMILIES),
  category: z.string(),
  severity: z.enum(SEVERITIES),
  start: z.number(),
  end: z.number(),
  excerpt: z.string(),
  message: z.string(),
  why: z.string(),
  guideline: z.string(),
  suggestion: z.string(),
});

const ReportSchema = z.looseObject({
  grade: z.enum(GRADES),
  points: z.number(),
  context: z.looseObject({
    type: z.enum(RELEASE_TYPES),
    flags: z.array(z.enum(CONTEXT_FLAGS)),
    inferred: z.boolean(),
    reasons: z.optional(z.array(z.string())),
  }),
  drivers: z.array(z.string()),
  findings: z.array(FindingSchema),
  problems: z.array(z.looseObject({ rule: z.string(), message: z.string() })),
});

/** The panel checks pushes too: any content script can message extension pages. */
export const PanelStateSchema = z.looseObject({
  tabId: z.number(),
  live: z.boolean(),
  origin: z.optional(z.string()),
  siteOn: z.boolean(),
  draft: z.optional(
    z.looseObject({
      key: z.string(),
      kind: EditorKindSchema,
      label: z.string(),
      choice: z.nullable(ContextInputSchema),
      report: ReportSchema,
      truncated: z.boolean(),
      updatedAt: z.number(),
    }),
  ),
  error: z.optional(z.string()),
});

interface ProtocolMap {
  /** content → background: an editor's text changed (debounced) */
  draftChanged(data: DraftChanged): { ok: true };
  /** content → background: a capture script started in a frame */
  captureStarted(data: { page: string }): { ok: true };
  /** background → content (top frame): is capture running here? */
  ping(): { live: true };
  /** background → content: select a span in the editor */
  selectSpan(data: SelectSpan): SelectResult;
  /** background → content: the user turned Lectern off for this site */
  stopCapture(): { ok: true };
  /** panel → background */
  getState(data: { tabId: number }): PanelState;
  setContext(data: z.infer<typeof SetContextSchema>): PanelState;
  selectFinding(data: z.infer<typeof SelectSpanRequestSchema>): SelectResult;
  enableSite(data: z.infer<typeof SiteRequestSchema>): PanelState;
  disableSite(data: z.infer<typeof SiteRequestSchema>): PanelState;
  /** panel → background, when the panel is open as a tab rather than beside one */
  lastDraftTab(): { tabId: number | null };
  /** background → panel: a tab's state changed */
  stateChanged(data: PanelState): void;
  /** background → content (every frame of the tab): the draft's marks; an empty list clears */
  showMarks(data: ShowMarks): { ok: true };
  /** content → background: the fields of this page the user told Lectern not to read */
  fieldsOff(data: z.infer<typeof PageRequestSchema>): { fields: Field[] };
  /** content → background: the user focused a field that is not read (no text is sent) */
  offFieldFocused(data: z.infer<typeof OffFieldSchema>): { ok: true };
  /** background → content: reading of one field was turned off or on again */
  fieldSwitched(data: z.infer<typeof FieldSwitchSchema>): { ok: true };
  /** panel → background: "Stop reading this field" / "Read this field again" */
  setFieldOff(data: z.infer<typeof FieldOffRequestSchema>): PanelState;
  /** panel → background: dismissals (stored per draft, applied to every report) */
  dismissFinding(data: z.infer<typeof DismissRequestSchema>): PanelState;
  restoreFinding(data: z.infer<typeof FindingRefSchema>): PanelState;
  getDismissals(data: z.infer<typeof DraftRequestSchema>): DismissalRecord;
  /** panel, options → background: who dismisses and signs */
  getReviewer(): { name: string | null };
  setReviewer(data: z.infer<typeof ReviewerSchema>): { name: string };
  /** panel → background: fact deltas since the matter's latest earlier release */
  getChanges(data: z.infer<typeof ChangesRequestSchema>): FactChanges;
  /** panel → background: add to the archive what the user is looking at */
  capturePage(data: z.infer<typeof CapturePageSchema>): ReleaseSummary;
  markReleased(data: z.infer<typeof MarkReleasedSchema>): ReleaseSummary;
  /** options → background: the organisation's vocabulary (validated there) */
  getVocabulary(): { vocabulary: unknown };
  setVocabulary(data: { vocabulary: unknown }): { rules: number };
  /** options → background: the archive of prior releases */
  listReleases(): { releases: ReleaseSummary[] };
  addReleases(data: z.infer<typeof AddReleasesSchema>): { added: ReleaseSummary[] };
  deleteRelease(data: z.infer<typeof ReleaseIdSchema>): { ok: true };
  exportArchive(): ArchiveFile;
  importArchive(data: { file: unknown }): { added: number };
  /** options → background: the user's data */
  exportAll(): Record<string, unknown>;
  deleteAllDrafts(): { deleted: number };
  /** panel → background: levels, sign-offs and the record that travels (lib/review) */
  getReview(data: { draftKey: string }): Review.ReviewView;
  getIdentity(): Review.IdentityView;
  setIdentity(data: { name: string; role: string }): Review.IdentityView;
  signLevel(data: SignRequest): Review.ReviewView;
  exportReview(data: { draftKey: string }): Review.ExportView;
  importReview(data: { input: string; draftKey?: string }): Review.ImportOutcome;
  getAudit(data: { draftKey: string }): Review.AuditView;
  /** panel → background: a draft's versions (lib/history) */
  getHistory(data: { draftKey: string }): Review.HistoryView;
  saveVersion(data: { draftKey: string }): Review.HistoryView;
  compareVersions(data: {
    draftKey: string;
    from: string;
    to: string;
    by: 'word' | 'sentence';
  }): Review.CompareView;
  getVersionText(data: { draftKey: string; id: string }): { text: string };
  /** options → background: review levels, trusted keys, the history limit */
  getReviewSettings(): Review.ReviewSettingsView;
  setReviewLevels(data: { levels: Level[] | null }): Review.ReviewSettingsView;
  setTrustedKeys(data: { keys: TrustedKey[] }): Review.ReviewSettingsView;
  setMaxVersions(data: { max: number }): { removed: number; settings: Review.ReviewSettingsView };
}

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<ProtocolMap>();

/** One string per draft identity, the key of its record in storage. */
export function draftKeyOf(id: DraftId): string {
  return `${id.page} ${id.frame || 'top'} ${id.selector}`;
}

/** A short human name for the editor, e.g. "textarea#body" or "editor in frame 0". */
export function draftLabel(id: DraftId, kind: EditorKind): string {
  const where = id.frame ? ` in frame ${id.frame}` : '';
  const inShadow = id.selector.includes(' >>> ') ? ' (shadow root)' : '';
  const last = id.selector.split(' >>> ').pop() ?? '';
  const name = /(#[\w-]+|\[name="[^"]*"\])$/.exec(last)?.[1] ?? '';
  return `${kind === 'textarea' ? 'text box' : 'rich-text editor'}${name ? ` ${name}` : ''}${inShadow}${where}`;
}

export function configureZod(): void {
  // MV3's CSP forbids eval; without this zod probes `new Function` once and the probe is
  // reported as a CSP violation.
  z.config({ jitless: true });
}
