// The background owns the engine and the storage, so one draft has one truth. Every incoming
// message is parsed before use; state lives in IndexedDB because MV3 stops this worker at will.
import type { Browser } from 'wxt/browser';

import { z as zod } from 'zod';

import {
  parseArchiveFile,
  ReleaseInputSchema,
  releaseTitle,
  sentenceAround,
  stampOf,
  stampOfMinutes,
  uniqueSource,
  type ArchiveFile,
  type ReleaseInput,
  type SideBySide,
} from '@/lib/archive-file';
import { marksOf } from '@/lib/capture/marks-of';
import { applyDismissals, dismissalFor, type DismissalItem } from '@/lib/dismissals';
import { review } from '@/lib/engine';
import { driversOf, gradeOf } from '@/lib/engine/severity';
import type { Finding, PriorRelease, Report } from '@/lib/engine/types';
import { factChanges, type FactChanges } from '@/lib/fact-changes';
import { addToIndex, extractFacts, indexArchive, type ArchiveIndex } from '@/lib/facts';
import {
  AddReleasesSchema,
  CapturePageSchema,
  ChangesRequestSchema,
  configureZod,
  DismissRequestSchema,
  DraftRequestSchema,
  FieldOffRequestSchema,
  FindingRefSchema,
  MarkReleasedSchema,
  OffFieldSchema,
  PageRequestSchema,
  type DraftId,
  type Field,
  MAX_DRAFT_CHARS,
  ReleaseIdSchema,
  ReviewerSchema,
  type FindingRef,
  type ReleaseSummary,
  DraftChangedSchema,
  draftKeyOf,
  draftLabel,
  onMessage,
  SelectSpanRequestSchema,
  sendMessage,
  SetContextSchema,
  SiteRequestSchema,
  TabRequestSchema,
  type DraftChanged,
  type PanelState,
  type SelectResult,
} from '@/lib/messaging';
import { recordVersion } from '@/lib/history/service';
import { listenToReview } from '@/lib/review/handlers';
import { loadPacks, type RuleSet } from '@/lib/rule-packs';
import {
  addReleases,
  allDismissals,
  allDraftReviews,
  allDrafts,
  allReleases,
  allTabs,
  allVersions,
  clearDrafts,
  deleteRelease,
  getDismissals,
  getReleases,
  getSetting,
  putDismissals,
  putSettings,
  putSetting,
  releaseBySource,
  releaseIds,
  type ReleaseRecord,
  clearTabs,
  deleteTab,
  getDraft,
  getTab,
  latestTab,
  putDraft,
  putTab,
  type DraftRecord,
} from '@/lib/storage';
import { mergeRuleSets, parseVocabulary, vocabularyRules, type Vocabulary } from '@/lib/vocabulary';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const PING_TIMEOUT_MS = 400;

type Sender = Browser.runtime.MessageSender;

export default defineBackground(() => {
  configureZod();
  listenToMessages();
  listenToLibrary();
  listenToReviews();
  listenToBrowser();
});

function listenToMessages(): void {
  onMessage('draftChanged', ({ data, sender }) =>
    draftChanged(DraftChangedSchema.parse(data), fromContent(sender)),
  );
  onMessage('captureStarted', ({ sender }) => {
    void push(fromContent(sender).tabId);
    return { ok: true as const };
  });
  onMessage('getState', ({ data, sender }) => {
    fromPanel(sender);
    return stateOf(TabRequestSchema.parse(data).tabId);
  });
  onMessage('setContext', ({ data, sender }) => {
    fromPanel(sender);
    return setContext(SetContextSchema.parse(data));
  });
  onMessage('selectFinding', ({ data, sender }) => {
    fromPanel(sender);
    return selectFinding(SelectSpanRequestSchema.parse(data));
  });
  onMessage('enableSite', ({ data, sender }) => {
    fromPanel(sender);
    return enableSite(SiteRequestSchema.parse(data));
  });
  onMessage('disableSite', ({ data, sender }) => {
    fromPanel(sender);
    return disableSite(SiteRequestSchema.parse(data));
  });
  onMessage('lastDraftTab', async ({ sender }) => {
    fromPanel(sender);
    return { tabId: (await latestTab())?.tabId ?? null };
  });
  onMessage('fieldsOff', async ({ data, sender }) => {
    fromContent(sender);
    return { fields: await fieldsOffOn(PageRequestSchema.parse(data).page) };
  });
  onMessage('offFieldFocused', ({ data, sender }) =>
    offFieldFocused(OffFieldSchema.parse(data).id, fromContent(sender)),
  );
  onMessage('setFieldOff', ({ data, sender }) => {
    fromPanel(sender);
    return setFieldOff(FieldOffRequestSchema.parse(data));
  });
}

