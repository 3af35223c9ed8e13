// The fact ledger: prior releases indexed once, by matter and by fact key, so a draft is
// checked against ten thousand releases without reading any of them again. The index is
// plain data (it can be kept in IndexedDB or a JSON file) and grows release by release.
//
// Matters: releases carry an optional `matter` (readArchiveDir uses the sub-folder). When an
// archive holds more than one matter, the draft is matched to the one whose distinctive
// proper names it shares most (tf-idf cosine over capitalised terms).
import type { PriorRelease } from '../engine/types';
import type { PriorFact, PriorLookup } from './compare';
import { extractFacts } from './extract';
import type { Fact } from './types';
import { issuedAt, parseDateValue } from './when';

export interface IndexedRelease {
  source: string;
  date?: string;
  matter: string;
  issued?: number;
}

export interface IndexedFact {
  release: number;
  fact: Fact;
  excerpt: string;
}

export interface MatterIndex {
  releases: number[];
  /** Facts by key, oldest release first. */
  facts: Record<string, IndexedFact[]>;
  people: IndexedFact[];
  commitments: IndexedFact[];
  terms: string[];
}

export interface ArchiveIndex {
  kind: 'lectern-archive-index';
  version: 1;
  releases: IndexedRelease[];
  matters: Record<string, MatterIndex>;
  /** Distinctive term → the matters that use it. */
  postings: Record<string, string[]>;
}

export function isArchiveIndex(value: unknown): value is ArchiveIndex {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as ArchiveIndex).kind === 'lectern-archive-index'
  );
}

/** Extracts and indexes every release once. */
export function indexArchive(releases: PriorRelease[]): ArchiveIndex {
  const index: ArchiveIndex = {
    kind: 'lectern-archive-index',
    version: 1,
    releases: [],
    matters: {},
    postings: {},
  };
  return addToIndex(index, releases);
}

/** Adds releases to an index in place (and returns it), keeping each key's facts in date order. */
export function addToIndex(index: ArchiveIndex, releases: PriorRelease[]): ArchiveIndex {
  const touched = new Set<MatterIndex>();
  for (const r of releases) touched.add(addRelease(index, r));
  for (const m of touched) sortMatter(index, m);
  return index;
}

function addRelease(index: ArchiveIndex, r: PriorRelease): MatterIndex {
  const matterName = r.matter ?? '';
  const issued = parseDateValue(r.date) ?? issuedAt(r.text);
  const id = index.releases.length;
  index.releases.push({
    source: r.source,
    matter: matterName,
    ...(r.date ? { date: r.date } : {}),
    ...(issued !== undefined ? { issued } : {}),
  });

  const matter = (index.matters[matterName] ??= {
    releases: [],
    facts: {},
    people: [],
    commitments: [],
    terms: [],
  });
  matter.releases.push(id);
  for (const fact of extractFacts(r.text, issued !== undefined ? { issued } : {}).facts) {
    const entry = { release: id, fact, excerpt: r.text.slice(fact.start, fact.end) };
    (matter.facts[fact.key] ??= []).push(entry);
    if (fact.kind === 'person') matter.people.push(entry);
    if (fact.kind === 'commitment') matter.commitments.push(entry);
  }
  addTerms(index, matterName, matter, distinctiveTerms(r.text));
  return matter;
}

function addTerms(index: ArchiveIndex, name: string, matter: MatterIndex, terms: string[]): void {
  const known = new Set(matter.terms);
  for (const t of terms) {
    if (known.has(t)) continue;
    known.add(t);
    matter.terms.push(t);
    (index.postings[t] ??= []).push(name);
  }
}

function sortMatter(index: ArchiveIndex, m: MatterIndex): void {
  const when = (e: IndexedFact) => index.releases[e.release].issued ?? 0;
  const order = (a: IndexedFact, b: IndexedFact) => when(a) - when(b) || a.release - b.release;
  for (const list of Object.values(m.facts)) list.sort(order);
  m.people.sort(order);
  m.commitments.sort(order);
}

const STOP_TERMS = new Set(
  (
    'the a an and for of in on at to we our this that these those it its he she they their news ' +
    'release releases update statement immediate contact media line phone email for' +
    ' january february march april may june july august september october november december jan feb ' +
    'mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday ' +
    'sunday a.m p.m noon next anyone people officers crews as if when after before while but'
  ).split(' '),
);

