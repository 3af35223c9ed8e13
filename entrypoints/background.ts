// The background owns the engine and the storage, so one draft has one truth. Every incoming
// message is parsed before use; state lives in IndexedDB because MV3 stops this worker at will.
import type { Browser } from 'wxt/browser';

import { review } from '@/lib/engine';
import {
  configureZod,
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
import { loadPacks, type RuleSet } from '@/lib/rule-packs';
import {
  clearTabs,
  deleteTab,
  getDraft,
  getTab,
  latestTab,
  putDraft,
  putTab,
  type DraftRecord,
} from '@/lib/storage';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const PING_TIMEOUT_MS = 400;

type Sender = Browser.runtime.MessageSender;

export default defineBackground(() => {
  configureZod();
  listenToMessages();
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
  await serially(key, async () => {
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
      await putDraft(reviewed(record));
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

/** Texts reviewed by this worker, so focusing an editor again costs no review. */
const reviewedTexts = new Map<string, string>();

/** A stored report is reused only if this worker made it: a restart may follow an update. */
function isFresh(previous: DraftRecord | undefined, text: string): boolean {
  return !!previous?.report && previous.text === text && reviewedTexts.get(previous.key) === text;
}

function reviewed(record: DraftRecord): DraftRecord {
  reviewedTexts.set(record.key, record.text);
  try {
    const report = review(record.text, record.choice ?? undefined, { rules: rules() });
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
    await putDraft(reviewed({ ...draft, choice: request.choice }));
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
    };
  }
  return state;
}

/** Sends the tab's state to any open panel; none open is normal. */
async function push(tabId: number, knownLive?: boolean): Promise<PanelState> {
  const state = await stateOf(tabId, knownLive);
  sendMessage('stateChanged', state).catch(() => undefined);
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