/** Review, sign-off and history handlers (lib/review): same sender check, same draft queue. */
function listenToReviews(): void {
  listenToReview({
    fromPanel: (sender) => fromPanel(sender as Sender),
    draftQueue: serially,
    changed: async (draftKey) => {
      const tabs = (await allTabs()).filter((t) => t.draftKey === draftKey);
      await Promise.all(tabs.map((t) => push(t.tabId).catch(() => undefined)));
    },
  });
}

function listenToBrowser(): void {
  browser.tabs.onRemoved.addListener((tabId) => void deleteTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void navigated(tabId);
  });
  browser.runtime.onStartup.addListener(() => void clearTabs());
  toolbarAction()?.onClicked.addListener(toolbarClicked);
}

// ---- senders ------------------------------------------------------------------------------

/** Content scripts run in a tab; anything else claiming a draft is refused. */
function fromContent(sender: Sender): { tabId: number; frameId: number } {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId == null || isExtensionPage(sender)) {
    throw new Error('draft messages are accepted from content scripts only');
  }
  return { tabId, frameId: sender.frameId ?? 0 };
}

/** Panel requests come from an extension page (the side panel, or sidepanel.html in a tab). */
function fromPanel(sender: Sender): void {
  if (sender.id !== browser.runtime.id || (sender.tab && !isExtensionPage(sender))) {
    throw new Error('panel messages are accepted from extension pages only');
  }
}

