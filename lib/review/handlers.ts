// The background's message handlers for review, history and their settings. Each payload is
// parsed before use; the sender check is the background's own (extension pages only).
import { auditEvents, auditMarkdown } from './audit';
import {
  compareVersions,
  historyOf,
  historyOptions,
  recordVersion,
  setMaxVersions,
  versionText,
} from '../history/service';
import { draftLabel, onMessage } from '../messaging';
import { draftVersions, getDismissals, getDraftReview } from '../storage';
import {
  CompareRequestSchema,
  DraftKeyRequestSchema,
  IdentityRequestSchema,
  ImportRequestSchema,
  SetLevelsRequestSchema,
  SetMaxVersionsRequestSchema,
  SetTrustedKeysRequestSchema,
  SignRequestSchema,
  VersionRequestSchema,
} from './requests';
import { draftUnderReview, levelsOf, reviewOf, signLevel, signOffViews } from './service';
import {
  configuredLevels,
  identity,
  setIdentity,
  setLevels,
  setTrustedKeys,
  trustedKeys,
} from './settings';
import { exportReview, importReview, titleOf, type ImportHooks } from './travel';
import type { AuditView, ReviewSettingsView } from './view';

export interface ReviewHooks extends ImportHooks {
  /** throws unless the sender is one of the extension's own pages */
  fromPanel(sender: unknown): void;
  /** a draft's review or report changed: open panels should show it */
  changed(draftKey: string): Promise<void>;
}

export function listenToReview(hooks: ReviewHooks): void {
  const key = (d: unknown) => DraftKeyRequestSchema.parse(d).draftKey;
  const guard = (sender: unknown) => hooks.fromPanel(sender);

  onMessage('getReview', ({ data, sender }) => {
    guard(sender);
    return reviewOf(key(data));
  });
  onMessage('getIdentity', ({ sender }) => {
    guard(sender);
    return identity();
  });
  onMessage('setIdentity', ({ data, sender }) => {
    guard(sender);
    return setIdentity(IdentityRequestSchema.parse(data));
  });
  onMessage('signLevel', async ({ data, sender }) => {
    guard(sender);
    const view = await signLevel(SignRequestSchema.parse(data));
    await hooks.changed(view.draftKey);
    return view;
  });
  onMessage('exportReview', ({ data, sender }) => {
    guard(sender);
    return exportReview(key(data));
  });
  onMessage('importReview', async ({ data, sender }) => {
    guard(sender);
    const { input, draftKey } = ImportRequestSchema.parse(data);
    const outcome = await importReview(input, draftKey, hooks);
    if (outcome.ok) await hooks.changed(outcome.draftKey);
    return outcome;
  });
  onMessage('getAudit', ({ data, sender }) => {
    guard(sender);
    return auditOf(key(data));
  });
  listenToHistory(guard);
  listenToSettings(guard);
}

function listenToHistory(guard: (sender: unknown) => void): void {
  onMessage('getHistory', async ({ data, sender }) => {
    guard(sender);
    const { draftKey } = DraftKeyRequestSchema.parse(data);
    return historyOf(draftKey, (await draftUnderReview(draftKey)).textHash);
  });
  onMessage('saveVersion', async ({ data, sender }) => {
    guard(sender);
    const { draft, report, textHash } = await draftUnderReview(
      DraftKeyRequestSchema.parse(data).draftKey,
    );
    await recordVersion({ key: draft.key, text: draft.text, grade: report.grade }, 'manual');
    return historyOf(draft.key, textHash);
  });
  onMessage('compareVersions', ({ data, sender }) => {
    guard(sender);
    const r = CompareRequestSchema.parse(data);
    return compareVersions(r.draftKey, r.from, r.to, r.by);
  });
  onMessage('getVersionText', async ({ data, sender }) => {
    guard(sender);
    const r = VersionRequestSchema.parse(data);
    return { text: await versionText(r.draftKey, r.id) };
  });
}

function listenToSettings(guard: (sender: unknown) => void): void {
  onMessage('getReviewSettings', ({ sender }) => {
    guard(sender);
    return settingsView();
  });
  onMessage('setReviewLevels', async ({ data, sender }) => {
    guard(sender);
    await setLevels(SetLevelsRequestSchema.parse(data).levels);
    return settingsView();
  });
  onMessage('setTrustedKeys', async ({ data, sender }) => {
    guard(sender);
    await setTrustedKeys(SetTrustedKeysRequestSchema.parse(data).keys);
    return settingsView();
  });
  onMessage('setMaxVersions', async ({ data, sender }) => {
    guard(sender);
    const { removed } = await setMaxVersions(SetMaxVersionsRequestSchema.parse(data).max);
    return { removed, settings: await settingsView() };
  });
}

async function settingsView(): Promise<ReviewSettingsView> {
  const [{ levels, custom }, trusted, options] = await Promise.all([
    configuredLevels(),
    trustedKeys(),
    historyOptions(),
  ]);
  return { levels, custom, trusted, maxVersions: options.maxVersions };
}

export async function auditOf(draftKey: string): Promise<AuditView> {
  const { draft } = await draftUnderReview(draftKey);
  const [review, versions, dismissals, { levels }, trusted, who] = await Promise.all([
    getDraftReview(draftKey),
    draftVersions(draftKey),
    getDismissals(draftKey),
    levelsOf(draftKey),
    trustedKeys(),
    identity(),
  ]);
  const signOffs = review?.signOffs ?? [];
  const views = await signOffViews(signOffs, trusted, who.fingerprint ?? undefined);
  const events = auditEvents({
    versions,
    signOffs: signOffs.map((s) => ({ ...s, trust: views.get(s.signature)?.trust })),
    levels,
    dismissals,
    imports: review?.imports ?? [],
  });
  const title = titleOf(draft.text);
  return {
    title,
    label: draftLabel(draft.id, draft.kind),
    events,
    markdown: auditMarkdown(title, events),
  };
}
