// The review and history messages through the real background: typing keeps versions, the
// panel signs and reads back, and nothing but an extension page may ask.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import background from '@/entrypoints/background';
import { removeAllListeners } from '@/lib/messaging';
import type { HistoryView, ReviewView } from '@/lib/review/view';
import { resetDbForTests } from '@/lib/storage';

const EXT = 'test-extension-id';
const CONTENT = { id: EXT, tab: { id: 7 }, frameId: 0, url: 'https://news.example/compose' };
const PANEL = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };
const ID = { page: 'https://news.example/compose', frame: '', selector: '#body' };
const KEY = 'https://news.example/compose top #body';
const DRAFT = 'A fire broke out at the plant on Tuesday. Residents have nothing to worry about.';

async function deliver<T>(type: string, data: unknown, sender: object): Promise<T> {
  let respond!: (value: { res?: T; err?: { message: string } }) => void;
  const answer = new Promise<{ res?: T; err?: { message: string } }>((r) => (respond = r));
  await fakeBrowser.runtime.onMessage.trigger(
    { id: 1, type, data, timestamp: Date.now() },
    sender as never,
    respond as never,
  );
  const { res, err } = await answer;
  if (err) throw new Error(err.message);
  return res as T;
}

const typed = (text: string) =>
  deliver('draftChanged', { id: ID, kind: 'textarea', text, truncated: false }, CONTENT);

beforeEach(() => {
  removeAllListeners();
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  resetDbForTests();
  fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => []) as never;
  background.main();
});

describe('review messages', () => {
  it('keep a version of what was typed and sign a level for the panel', async () => {
    await typed(DRAFT);
    await deliver('setIdentity', { name: 'Jo Park', role: 'PIO' }, PANEL);
    const before = await deliver<ReviewView>('getReview', { draftKey: KEY }, PANEL);
    const l1 = before.levels[0];

    const after = await deliver<ReviewView>(
      'signLevel',
      {
        draftKey: KEY,
        textHash: before.textHash,
        level: 'L1',
        decision: 'approve',
        attested: ['context-set'],
        overrides: l1.toSettle.map((f) => ({ rule: f.rule, excerpt: f.excerpt, reason: 'Noted' })),
      },
      PANEL,
    );
    const history = await deliver<HistoryView>('getHistory', { draftKey: KEY }, PANEL);

    expect(after.levels[0].state).toBe('approved');
    expect(after.identity.fingerprint).toMatch(/^[0-9a-f]{4}(:[0-9a-f]{4}){7}$/);
    expect(history.versions.map((v) => [v.reason, v.signedBy])).toEqual([['sign-off', ['L1']]]);
  });

  it('refuse a content script, which a hostile page could drive', async () => {
    await typed(DRAFT);

    await expect(deliver('getReview', { draftKey: KEY }, CONTENT)).rejects.toThrow(
      /extension pages only/,
    );
    await expect(deliver('setTrustedKeys', { keys: [] }, CONTENT)).rejects.toThrow(
      /extension pages only/,
    );
  });

  it('reject a malformed sign-off request before touching anything', async () => {
    await typed(DRAFT);

    await expect(
      deliver('signLevel', { draftKey: KEY, textHash: 'abc', level: 'L1', decision: 'ok' }, PANEL),
    ).rejects.toThrow();
  });
});