function isExtensionPage(sender: Sender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

// ---- drafts and reviews -------------------------------------------------------------------

let ruleSet: RuleSet | undefined;

/** Rules are bundled at build time; the extension reads no files and fetches nothing. */
function rules(): RuleSet {
  if (!ruleSet) {
    const raw = import.meta.glob('../rules/*/*.json', {
      eager: true,
      query: '?raw',
      import: 'default',
    }) as Record<string, string>;
    const files = Object.fromEntries(
      Object.entries(raw).map(([path, text]) => [path.replace(/^\.\.\/rules\//, ''), text]),
    );
    ruleSet = loadPacks(files);
  }
  return ruleSet;
}

/** Reviews run one at a time per draft, so a slow review never overwrites a newer one. */
const queues = new Map<string, Promise<unknown>>();

function serially<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => queues.get(key) === settled && queues.delete(key));
  return run;
}

async function draftChanged(
  draft: DraftChanged,
  where: { tabId: number; frameId: number },
): Promise<{ ok: true }> {
  const key = draftKeyOf(draft.id);
  // A field the user turned off is not stored or reviewed, whatever a stale script sends.
  if (await isFieldOff(key)) return { ok: true };
  latestTexts.set(key, draft.text);
  await serially(key, async () => {
    // Typing on during a long review queues texts; only the newest is worth reviewing.
    if (latestTexts.get(key) !== draft.text) return;
    const previous = await getDraft(key);
    if (!isFresh(previous, draft.text)) {
      const record: DraftRecord = {
        key,
        id: draft.id,
        kind: draft.kind,
        text: draft.text,
        truncated: draft.truncated,
        choice: previous?.choice ?? null,
        updatedAt: Date.now(),
      };
      const next = await reviewed(record);
      await putDraft(next);
      await versionTyped(next);
    }
    await putTab({
      tabId: where.tabId,
      draftKey: key,
      frameId: where.frameId,
      updatedAt: Date.now(),
    });
  });
  void push(where.tabId, true);
  return { ok: true };
}

/** The newest text received per draft; older ones still queued are skipped. */
const latestTexts = new Map<string, string>();

/** History is secondary: a failure to keep a version must not stop the review's update. */
async function versionTyped(draft: DraftRecord): Promise<void> {
  if (!draft.text.trim()) return;
  const grade = draft.report?.grade;
  await recordVersion({ key: draft.key, text: draft.text, grade }, 'typing').catch(() => undefined);
}

/** Texts reviewed by this worker, so focusing an editor again costs no review. */
const reviewedTexts = new Map<string, string>();

/** A stored report is reused only if this worker made it: a restart may follow an update. */
function isFresh(previous: DraftRecord | undefined, text: string): boolean {
  return !!previous?.report && previous.text === text && reviewedTexts.get(previous.key) === text;
}

/** The review with the user's vocabulary and archive, and the draft's dismissals applied. */
async function reviewed(record: DraftRecord): Promise<DraftRecord> {
  reviewedTexts.set(record.key, record.text);
  try {
    const [lib, dismissals] = await Promise.all([libraryOf(), getDismissals(record.key)]);
    const raw = review(record.text, record.choice ?? undefined, {
      rules: lib.rules,
      ...(lib.archive ? { archive: lib.archive } : {}),
    });
    const report = applyDismissals(await withSentences(raw, record.text), dismissals);
    return { ...record, report, error: undefined };
  } catch (e) {
    return { ...record, report: undefined, error: `The review failed: ${(e as Error).message}` };
  }
}

async function setContext(request: {
  tabId: number;
  draftKey: string;
  choice: DraftRecord['choice'];
}): Promise<PanelState> {
  await serially(request.draftKey, async () => {
    const draft = await getDraft(request.draftKey);
    if (!draft) throw new Error('This draft is no longer stored; type in the editor again.');
    await putDraft(await reviewed({ ...draft, choice: request.choice }));
  });
  return push(request.tabId);
}

/** A navigation leaves the previous page's draft behind; the new page may have none. */
async function navigated(tabId: number): Promise<void> {
  await putTab({ tabId, updatedAt: Date.now() });
  await push(tabId);
}

// ---- the panel's view ---------------------------------------------------------------------

async function stateOf(tabId: number, knownLive?: boolean): Promise<PanelState> {
  const tab = await getTab(tabId);
  const draft = tab?.draftKey ? await getDraft(tab.draftKey) : undefined;
  const [live, origin] = await Promise.all([knownLive ?? isLive(tabId), originOf(tabId, draft)]);
  const state: PanelState = { tabId, live, siteOn: origin ? await isSiteOn(origin) : false };
  if (origin) state.origin = origin;
  if (tab?.error) state.error = tab.error;
  if (draft?.error) state.error = draft.error;
  if (draft?.report) {
    state.draft = {
      key: draft.key,
      kind: draft.kind,
      label: draftLabel(draft.id, draft.kind),
      choice: draft.choice,
      report: draft.report,
      truncated: draft.truncated,
      updatedAt: draft.updatedAt,
      ...((await isFieldOff(draft.key)) ? { fieldOff: true } : {}),
    };
  }
  return state;
}

/** Sends the tab's state to any open panel; none open is normal. */
async function push(tabId: number, knownLive?: boolean): Promise<PanelState> {
  const state = await stateOf(tabId, knownLive);
  sendMessage('stateChanged', state).catch(() => undefined);
  void showMarks(tabId, state);
  return state;
}

async function isLive(tabId: number): Promise<boolean> {
  const ping = sendMessage('ping', undefined, { tabId, frameId: 0 }).then((r) => r?.live === true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, PING_TIMEOUT_MS, false));
  return Promise.race([ping.catch(() => false), timeout]);
}

/** The tab's URL is visible only with activeTab or a host permission; drafts know their page. */
async function originOf(tabId: number, draft?: DraftRecord): Promise<string | undefined> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    url = undefined;
  }
  return httpOrigin(url) ?? httpOrigin(draft?.id.page);
}

function httpOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

// ---- selecting a finding in the page ------------------------------------------------------

async function selectFinding(request: {
  tabId: number;
  draftKey: string;
  start: number;
  end: number;
  excerpt: string;
}): Promise<SelectResult> {
  const tab = await getTab(request.tabId);
  const draft = await getDraft(request.draftKey);
  if (!draft || tab?.draftKey !== request.draftKey) {
    return { ok: false, reason: 'This tab now shows another draft; the review will update.' };
  }
  const span = { selector: draft.id.selector, ...pick(request, 'start', 'end', 'excerpt') };
  try {
    const answer = await sendMessage('selectSpan', span, {
      tabId: request.tabId,
      frameId: tab.frameId ?? 0,
    });
    return {
      ok: answer?.ok === true,
      ...(answer?.reason ? { reason: String(answer.reason) } : {}),
    };
  } catch {
    return {
      ok: false,
      reason: 'The page did not answer. Reload it and type in the editor again.',
    };
  }
}

function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

// ---- turning Lectern on: the toolbar button and per-site registration --------------------

function toolbarAction(): typeof browser.action | undefined {
  // Firefox builds are MV2, where the toolbar button is browserAction.
  return (
    browser.action ??
    (browser as unknown as { browserAction?: typeof browser.action }).browserAction
  );
}