/** Capitalised words and runs of them ("harbor road"), lower-cased: what names a matter. */
export function distinctiveTerms(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Z][a-zA-Z'’-]{2,}(?:\s+[A-Z][a-zA-Z'’-]{2,})*/g)) {
    const words = m[0]
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/\s+/)
      .filter((w) => !STOP_TERMS.has(w));
    for (const w of words) out.add(w);
    for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  }
  return [...out];
}

/** The matters a draft is about: the one named, the only one, or the best match by names. */
export function selectMatters(index: ArchiveIndex, text: string, matter?: string): string[] {
  const names = Object.keys(index.matters);
  if (matter !== undefined) return index.matters[matter] ? [matter] : [];
  if (names.length <= 1) return names;

  const weights = weightsOf(index, names.length);
  const draft = distinctiveTerms(text);
  let draftNorm = 0;
  const dots = new Map<string, number>();
  for (const t of draft) {
    const w = weights.term(t);
    if (w === 0) continue;
    draftNorm += w;
    for (const name of index.postings[t]) dots.set(name, (dots.get(name) ?? 0) + w);
  }
  const scored = [...dots].map(([name, dot]) => ({
    name,
    score: dot / Math.sqrt(draftNorm * weights.norm(name)),
  }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best < MIN_SIMILARITY) return [];
  return scored.filter((s) => s.score >= best * 0.9).map((s) => s.name);
}

/** Below this cosine a draft shares no more than its issuer's boilerplate with any matter. */
const MIN_SIMILARITY = 0.2;

interface Weights {
  /** idf² of a term; 0 for terms too common to tell matters apart. */
  term(t: string): number;
  /** Sum of the term weights of a matter (its squared vector length). */
  norm(name: string): number;
}

/** Weights depend on the number of matters; they are cached per index until it grows. */
const weightCache = new WeakMap<ArchiveIndex, { matters: number; weights: Weights }>();

function weightsOf(index: ArchiveIndex, matters: number): Weights {
  const cached = weightCache.get(index);
  if (cached?.matters === matters) return cached.weights;
  // In a large archive, terms in more than a tenth of the matters are boilerplate (the
  // issuer's name, "Police", "Street"); skipping them keeps each check independent of size.
  const ceiling = matters >= 50 ? matters / 10 : matters;
  const term = (t: string) => {
    const df = index.postings[t]?.length ?? 0;
    return df === 0 || df > ceiling ? 0 : Math.log(matters / df) ** 2;
  };
  const norms = new Map<string, number>();
  const norm = (name: string) => {
    let n = norms.get(name);
    if (n === undefined) {
      n = index.matters[name].terms.reduce((sum, t) => sum + term(t), 0) || 1;
      norms.set(name, n);
    }
    return n;
  };
  const weights = { term, norm };
  weightCache.set(index, { matters, weights });
  return weights;
}

/** Facts of the chosen matters, for compareWithPriors. */
export function lookupIn(index: ArchiveIndex, matters: string[]): PriorLookup {
  const chosen = matters.map((m) => index.matters[m]).filter(Boolean);
  const toPrior = (e: IndexedFact): PriorFact => {
    const r = index.releases[e.release];
    return {
      fact: e.fact,
      source: r.source,
      excerpt: e.excerpt,
      ...(r.date ? { date: r.date } : {}),
      ...(r.issued !== undefined ? { issued: r.issued } : {}),
    };
  };
  const merged = (lists: IndexedFact[][]) => {
    const all = lists.flat();
    if (lists.length > 1)
      all.sort(
        (a, b) => (index.releases[a.release].issued ?? 0) - (index.releases[b.release].issued ?? 0),
      );
    return all.map(toPrior);
  };
  return {
    byKey: (key) => merged(chosen.map((m) => m.facts[key] ?? [])),
    keys: (prefix) => [
      ...new Set(chosen.flatMap((m) => Object.keys(m.facts).filter((k) => k.startsWith(prefix)))),
    ],
    people: () => merged(chosen.map((m) => m.people)),
    commitments: () => merged(chosen.map((m) => m.commitments)),
  };
}
