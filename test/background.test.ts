// The background through fakeBrowser: messages go through the real @webext-core/messaging root
// listener with the sender a content script or the panel would have, and state goes through
// idb on fake-indexeddb.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import background from '@/entrypoints/background';
import { removeAllListeners, sendMessage, type PanelState } from '@/lib/messaging';
import { getDraft, resetDbForTests } from '@/lib/storage';

const EXT = 'test-extension-id';
const CONTENT = { id: EXT, tab: { id: 7 }, frameId: 3, url: 'https://news.example/compose' };
const PANEL = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };

const ID = { page: 'https://news.example/compose', frame: '', selector: '#body' };
const KEY = 'https://news.example/compose top #body';
const DRAFT =
  'Fire at the Riverside plant\nA fire broke out at the plant on Tuesday. Two workers were ' +
  'injured. Residents have nothing to worry about.';

/** Delivers a message as the browser would, with a sender, and returns the handler's answer. */
async function deliver<T>(type: string, data: unknown, sender: object): Promise<T> {
  let respond!: (value: { res?: T; err?: { message: string } }) => void;
  const answer = new Promise<{ res?: T; err?: { message: string } }>((r) => (respond = r));
  const message = { id: 1, type, data, timestamp: Date.now() };

  await fakeBrowser.runtime.onMessage.trigger(message, sender as never, respond as never);

  const { res, err } = await answer;
  if (err) throw new Error(err.message);
  return res as T;
}

function typed(text: string, id = ID) {
  return deliver('draftChanged', { id, kind: 'textarea', text, truncated: false }, CONTENT);
}

function stateOf(tabId = 7) {
  return deliver<PanelState>('getState', { tabId }, PANEL);
}

function start(): void {
  background.main();
}

beforeEach(() => {
  removeAllListeners();
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
  fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => []) as never;
});

describe('draftChanged', () => {
  it('reviews the draft and serves the report to the panel', async () => {
    start();

    expect(await typed(DRAFT)).toEqual({ ok: true });
    const state = await stateOf();

    expect(state.draft?.key).toBe(KEY);
    expect(state.draft?.label).toBe('text box #body');
    expect(state.origin).toBe('https://news.example');
    const assurance = state.draft?.report.findings.find((f) => f.rule === 'core/no-need-to-worry');
    expect(assurance?.excerpt).toBe('nothing to worry about');
    expect(DRAFT.slice(assurance!.start, assurance!.end)).toBe(assurance!.excerpt);
  });

  it('infers the context when the user chose none, and says so', async () => {
    start();

    await typed(DRAFT);
    const { context } = (await stateOf()).draft!.report;

    expect(context.inferred).toBe(true);
    expect(context.type).toBe('crisis-initial');
    expect(context.reasons?.length).toBeGreaterThan(0);
  });

  it('stores the draft and its report in IndexedDB', async () => {
    start();

    await typed(DRAFT);
    const stored = await getDraft(KEY);

    expect(stored?.text).toBe(DRAFT);
    expect(stored?.report?.findings.length).toBeGreaterThan(0);
    expect(stored?.choice).toBeNull();
  });

  it('reuses the review when an editor sends the same text again (focus)', async () => {
    start();
    await typed(DRAFT);
    const first = (await stateOf()).draft!.updatedAt;

    await new Promise((r) => setTimeout(r, 5));
    await typed(DRAFT);

    expect((await stateOf()).draft!.updatedAt).toBe(first);
  });

  it('refuses malformed drafts', async () => {
    start();

    await expect(
      deliver('draftChanged', { id: ID, kind: 'textarea', text: 42, truncated: false }, CONTENT),
    ).rejects.toThrow();
    await expect(
      deliver('draftChanged', { id: ID, kind: 'input', text: 'x', truncated: false }, CONTENT),
    ).rejects.toThrow();
    await expect(
      deliver(
        'draftChanged',
        { id: ID, kind: 'textarea', text: 'x'.repeat(200_001), truncated: true },
        CONTENT,
      ),
    ).rejects.toThrow();
  });

  it('refuses drafts that do not come from a content script in a tab', async () => {
    start();

    await expect(
      deliver('draftChanged', { id: ID, kind: 'textarea', text: 'x', truncated: false }, PANEL),
    ).rejects.toThrow(/content scripts only/);
    await expect(
      sendMessage('draftChanged', { id: ID, kind: 'textarea', text: 'x', truncated: false }),
    ).rejects.toThrow();
  });
});

describe('panel requests', () => {
  it('are refused from content scripts', async () => {
    start();

    await expect(deliver('getState', { tabId: 7 }, CONTENT)).rejects.toThrow(
      /extension pages only/,
    );
  });

  it('report a tab with no capture and no draft as off', async () => {
    start();

    const state = await stateOf(9);

    expect(state).toMatchObject({ tabId: 9, live: false, siteOn: false });
    expect(state.draft).toBeUndefined();
  });

  it('name the tab whose draft changed last', async () => {
    start();

    await typed(DRAFT);

    expect(await deliver('lastDraftTab', undefined, PANEL)).toEqual({ tabId: 7 });
  });
});