/** The click grants activeTab. The panel must open before any await, while the gesture lasts. */
function toolbarClicked(tab: Browser.tabs.Tab): void {
  if (tab.id == null) return;
  openPanel(tab.id);
  void inject(tab.id).then(
    () => injected(tab.id!),
    (e: Error) => failed(tab.id!, e),
  );
}

/** Capture runs now; an earlier failure no longer applies, the tab's draft still does. */
async function injected(tabId: number): Promise<void> {
  const { error: _stale, ...tab } = (await getTab(tabId)) ?? { tabId, updatedAt: Date.now() };
  await putTab(tab);
  await push(tabId);
}

function openPanel(tabId: number): void {
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } })
    .sidebarAction;
  const opening = browser.sidePanel?.open ? browser.sidePanel.open({ tabId }) : sidebar?.open();
  opening?.catch(() => undefined);
}

async function inject(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    files: [CONTENT_SCRIPT],
  });
}

async function failed(tabId: number, e: Error): Promise<void> {
  const error = `Lectern cannot read this page (${e.message}). Browser pages and extension stores are off limits.`;
  await putTab({ tabId, error, updatedAt: Date.now() });
  await push(tabId);
}

function siteScriptId(origin: string): string {
  return `site:${origin}`;
}

async function isSiteOn(origin: string): Promise<boolean> {
  try {
    const ids = [siteScriptId(origin)];
    return (await browser.scripting.getRegisteredContentScripts({ ids })).length > 0;
  } catch {
    return false;
  }
}

/** The panel asked for the origin's permission (that needs its click); this registers the script. */
async function enableSite({ tabId, origin }: { tabId: number; origin: string }) {
  const origins = [`${origin}/*`];
  if (!(await browser.permissions.contains({ origins }))) {
    throw new Error(`Lectern has no permission for ${origin}.`);
  }
  if (!(await isSiteOn(origin))) {
    await browser.scripting.registerContentScripts([
      {
        id: siteScriptId(origin),
        matches: origins,
        js: [CONTENT_SCRIPT],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
        // srcdoc and about:blank editor frames inherit the page's origin (TinyMCE, CKEditor 4).
        ...(import.meta.env.BROWSER === 'firefox' ? {} : { matchOriginAsFallback: true }),
      },
    ]);
  }
  await inject(tabId).catch(() => undefined);
  return push(tabId);
}

async function disableSite({ tabId, origin }: { tabId: number; origin: string }) {
  if (await isSiteOn(origin)) {
    await browser.scripting.unregisterContentScripts({ ids: [siteScriptId(origin)] });
  }
  // Required host permissions (the e2e build's) cannot be removed; the script is gone anyway.
  await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
  await sendMessage('stopCapture', undefined, tabId).catch(() => undefined);
  return push(tabId, false);
}

// ---- the user's library: vocabulary, archive of prior releases, dismissals, data -----------
// Kept apart from the handlers above: every review reads it, and a change to it re-reviews the
// drafts open in tabs. The archive's fact index is persisted with the ids it covers, so a worker
// restart loads it instead of extracting ten thousand releases again.

const ARCHIVE_QUEUE = 'library:archive';
const VOCABULARY = 'vocabulary';
const REVIEWER = 'reviewer';
/** A snapshot of the fact index, the release ids it covers, and ids added since. */
const ARCHIVE_INDEX = 'archiveIndex';
const ARCHIVE_INDEX_IDS = 'archiveIndex.ids';
const ARCHIVE_JOURNAL = 'archiveIndex.journal';
/**
 * Releases added after the snapshot are replayed at start-up (their facts extracted again)
 * rather than rewriting the whole snapshot on every addition; beyond this many, it is rewritten.
 */
const JOURNAL_MAX = 200;

interface Library extends LoadedIndex {
  rules: RuleSet;
  vocabulary?: Vocabulary;
}

interface LoadedIndex {
  /** absent while the archive is empty */
  archive?: ArchiveIndex;
  /** release ids in the stored snapshot of the index */
  snapshot: number[];
  /** release ids added to the index since the snapshot */
  journal: number[];
}

let library: Promise<Library> | undefined;

function libraryOf(): Promise<Library> {
  library ??= loadLibrary().catch((e: unknown) => {
    library = undefined;
    throw e;
  });
  return library;
}

