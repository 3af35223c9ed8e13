// IndexedDB schema and upgrades; the only caller of openDB. MV3 stops an idle service worker at
// any moment, so everything the panel needs after a restart lives here, not in module variables.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

import type { ContextInput, Report } from './engine/types';
import type { DraftId, EditorKind } from './messaging';

export interface DraftRecord {
  key: string;
  id: DraftId;
  kind: EditorKind;
  text: string;
  truncated: boolean;
  /** the user's release type and flags; null: infer them from the text */
  choice: ContextInput | null;
  report?: Report;
  /** the last review failed; in words */
  error?: string;
  updatedAt: number;
}

/** Which draft a tab shows, and in which frame its editor lives. */
export interface TabRecord {
  tabId: number;
  draftKey?: string;
  frameId?: number;
  /** Lectern could not start in this tab; in words */
  error?: string;
  updatedAt: number;
}

interface LecternDB extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { updatedAt: number } };
  tabs: { key: number; value: TabRecord; indexes: { updatedAt: number } };
}

const DB_NAME = 'lectern';
const DB_VERSION = 1;

let db: Promise<IDBPDatabase<LecternDB>> | undefined;

function database(): Promise<IDBPDatabase<LecternDB>> {
  db ??= openDB<LecternDB>(DB_NAME, DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('drafts', { keyPath: 'key' }).createIndex('updatedAt', 'updatedAt');
        d.createObjectStore('tabs', { keyPath: 'tabId' }).createIndex('updatedAt', 'updatedAt');
      }
    },
  });
  return db;
}

/** Tests swap in a fresh IDBFactory; the cached connection must go with the old one. */
export function resetDbForTests(): void {
  db = undefined;
}

export async function getDraft(key: string): Promise<DraftRecord | undefined> {
  return (await database()).get('drafts', key);
}

export async function putDraft(record: DraftRecord): Promise<void> {
  await (await database()).put('drafts', record);
}

export async function getTab(tabId: number): Promise<TabRecord | undefined> {
  return (await database()).get('tabs', tabId);
}

export async function putTab(record: TabRecord): Promise<void> {
  await (await database()).put('tabs', record);
}

export async function deleteTab(tabId: number): Promise<void> {
  await (await database()).delete('tabs', tabId);
}

/** The tab whose draft changed last: the panel's target when it is open as a tab itself. */
export async function latestTab(): Promise<TabRecord | undefined> {
  const index = (await database()).transaction('tabs').store.index('updatedAt');
  for (
    let cursor = await index.openCursor(null, 'prev');
    cursor;
    cursor = await cursor.continue()
  ) {
    if (cursor.value.draftKey) return cursor.value;
  }
  return undefined;
}

/** Tab ids do not survive a browser restart, so neither do the records keyed by them. */
export async function clearTabs(): Promise<void> {
  await (await database()).clear('tabs');
}
