// Editing an organisation's review levels: add, rename, reorder and remove levels and their
// checklist items, and read or write them as a file. Every function returns new data; the
// options page keeps the result only if LevelsFileSchema accepts it.
import { LevelsFileSchema, type ChecklistItem, type Level, type LevelsFile } from './levels';

export function levelsFile(levels: Level[]): LevelsFile {
  return { lectern: 'levels', version: 1, levels };
}

export type ParsedLevels = { ok: true; levels: Level[] } | { ok: false; reason: string };

export function parseLevels(input: unknown): ParsedLevels {
  const json = typeof input === 'string' ? tryJson(input) : input;
  if (json === undefined) return { ok: false, reason: 'This file is not JSON.' };

  const r = LevelsFileSchema.safeParse(json);
  if (r.success) return { ok: true, levels: r.data.levels };
  const issue = r.error.issues[0];
  const where = issue.path.join('.') || 'root';
  return { ok: false, reason: `Not a valid levels file (${where}: ${issue.message}).` };
}

export function addLevel(levels: Level[], name: string): Level[] {
  const last = levels.at(-1);
  const level: Level = {
    id: uniqueId(
      levels.map((l) => l.id),
      `L${levels.length + 1}`,
    ),
    name: name.trim() || 'New level',
    role: 'Reviewer',
    after: last ? [last.id] : [],
    requiredFrom: 'high',
    requiredForGov: false,
    acknowledgeCritical: false,
    items: [],
  };
  return [...levels, level];
}

export function updateLevel(levels: Level[], id: string, change: Partial<Level>): Level[] {
  return levels.map((l) => (l.id === id ? { ...l, ...change, id: l.id } : l));
}

/**
 * Moves a level up (-1) or down (+1). A level signs after levels listed before it only, so a
 * dependency that would point forward is dropped; `dropped` says which, for the editor to show.
 */
export function moveLevel(
  levels: Level[],
  id: string,
  delta: -1 | 1,
): { levels: Level[]; dropped: string[] } {
  const from = levels.findIndex((l) => l.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= levels.length) return { levels, dropped: [] };

  const moved = [...levels];
  [moved[from], moved[to]] = [moved[to], moved[from]];
  const dropped: string[] = [];
  const fixed = moved.map((l, i) => {
    const earlier = moved.slice(0, i).map((x) => x.id);
    const keep = l.after.filter((d) => earlier.includes(d));
    l.after
      .filter((d) => !keep.includes(d))
      .forEach((d) => dropped.push(`${l.id} no longer waits for ${d}`));
    return keep.length === l.after.length ? l : { ...l, after: keep };
  });
  return { levels: fixed, dropped };
}

export function removeLevel(levels: Level[], id: string): Level[] {
  return levels
    .filter((l) => l.id !== id)
    .map((l) => (l.after.includes(id) ? { ...l, after: l.after.filter((d) => d !== id) } : l));
}

export function addItem(level: Level, text: string): Level {
  const item: ChecklistItem = {
    id: uniqueId(
      level.items.map((i) => i.id),
      slug(text) || 'item',
    ),
    text: text.trim(),
    categories: [],
  };
  return { ...level, items: [...level.items, item] };
}

export function updateItem(level: Level, itemId: string, change: Partial<ChecklistItem>): Level {
  return {
    ...level,
    items: level.items.map((i) => (i.id === itemId ? { ...i, ...change, id: i.id } : i)),
  };
}

export function moveItem(level: Level, itemId: string, delta: -1 | 1): Level {
  const from = level.items.findIndex((i) => i.id === itemId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= level.items.length) return level;

  const items = [...level.items];
  [items[from], items[to]] = [items[to], items[from]];
  return { ...level, items };
}

export function removeItem(level: Level, itemId: string): Level {
  return { ...level, items: level.items.filter((i) => i.id !== itemId) };
}

/** "Names are verified!" → "names-are-verified" (ids must stay stable once used in sign-offs). */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 4)
    .join('-');
}

function uniqueId(taken: string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
