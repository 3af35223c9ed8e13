// IndexedDB schema and upgrades; the only caller of openDB. MV3 stops an idle service worker at
// any moment, so everything the panel needs after a restart lives here, not in module variables.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

import type { DismissalItem } from './dismissals';
import type { ContextInput, Report } from './engine/types';
import type { Version } from './history/versions';
import type { DraftId, EditorKind } from './messaging';
import type { Level } from './review/levels';
import type { SignOff } from './review/signoff';

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

/** A prior release in the archive, checked against every draft. */
export interface ReleaseRecord {
  /** assigned by the store */
  id?: number;
  /** unique, shown to the user; findings name it as `related.source` */
  source: string;
  text: string;
  /** "YYYY-MM-DD HH:MM" as given or as read from the text */
  date?: string;
  matter?: string;
  /** how it came in: pasted, a file, a published page, a draft marked as released */
  origin: 'paste' | 'file' | 'page' | 'draft' | 'import';
  /** the page it was captured from */
  url?: string;
  addedAt: number;
}

/** A draft's dismissals, kept apart from its record so a new review never loses them. */
export interface DismissalsRecord {
  draftKey: string;
  items: DismissalItem[];
}

/** A draft's sign-offs, and the levels its review runs under (fixed at its first sign-off). */
export interface DraftReviewRecord {
  draftKey: string;
  signOffs: SignOff[];
  levels?: Level[];
  /** review records imported into this draft */
  imports: Array<{ at: number; signOffs: number; exportedAt: string }>;
  /** versions removed so far to stay within the user's limit */
  pruned: number;
}

/** One saved version of a draft's text. */
export interface VersionRecord extends Version {
  draftKey: string;
}

interface LecternDB extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { updatedAt: number } };
  tabs: { key: number; value: TabRecord; indexes: { updatedAt: number } };
  releases: { key: number; value: ReleaseRecord; indexes: { source: string } };
  dismissals: { key: string; value: DismissalsRecord };
  /** small named values: the vocabulary, the reviewer's name, the archive's fact index */
  settings: { key: string; value: unknown };
  reviews: { key: string; value: DraftReviewRecord };
  versions: {
    key: string;
    value: VersionRecord;
    indexes: { draft: [string, number]; hash: string };
  };
}

const DB_NAME = 'lectern';
const DB_VERSION = 3;

let db: Promise<IDBPDatabase<LecternDB>> | undefined;