async function loadLibrary(): Promise<Library> {
  const [stored, archive] = await Promise.all([getSetting<unknown>(VOCABULARY), loadIndex()]);
  let vocabulary: Vocabulary | undefined;
  try {
    vocabulary = stored === undefined ? undefined : parseVocabulary(stored);
  } catch {
    vocabulary = undefined;
  }
  return withVocabulary({ rules: rules(), ...archive }, vocabulary);
}

function withVocabulary(lib: Library, vocabulary: Vocabulary | undefined): Library {
  const { vocabulary: _old, ...rest } = lib;
  if (!vocabulary) return { ...rest, rules: rules() };
  return { ...rest, vocabulary, rules: mergeRuleSets(rules(), vocabularyRules(vocabulary)) };
}

/**
 * The stored snapshot plus the releases added since, when together they cover exactly the
 * stored releases; else rebuilt from every release and stored.
 */
async function loadIndex(): Promise<LoadedIndex> {
  const [snapshot, journal, ids] = await Promise.all([
    getSetting<number[]>(ARCHIVE_INDEX_IDS),
    getSetting<number[]>(ARCHIVE_JOURNAL),
    releaseIds(),
  ]);
  if (ids.length === 0) return { snapshot: [], journal: [] };
  if (snapshot && sameIds([...snapshot, ...(journal ?? [])], ids)) {
    const index = await getSetting<ArchiveIndex>(ARCHIVE_INDEX);
    if (index) {
      if (journal?.length) addToIndex(index, (await getReleases(journal)).map(priorOf));
      return { archive: index, snapshot, journal: journal ?? [] };
    }
  }
  const releases = await allReleases();
  const index = indexArchive(releases.map(priorOf));
  return saveSnapshot(
    index,
    releases.map((r) => r.id!),
  );
}

async function saveSnapshot(index: ArchiveIndex, ids: number[]): Promise<LoadedIndex> {
  await putSettings({ [ARCHIVE_INDEX]: index, [ARCHIVE_INDEX_IDS]: ids, [ARCHIVE_JOURNAL]: [] });
  return { archive: index, snapshot: ids, journal: [] };
}