describe('setContext', () => {
  it('stores the chosen type and flags and reviews again with them', async () => {
    start();
    await typed(DRAFT);

    const state = await deliver<PanelState>(
      'setContext',
      { tabId: 7, draftKey: KEY, choice: { type: 'routine', flags: [] } },
      PANEL,
    );

    expect(state.draft?.report.context).toMatchObject({
      type: 'routine',
      flags: [],
      inferred: false,
    });
    expect((await getDraft(KEY))?.choice).toEqual({ type: 'routine', flags: [] });
  });

  it('keeps the choice when the draft changes, and drops it on request', async () => {
    start();
    await typed(DRAFT);
    const choice = { type: 'statement', flags: ['gov-issuer'] };
    await deliver('setContext', { tabId: 7, draftKey: KEY, choice }, PANEL);

    await typed(`${DRAFT} More soon.`);
    expect((await stateOf()).draft?.report.context).toMatchObject({ ...choice, inferred: false });

    await deliver('setContext', { tabId: 7, draftKey: KEY, choice: null }, PANEL);
    expect((await stateOf()).draft?.report.context.inferred).toBe(true);
  });

  it('refuses unknown release types', async () => {
    start();
    await typed(DRAFT);

    await expect(
      deliver('setContext', { tabId: 7, draftKey: KEY, choice: { type: 'advert' } }, PANEL),
    ).rejects.toThrow();
  });
});

describe('a service-worker restart', () => {
  it('loses nothing: the tab and its draft come back from IndexedDB', async () => {
    start();
    await typed(DRAFT);

    removeAllListeners();
    fakeBrowser.runtime.resetState();
    resetDbForTests();
    start();

    expect((await stateOf()).draft?.key).toBe(KEY);
  });
});

describe('selectFinding', () => {
  it('asks the content script in the editor frame to select the span', async () => {
    const send = vi.fn(
      (_tab: number, _message: unknown, _options: unknown, reply: (r: unknown) => void) =>
        reply({ res: { ok: true } }),
    );
    fakeBrowser.tabs.sendMessage = send as never;
    start();
    await typed(DRAFT);

    const span = { start: 92, end: 114, excerpt: 'nothing to worry about' };
    const result = await deliver('selectFinding', { tabId: 7, draftKey: KEY, ...span }, PANEL);

    expect(result).toEqual({ ok: true });
    const call = send.mock.calls.find(([, m]) => (m as { type: string }).type === 'selectSpan')!;
    expect(call[0]).toBe(7);
    expect(call[1]).toMatchObject({ data: { selector: '#body', ...span } });
    expect(call[2]).toEqual({ frameId: 3 });
  });

  it('says so when the tab now shows another draft', async () => {
    start();
    await typed(DRAFT);
    await typed('Another draft.', { ...ID, selector: '#other' });

    const result = await deliver<{ ok: boolean; reason?: string }>(
      'selectFinding',
      { tabId: 7, draftKey: KEY, start: 0, end: 4, excerpt: 'Fire' },
      PANEL,
    );

    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/another draft/);
  });
});

describe('the toolbar button', () => {
  it('opens the side panel first, then injects capture into every frame', async () => {
    const calls: string[] = [];
    fakeBrowser.sidePanel.open = vi.fn(async () => void calls.push('open')) as never;
    fakeBrowser.scripting.executeScript = vi.fn(async () => {
      calls.push('inject');
      return [];
    }) as never;
    start();

    await fakeBrowser.action.onClicked.trigger({ id: 7 } as never);
    await vi.waitFor(() => expect(calls).toEqual(['open', 'inject']));

    expect(fakeBrowser.sidePanel.open).toHaveBeenCalledWith({ tabId: 7 });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, allFrames: true },
      files: ['/content-scripts/content.js'],
    });
  });

  it('explains in words when the page cannot be read', async () => {
    fakeBrowser.sidePanel.open = vi.fn(async () => undefined) as never;
    fakeBrowser.scripting.executeScript = vi.fn(async () => {
      throw new Error('Cannot access a chrome:// URL');
    }) as never;
    start();

    await fakeBrowser.action.onClicked.trigger({ id: 7 } as never);

    await vi.waitFor(async () => expect((await stateOf()).error).toMatch(/cannot read this page/));
  });
});

describe('sites', () => {
  it('registers capture for a site once its permission is granted', async () => {
    fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
    const register = vi.fn(async () => undefined);
    fakeBrowser.scripting.registerContentScripts = register as never;
    fakeBrowser.scripting.executeScript = vi.fn(async () => []) as never;
    start();

    await deliver('enableSite', { tabId: 7, origin: 'https://news.example' }, PANEL);

    expect(register).toHaveBeenCalledWith([
      expect.objectContaining({
        id: 'site:https://news.example',
        matches: ['https://news.example/*'],
        js: ['/content-scripts/content.js'],
        allFrames: true,
      }),
    ]);
  });

  it('refuses to register without the permission, and refuses non-origins', async () => {
    fakeBrowser.permissions.contains = vi.fn(async () => false) as never;
    start();

    await expect(
      deliver('enableSite', { tabId: 7, origin: 'https://news.example' }, PANEL),
    ).rejects.toThrow(/no permission/);
    await expect(
      deliver('enableSite', { tabId: 7, origin: 'https://news.example/*' }, PANEL),
    ).rejects.toThrow();
  });
});

describe('navigation', () => {
  it('forgets which draft a tab showed when it loads another page', async () => {
    start();
    await typed(DRAFT);

    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, {} as never);

    await vi.waitFor(async () => expect((await stateOf()).draft).toBeUndefined());
    expect(await getDraft(KEY)).toBeDefined();
  });
});