function database(): Promise<IDBPDatabase<LecternDB>> {
  db ??= openDB<LecternDB>(DB_NAME, DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('drafts', { keyPath: 'key' }).createIndex('updatedAt', 'updatedAt');
        d.createObjectStore('tabs', { keyPath: 'tabId' }).createIndex('updatedAt', 'updatedAt');
      }
      // Checked by name rather than version, so other additive upgrades can land in any order.
      if (!d.objectStoreNames.contains('releases')) {
        d.createObjectStore('releases', { keyPath: 'id', autoIncrement: true }).createIndex(
          'source',
          'source',
          { unique: true },
        );
      }
      if (!d.objectStoreNames.contains('dismissals')) {
        d.createObjectStore('dismissals', { keyPath: 'draftKey' });
      }
      if (!d.objectStoreNames.contains('settings')) d.createObjectStore('settings');
      if (!d.objectStoreNames.contains('reviews')) {
        d.createObjectStore('reviews', { keyPath: 'draftKey' });
      }
      if (!d.objectStoreNames.contains('versions')) {
        const versions = d.createObjectStore('versions', { keyPath: 'id' });
        versions.createIndex('draft', ['draftKey', 'at']);
        versions.createIndex('hash', 'hash');
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

export async function allTabs(): Promise<TabRecord[]> {
  return (await database()).getAll('tabs');
}

export async function allDrafts(): Promise<DraftRecord[]> {
  return (await database()).getAll('drafts');
}

/** Deletes every draft, its report, dismissals, sign-offs and versions; the archive and settings stay. */
export async function clearDrafts(): Promise<number> {
  const d = await database();
  const count = await d.count('drafts');
  const stores = ['drafts', 'tabs', 'dismissals', 'reviews', 'versions'] as const;
  const tx = d.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
  return count;
}

// ---- dismissals ---------------------------------------------------------------------------

export async function getDismissals(draftKey: string): Promise<DismissalItem[]> {
  return (await (await database()).get('dismissals', draftKey))?.items ?? [];
}

export async function putDismissals(draftKey: string, items: DismissalItem[]): Promise<void> {
  const d = await database();
  if (items.length === 0) await d.delete('dismissals', draftKey);
  else await d.put('dismissals', { draftKey, items });
}

export async function allDismissals(): Promise<DismissalsRecord[]> {
  return (await database()).getAll('dismissals');
}

// ---- the archive of prior releases --------------------------------------------------------

/** Stores releases in one transaction and returns them with their ids. */
export async function addReleases(records: ReleaseRecord[]): Promise<ReleaseRecord[]> {
  const tx = (await database()).transaction('releases', 'readwrite');
  const added: ReleaseRecord[] = [];
  for (const r of records) added.push({ ...r, id: await tx.store.add(r) });
  await tx.done;
  return added;
}

export async function allReleases(): Promise<ReleaseRecord[]> {
  return (await database()).getAll('releases');
}

export async function releaseIds(): Promise<number[]> {
  return (await database()).getAllKeys('releases');
}

export async function getReleases(ids: number[]): Promise<ReleaseRecord[]> {
  const tx = (await database()).transaction('releases');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return found.filter((r): r is ReleaseRecord => r !== undefined);
}

export async function releaseBySource(source: string): Promise<ReleaseRecord | undefined> {
  return (await database()).getFromIndex('releases', 'source', source);
}

export async function deleteRelease(id: number): Promise<void> {
  await (await database()).delete('releases', id);
}

export async function clearReleases(): Promise<void> {
  await (await database()).clear('releases');
}

// ---- settings -----------------------------------------------------------------------------

export async function getSetting<T>(name: string): Promise<T | undefined> {
  return (await (await database()).get('settings', name)) as T | undefined;
}

/** Writes several settings in one transaction: all of them land, or none. */
export async function putSettings(values: Record<string, unknown>): Promise<void> {
  const tx = (await database()).transaction('settings', 'readwrite');
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) void tx.store.delete(name);
    else void tx.store.put(value, name);
  }
  await tx.done;
}

export async function putSetting(name: string, value: unknown): Promise<void> {
  const d = await database();
  if (value === undefined) await d.delete('settings', name);
  else await d.put('settings', value, name);
}

// ---- sign-offs and versions -------------------------------------------------------------

export async function getDraftReview(draftKey: string): Promise<DraftReviewRecord | undefined> {
  return (await database()).get('reviews', draftKey);
}

export async function putDraftReview(record: DraftReviewRecord): Promise<void> {
  await (await database()).put('reviews', record);
}

export async function allDraftReviews(): Promise<DraftReviewRecord[]> {
  return (await database()).getAll('reviews');
}

function versionsOf(draftKey: string): IDBKeyRange {
  return IDBKeyRange.bound([draftKey, -Infinity], [draftKey, Infinity]);
}

/** A draft's versions, oldest first. */
export async function draftVersions(draftKey: string): Promise<VersionRecord[]> {
  return (await database()).getAllFromIndex('versions', 'draft', versionsOf(draftKey));
}

export async function lastVersion(draftKey: string): Promise<VersionRecord | undefined> {
  const index = (await database()).transaction('versions').store.index('draft');
  return (await index.openCursor(versionsOf(draftKey), 'prev'))?.value;
}

export async function countVersions(draftKey: string): Promise<number> {
  return (await database()).countFromIndex('versions', 'draft', versionsOf(draftKey));
}

export async function getVersion(id: string): Promise<VersionRecord | undefined> {
  return (await database()).get('versions', id);
}

export async function versionsWithHash(hash: string): Promise<VersionRecord[]> {
  return (await database()).getAllFromIndex('versions', 'hash', hash);
}

/** Puts a version and deletes others in one transaction, so a crash cannot leave half of it. */
export async function putVersion(record: VersionRecord, deleteIds: string[] = []): Promise<void> {
  const tx = (await database()).transaction('versions', 'readwrite');
  await Promise.all([tx.store.put(record), ...deleteIds.map((id) => tx.store.delete(id)), tx.done]);
}

export async function deleteVersions(ids: string[]): Promise<void> {
  const tx = (await database()).transaction('versions', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

export async function allVersions(): Promise<VersionRecord[]> {
  return (await database()).getAll('versions');
}