function sameIds(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

function priorOf(r: ReleaseRecord): PriorRelease {
  return {
    source: r.source,
    text: r.text,
    ...(r.date ? { date: r.date } : {}),
    ...(r.matter ? { matter: r.matter } : {}),
  };
}

/** Reviews again every draft a tab shows, with the new library (reloaded when not given). */
async function libraryChanged(next?: Library): Promise<void> {
  library = next ? Promise.resolve(next) : undefined;
  reviewedTexts.clear();
  const tabs = (await allTabs()).filter((t) => t.draftKey);
  for (const key of new Set(tabs.map((t) => t.draftKey!))) {
    await serially(key, async () => {
      const draft = await getDraft(key);
      if (draft) await putDraft(await reviewed(draft));
    });
  }
  await Promise.all(tabs.map((t) => push(t.tabId).catch(() => undefined)));
}

function listenToLibrary(): void {
  // A fresh start reads the library from storage (tests start the worker again in one module).
  library = undefined;
  const panel = <T, R>(type: string, handle: (data: T) => R | Promise<R>) =>
    onMessage(
      type as never,
      (({ data, sender }: { data: T; sender: Sender }) => {
        fromPanel(sender);
        return handle(data);
      }) as never,
    );

  panel('dismissFinding', (d) => dismiss(DismissRequestSchema.parse(d)));
  panel('restoreFinding', (d) => restore(FindingRefSchema.parse(d)));
  panel('getDismissals', async (d) => ({
    lectern: 'dismissals' as const,
    version: 1 as const,
    items: await getDismissals(DraftRequestSchema.parse(d).draftKey),
  }));
  panel('getReviewer', async () => ({ name: (await getSetting<string>(REVIEWER)) ?? null }));
  panel('setReviewer', async (d) => {
    const { name } = ReviewerSchema.parse(d);
    await putSetting(REVIEWER, name);
    return { name };
  });
  panel('getChanges', (d) => changesOf(ChangesRequestSchema.parse(d)));
  panel('capturePage', (d) => capturePage(CapturePageSchema.parse(d)));
  panel('markReleased', (d) => markReleased(MarkReleasedSchema.parse(d)));
  panel('getVocabulary', async () => ({ vocabulary: (await getSetting(VOCABULARY)) ?? null }));
  panel('setVocabulary', (d) => setVocabulary(d as { vocabulary: unknown }));
  panel('listReleases', async () => ({ releases: (await allReleases()).map(summaryOf) }));
  panel('addReleases', async (d) => {
    const { releases, origin } = AddReleasesSchema.parse(d);
    const inputs = releases.map((r, i) => releaseInput(r, `release ${i + 1}`));
    return { added: await addToArchive(inputs.map((r) => ({ ...r, origin }))) };
  });
  panel('deleteRelease', (d) => removeRelease(ReleaseIdSchema.parse(d).id));
  panel('exportArchive', exportArchive);
  panel('importArchive', async (d) => {
    const file = parseArchiveFile((d as { file?: unknown })?.file);
    return { added: (await importArchive(file)).length };
  });
  panel('exportAll', exportAll);
  panel('deleteAllDrafts', async () => {
    const deleted = await clearDrafts();
    reviewedTexts.clear();
    return { deleted };
  });
}

// ---- dismissals ---------------------------------------------------------------------------

function findingOf(draft: DraftRecord | undefined, ref: FindingRef): Finding {
  const found = draft?.report?.findings.find(
    (f) =>
      f.rule === ref.rule &&
      f.excerpt === ref.excerpt &&
      f.start === ref.start &&
      f.end === ref.end,
  );
  if (!found) throw new Error('This finding is no longer in the review; it has been updated.');
  return found;
}

function sameDismissal(a: DismissalItem, b: DismissalItem): boolean {
  return a.rule === b.rule && a.excerpt === b.excerpt && a.occurrence === b.occurrence;
}

async function dismiss(request: FindingRef & { reason: string; by: string }) {
  await serially(request.draftKey, async () => {
    const draft = await getDraft(request.draftKey);
    const finding = findingOf(draft, request);
    const item = dismissalFor(finding, draft!.report!, request.reason, request.by);
    const items = [
      ...(await getDismissals(request.draftKey)).filter((d) => !sameDismissal(d, item)),
      item,
    ];
    await putDismissals(request.draftKey, items);
    await putDraft({ ...draft!, report: dismissedIn(draft!.report!, items) });
  });
  return push(request.tabId);
}

async function restore(request: FindingRef) {
  await serially(request.draftKey, async () => {
    const draft = await getDraft(request.draftKey);
    const finding = findingOf(draft, request);
    const gone = dismissalFor(finding, draft!.report!, '-', '-');
    const items = (await getDismissals(request.draftKey)).filter((d) => !sameDismissal(d, gone));
    await putDismissals(request.draftKey, items);
    await putDraft({ ...draft!, report: dismissedIn(draft!.report!, items) });
  });
  return push(request.tabId);
}

/** The report with exactly these dismissals (applyDismissals leaves old marks when given none). */
function dismissedIn(report: Report, items: DismissalItem[]): Report {
  if (items.length) return applyDismissals(report, items);
  const findings = report.findings.map(({ dismissed: _gone, ...f }) => f);
  return { ...report, findings, ...gradeOf(findings), drivers: driversOf(findings) };
}

/** Both sides of a contradiction in their sentences, for the panel's side-by-side view. */
async function withSentences(report: Report, text: string): Promise<Report> {
  const findings = await Promise.all(
    report.findings.map(async (f) => {
      if (!f.related) return f;
      const prior = f.related.source ? await releaseBySource(f.related.source) : undefined;
      const relatedText = f.related.source === null ? text : prior?.text;
      const sentences: SideBySide = {
        draft: sentenceAround(text, f.start, f.end),
        ...(relatedText
          ? { related: sentenceAround(relatedText, f.related.start, f.related.end) }
          : {}),
      };
      return { ...f, sentences };
    }),
  );
  return { ...report, findings };
}

// ---- vocabulary ---------------------------------------------------------------------------

async function setVocabulary({ vocabulary }: { vocabulary: unknown }): Promise<{ rules: number }> {
  const parsed = vocabulary === null ? undefined : parseVocabulary(vocabulary);
  const lib = await libraryOf();
  await putSetting(VOCABULARY, parsed);
  await libraryChanged(withVocabulary(lib, parsed));
  return { rules: parsed ? vocabularyRules(parsed).rules.length : 0 };
}

// ---- the archive --------------------------------------------------------------------------

type NewRelease = ReleaseInput & { origin: ReleaseRecord['origin']; addedAt?: number };

function releaseInput(value: unknown, name: string): ReleaseInput {
  const r = ReleaseInputSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`${name}, ${issue.path.join('.') || 'release'}: ${issue.message}`);
}

