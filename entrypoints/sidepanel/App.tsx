import { useCallback, useEffect, useState } from 'preact/hooks';

import type { ContextInput } from '@/lib/engine/types';
import { onMessage, PanelStateSchema, sendMessage, type PanelState } from '@/lib/messaging';

import { ArchiveActions } from './ArchiveActions';
import { Changes } from './changes/Changes';
import { ContextForm } from './ContextForm';
import { dismissActions } from './Dismissed';
import { FieldSwitch } from './FieldSwitch';
import { FindingList } from './FindingList';
import { GradeSummary } from './GradeSummary';
import { PanelTabs } from './review/PanelTabs';
import { SiteAccess } from './SiteAccess';
import { initialTarget, type Target } from './target-tab';

/** Confirmations fade; errors stay until the next action. */
interface Notice {
  text: string;
  error?: boolean;
}

const NOTICE_MS = 8000;

type View =
  | { status: 'loading' }
  | { status: 'no-tab' }
  | { status: 'ready'; state: PanelState }
  | { status: 'failed'; message: string };

export function App() {
  const [target, setTarget] = useState<Target | null>(null);
  const [view, setView] = useState<View>({ status: 'loading' });
  const [notice, setNotice] = useState<Notice>({ text: '' });
  const say = useCallback((text: string) => setNotice({ text }), []);

  useEffect(() => {
    if (!notice.text || notice.error) return undefined;
    const timer = setTimeout(() => setNotice({ text: '' }), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const load = useCallback(async (tabId: number | null) => {
    if (tabId == null) return setView({ status: 'no-tab' });
    try {
      setView({ status: 'ready', state: await sendMessage('getState', { tabId }) });
    } catch (e) {
      setView({ status: 'failed', message: messageOf(e) });
    }
  }, []);

  useEffect(() => {
    initialTarget().then(setTarget, (e) => setView({ status: 'failed', message: messageOf(e) }));
  }, []);

  useEffect(() => {
    if (target) void load(target.tabId);
  }, [target, load]);

  useEffect(() => (target ? followPushes(target, setTarget, setView) : undefined), [target]);
  useEffect(() => (target ? followActiveTab(target, setTarget) : undefined), [target]);

  const act = useCallback(async (task: () => Promise<PanelState | void>) => {
    try {
      const state = await task();
      if (state) setView({ status: 'ready', state });
    } catch (e) {
      setNotice({ text: messageOf(e), error: true });
    }
  }, []);

  return (
    <main>
      <header class="top">
        <h1>Lectern</h1>
        <p class="privacy">Reviews your draft on this computer. Nothing is sent anywhere.</p>
      </header>
      <Body view={view} act={act} setNotice={say} retry={() => load(target?.tabId ?? null)} />
      <p
        class={notice.error ? 'notice notice-error' : 'notice'}
        role={notice.error ? 'alert' : 'status'}
        data-testid="notice"
      >
        {notice.text}
      </p>
    </main>
  );
}

interface BodyProps {
  view: View;
  act: (task: () => Promise<PanelState | void>) => Promise<void>;
  setNotice: (text: string) => void;
  retry: () => void;
}

function Body({ view, act, setNotice, retry }: BodyProps) {
  if (view.status === 'loading') return <p class="empty">Loading the review…</p>;
  if (view.status === 'no-tab') {
    return (
      <p class="empty" data-testid="empty">
        No page to review yet. Open a page with an editor and start typing.
      </p>
    );
  }
  if (view.status === 'failed') {
    return (
      <div class="error" role="alert">
        <p>Lectern could not load the review: {view.message}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  const { state } = view;
  const setChoice = (choice: ContextInput | null) =>
    act(() =>
      sendMessage('setContext', { tabId: state.tabId, draftKey: state.draft!.key, choice }),
    );
  return (
    <>
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      <Draft state={state} setChoice={setChoice} setNotice={setNotice} act={act} />
      <ArchiveActions state={state} setNotice={setNotice} act={act} />
      <SiteAccess state={state} act={act} />
    </>
  );
}

interface DraftProps {
  state: PanelState;
  setChoice: (choice: ContextInput | null) => void;
  setNotice: (text: string) => void;
  act: BodyProps['act'];
}

function Draft({ state, setChoice, setNotice, act }: DraftProps) {
  const { draft } = state;
  if (!draft && !state.live) {
    return (
      <p class="empty" data-testid="empty">
        Lectern is off on this page.{' '}
        {state.origin ? (
          <>
            Click <strong>Turn on for this site</strong> below, or the Lectern button in the toolbar
            to review this page once.
          </>
        ) : (
          'Click the Lectern button in the browser toolbar to review this page.'
        )}
      </p>
    );
  }
  if (!draft || draft.report.stats.words === 0) {
    return (
      <p class="empty" data-testid="empty">
        Start typing in an editor on this page (a text box or a rich-text editor). The review
        appears here as you write.
      </p>
    );
  }
  return (
    <>
      {!state.live && (
        <p class="empty" data-testid="off">
          Lectern is off on this page now. This is the last review of the draft; it will not update
          until Lectern is turned on again.
        </p>
      )}
      <p class="source" data-testid="source">
        Reviewing the {draft.label}
        {draft.truncated && ' (only its first 200,000 characters)'}.
      </p>
      <FieldSwitch state={state} act={act} />
      <PanelTabs state={state} setNotice={setNotice}>
        <GradeSummary report={draft.report} />
        <ContextForm report={draft.report} choice={draft.choice} setChoice={setChoice} />
        <FindingList
          report={draft.report}
          dismissals={dismissActions(state.tabId, draft.key, act)}
          select={async (f) => {
            const request = { tabId: state.tabId, draftKey: draft.key, ...f };
            const result = await sendMessage('selectFinding', request).catch((e) => ({
              ok: false,
              reason: messageOf(e),
            }));
            setNotice(
              result.ok
                ? `Selected “${f.excerpt}” in the editor.`
                : (result.reason ?? 'Not found.'),
            );
          }}
        />
        <Changes tabId={state.tabId} draftKey={draft.key} updatedAt={draft.updatedAt} />
      </PanelTabs>
    </>
  );
}

/** The background pushes every change; the panel takes those for the tab it shows. */
function followPushes(
  target: Target,
  setTarget: (t: Target) => void,
  setView: (v: View) => void,
): () => void {
  return onMessage('stateChanged', ({ data, sender }) => {
    if (!(sender.url ?? '').startsWith(browser.runtime.getURL('/'))) return;
    const parsed = PanelStateSchema.safeParse(data);
    if (!parsed.success) return;
    const state = parsed.data as PanelState;
    if (state.tabId === target.tabId) setView({ status: 'ready', state });
    else if (target.follow === 'latest-draft' && state.draft) {
      setTarget({ ...target, tabId: state.tabId });
    }
  });
}

function followActiveTab(target: Target, setTarget: (t: Target) => void): (() => void) | undefined {
  if (target.follow !== 'active-tab') return undefined;
  const listener = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === target.windowId) setTarget({ ...target, tabId: info.tabId });
  };
  browser.tabs.onActivated.addListener(listener);
  return () => browser.tabs.onActivated.removeListener(listener);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