/** Stores releases and adds them to the index: each release's facts are extracted once. */
function addToArchive(inputs: NewRelease[]): Promise<ReleaseSummary[]> {
  return serially(ARCHIVE_QUEUE, async () => {
    if (inputs.length === 0) return [];
    const lib = await libraryOf();
    const index = lib.archive ?? indexArchive([]);
    const taken = new Set(index.releases.map((r) => r.source));
    const first = index.releases.length;
    const records: ReleaseRecord[] = inputs.map((r) => ({
      source: uniqueSource(r.source ?? releaseTitle(r.text), taken),
      text: r.text,
      ...(r.date ? { date: r.date.replace('T', ' ') } : {}),
      ...(r.matter ? { matter: r.matter } : {}),
      ...(r.url ? { url: r.url } : {}),
      origin: r.origin,
      addedAt: r.addedAt ?? Date.now(),
    }));
    try {
      addToIndex(index, records.map(priorOf));
      // A release without a date line is dated by its own release line, as the index read it.
      records.forEach((r, i) => {
        const issued = index.releases[first + i].issued;
        if (!r.date && issued !== undefined) r.date = stampOfMinutes(issued);
      });
      const stored = await addReleases(records);
      const journal = [...lib.journal, ...stored.map((r) => r.id!)];
      await libraryChanged({ ...lib, ...(await saveIndex(lib, index, journal)) });
      return stored.map(summaryOf);
    } catch (e) {
      library = undefined;
      throw e;
    }
  });
}

/** A few new releases go to the journal; a first index or a long journal, to a new snapshot. */
async function saveIndex(lib: Library, index: ArchiveIndex, journal: number[]) {
  if (!lib.archive || journal.length > JOURNAL_MAX) {
    return saveSnapshot(index, [...lib.snapshot, ...journal]);
  }
  await putSetting(ARCHIVE_JOURNAL, journal);
  return { archive: index, snapshot: lib.snapshot, journal };
}

function removeRelease(id: number): Promise<{ ok: true }> {
  return serially(ARCHIVE_QUEUE, async () => {
    await deleteRelease(id);
    // The index only grows; a deletion rebuilds it from the releases that remain.
    await putSettings({ [ARCHIVE_INDEX]: undefined, [ARCHIVE_INDEX_IDS]: undefined });
    await libraryChanged();
    return { ok: true as const };
  });
}

function summaryOf(r: ReleaseRecord): ReleaseSummary {
  return {
    id: r.id!,
    source: r.source,
    origin: r.origin,
    words: (r.text.match(/\S+/g) ?? []).length,
    addedAt: r.addedAt,
    ...(r.date ? { date: r.date } : {}),
    ...(r.matter ? { matter: r.matter } : {}),
    ...(r.url ? { url: r.url } : {}),
  };
}

async function exportArchive(): Promise<ArchiveFile> {
  const releases = (await allReleases()).map(({ id: _id, ...r }) => r);
  return { lectern: 'archive', version: 1, releases };
}

/** Adds the file's releases, skipping any whose text the archive already holds. */
async function importArchive(file: ArchiveFile): Promise<ReleaseSummary[]> {
  const known = new Set((await allReleases()).map((r) => r.text.trim()));
  const fresh = file.releases.filter((r) => !known.has(r.text.trim()) && known.add(r.text.trim()));
  return addToArchive(fresh.map((r) => ({ ...r, origin: r.origin ?? 'import' })));
}

async function markReleased(request: { tabId: number; draftKey: string; matter?: string }) {
  const draft = await getDraft(request.draftKey);
  if (!draft?.text.trim()) throw new Error('There is no draft text to mark as released.');
  const [added] = await addToArchive([
    {
      text: draft.text,
      source: `${releaseTitle(draft.text)} (released)`,
      ...(request.matter ? { matter: request.matter } : {}),
      ...(extractFacts(draft.text).issued === undefined ? { date: stampOf(new Date()) } : {}),
      origin: 'draft',
    },
  ]);
  return added;
}

/** Reads a published release in the tab: runs in the page, so it must stand alone. */
function readPublishedPage(): { title: string; url: string; text: string; date: string | null } {
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  const meta = document.querySelector<HTMLMetaElement>(
    'meta[property="article:published_time"], meta[name="date"], meta[name="dcterms.date"]',
  );
  const time = root.querySelector('time[datetime]') ?? document.querySelector('time[datetime]');
  return {
    title: document.title,
    url: location.href,
    text: (root as HTMLElement).innerText ?? root.textContent ?? '',
    date: meta?.content ?? time?.getAttribute('datetime') ?? null,
  };
}

async function capturePage(request: { tabId: number; matter?: string }) {
  let result: unknown;
  try {
    [{ result }] = await browser.scripting.executeScript({
      target: { tabId: request.tabId },
      func: readPublishedPage,
    });
  } catch {
    throw new Error(
      'Lectern cannot read this page. Turn it on for this site (or click the toolbar button) first.',
    );
  }
  const page = CapturedPageSchema.parse(result);
  const date = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(page.date ?? '');
  const [added] = await addToArchive([
    {
      ...releaseInput({ text: page.text.slice(0, MAX_DRAFT_CHARS) }, 'this page'),
      source: (page.title.trim() || page.url).slice(0, 200),
      url: page.url.slice(0, 2048),
      ...(date ? { date: date[2] ? `${date[1]} ${date[2]}` : date[1] } : {}),
      ...(request.matter ? { matter: request.matter } : {}),
      origin: 'page',
    },
  ]);
  return added;
}

/** Page content is hostile input: what the page script returned is checked like a message. */
const CapturedPageSchema = zod.object({
  title: zod.string().max(10_000),
  url: zod.string().max(10_000),
  text: zod.string(),
  date: zod.string().max(200).nullable(),
});

async function changesOf(request: { tabId: number; draftKey: string }): Promise<FactChanges> {
  const [draft, { archive }] = await Promise.all([getDraft(request.draftKey), libraryOf()]);
  if (!draft || !archive) return { changes: [] };
  return factChanges(draft.text, archive);
}

// ---- the user's data ----------------------------------------------------------------------

async function exportAll(): Promise<Record<string, unknown>> {
  const [drafts, dismissals, archive, vocabulary, reviewer, reviews, versions] = await Promise.all([
    allDrafts(),
    allDismissals(),
    exportArchive(),
    getSetting(VOCABULARY),
    getSetting(REVIEWER),
    allDraftReviews(),
    allVersions(),
  ]);
  return {
    lectern: 'export',
    version: 1,
    exportedAt: new Date().toISOString(),
    reviewer: reviewer ?? null,
    vocabulary: vocabulary ?? null,
    drafts,
    dismissals,
    archive,
    reviews,
    versions,
  };
}

// ---- marks in the page, and fields the user told Lectern not to read ----------------------

/** Every frame hears the tab's marks: the draft's frame paints them, the others clear theirs. */
async function showMarks(tabId: number, state: PanelState): Promise<void> {
  const draft = state.draft && !state.draft.fieldOff ? await getDraft(state.draft.key) : undefined;
  const marks = {
    frame: draft?.id.frame ?? '',
    selector: draft?.id.selector ?? '',
    marks: draft ? marksOf(state.draft!.report) : [],
  };
  await sendMessage('showMarks', marks, tabId).catch(() => undefined);
}

const FIELDS_OFF = 'fieldsOff';

type FieldsOff = Record<string, { page: string } & Field>;

async function fieldsOff(): Promise<FieldsOff> {
  return (await getSetting<FieldsOff>(FIELDS_OFF)) ?? {};
}

async function isFieldOff(draftKey: string): Promise<boolean> {
  return draftKey in (await fieldsOff());
}

async function fieldsOffOn(page: string): Promise<Field[]> {
  return Object.values(await fieldsOff())
    .filter((f) => f.page === page)
    .map(({ frame, selector }) => ({ frame, selector }));
}

/** The panel shows the field that is off, so the user can turn it on again from there. */
async function offFieldFocused(id: DraftId, where: { tabId: number; frameId: number }) {
  const key = draftKeyOf(id);
  if (!(await isFieldOff(key)) || !(await getDraft(key))) return { ok: true as const };
  await putTab({
    tabId: where.tabId,
    draftKey: key,
    frameId: where.frameId,
    updatedAt: Date.now(),
  });
  void push(where.tabId);
  return { ok: true as const };
}

async function setFieldOff(request: { tabId: number; draftKey: string; off: boolean }) {
  const draft = await getDraft(request.draftKey);
  if (!draft) throw new Error('This field is no longer known; type in it again.');
  const { page, frame, selector } = draft.id;
  const all = await fieldsOff();
  if (request.off) all[draft.key] = { page, frame, selector };
  else delete all[draft.key];
  await putSetting(FIELDS_OFF, all);
  const field = { frame, selector, off: request.off };
  await sendMessage('fieldSwitched', field, request.tabId).catch(() => undefined);
  return push(request.tabId);
}
