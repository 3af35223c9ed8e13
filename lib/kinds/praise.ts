// Praise words, and whom they praise. "Our crews responded swiftly" is self-praise; "the
// volunteers worked tirelessly" in a release that thanks them is not. A word list finds the
// praise; compromise's tags find the party it lands on: the owner of the praised deed ("the
// hospital's efficient response", "the tireless work of the water authority"), the people it
// describes ("our heroic engineers"), or the subject of the verb it modifies, followed back
// through "who" and "their" ("praised staff for their tireless work").
import { z } from 'zod';

import type { Sentence } from '../text/segment';
import { anyMatch, compile, tidy, windowText } from './patterns';
import { defineKind, type Hit } from './kind';

const Params = z.object({
  /** Praise expressions; `(?<hit>…)` narrows the span, `(?<party>…)` names the praised party. */
  patterns: z.array(z.string().min(1)).min(1),
  /** A praised party matching one of these is not the issuer: thanking them is fine. */
  thirdParty: z.array(z.string().min(1)).min(1),
  /** The clause before the praise matching one of these cures it (negation, future, modal). */
  unlessBefore: z.array(z.string().min(1)).optional(),
  /** The sentence (plus window) matching one of these cures it. */
  unless: z.array(z.string().min(1)).optional(),
  window: z.number().int().min(0).max(3).default(0),
  /**
   * The letterhead, headline and dateline: a named body the praise lands on that is not named
   * here ("the State Police", "Wexmoor General Hospital staff") is another organisation.
   */
  headChars: z.number().int().min(0).default(250),
  /** Nouns that name what someone did rather than who did it ("response", "work"). */
  deeds: z
    .string()
    .default(
      '^(responses?|work|efforts?|handling|actions?|operations?|interventions?|performance|' +
        'service|job|courage|bravery|heroism|dedication|commitment|professionalism|leadership|' +
        'management|coordination|care|way|success|achievements?|results?|record|budget|' +
        'programs?|programmes?|example|model|decisions?|planning|preparations?|teamwork|' +
        'conduct|approach|contributions?|support|help|assistance|skill|expertise|resolve)$',
    ),
});
type Params = z.infer<typeof Params>;

interface Term {
  text: string;
  tags: string[];
  start: number;
  end: number;
}

const has = (t: Term | undefined, tag: string) => Boolean(t?.tags.includes(tag));
const FIRST_PERSON = /^(we|us|our|ours|i|me|my)$/i;
const PRONOUN = /^(they|them|their|theirs|it|its|he|him|his|she|her|hers)$/i;
const RELATIVE = /^(who|whom|whose|which|that)$/i;

/**
 * Whom praise lands on. For a pronoun ("their work"), `text` is the nearest named party before
 * it and `context` everything the sentence said before it, either of which may be the one meant.
 */
interface Party {
  text: string;
  named: boolean;
  context?: string;
}

const named = (text: string): Party => ({ text, named: true });

const PARTY_TAGS = ['Plural', 'ProperNoun', 'Person', 'Organization', 'Actor'];
const COLLECTIVE = /^(staff|team|crew|department|office|agency|authority|council|force|service)$/i;

interface Found {
  start: number;
  end: number;
  party?: { text: string; start: number };
}

export const praise = defineKind({
  name: 'praise',
  params: Params,
  run(_rule, p, { text, doc, parse }) {
    const hits: Hit[] = [];
    for (const s of doc.sentences) {
      if (p.unless && anyMatch(p.unless, windowText(doc, s, p.window))) continue;

      let terms: Term[] | undefined;
      const termsOf = () => (terms ??= flatten(parse(s)));
      const found = selfPraise(p, s, termsOf, text.slice(0, p.headChars));
      if (found) hits.push(tidy(text, s.start + found.start, s.start + found.end));
    }
    return hits;
  },
});

/** One span per sentence, from the first to the last praise of the issuer in it. */
function selfPraise(
  p: Params,
  s: Sentence,
  termsOf: () => Term[],
  head: string,
): Found | undefined {
  let span: Found | undefined;
  for (const source of p.patterns) {
    for (const found of matches(source, s.text)) {
      if (p.unlessBefore && anyMatch(p.unlessBefore, clauseBefore(s.text, found.start))) continue;
      const party = partyOf(found, termsOf(), p.deeds);
      if (anyMatch(p.thirdParty, party.text) || anyMatch(p.thirdParty, party.context ?? ''))
        continue;
      if (party.named && namesAnotherBody(party.text, head)) continue;

      span = span
        ? { start: Math.min(span.start, found.start), end: Math.max(span.end, found.end) }
        : found;
    }
  }
  return span;
}

/** A capitalised name of two words or more that the head of the draft never mentions. */
function namesAnotherBody(party: string, head: string): boolean {
  const names = party.match(/\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.-]*)+/g) ?? [];
  const letterhead = head.toLowerCase();
  return names.some((name) => !letterhead.includes(name.replace(/['’]s$/, '').toLowerCase()));
}

function* matches(source: string, sentence: string): Generator<Found> {
  const re = compile(source, true);
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const { hit, party } = m.groups ?? {};
    const start = hit !== undefined ? m.index + m[0].indexOf(hit) : m.index;
    const end = hit !== undefined ? start + hit.length : m.index + m[0].length;
    yield {
      start,
      end,
      ...(party !== undefined
        ? { party: { text: party, start: m.index + m[0].indexOf(party) } }
        : {}),
    };
  }
}

/** The sentence text from the last clause break (;, :, dash, bracket, ", but") up to `at`. */
function clauseBefore(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const breaks = [...before.matchAll(/[;:—–(]|,\s+(?:but|while|whereas|and|although)\b/g)];
  const last = breaks.at(-1);
  return last ? before.slice(last.index + last[0].length) : before;
}

function flatten(parsed: unknown): Term[] {
  type Json = {
    terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
  };
  const json = (parsed as { json(o: object): Json[] }).json({
    offset: true,
    terms: { offset: true },
  });
  return json
    .flatMap((s) => s.terms)
    .filter((t) => t.text !== '')
    .map((t) => ({
      text: t.text,
      tags: t.tags,
      start: t.offset.start,
      end: t.offset.start + t.offset.length,
    }));
}

/** Whom the praise at `found` lands on; empty text when nobody can be told apart. */
function partyOf(found: Found, terms: Term[], deeds: string): Party {
  if (found.party) {
    const i = terms.findIndex((t) => t.end > found.party!.start);
    return PRONOUN.test(found.party.text.trim()) ? pointedAt(terms, i) : named(found.party.text);
  }

  const i = terms.findIndex((t) => t.end > found.start);
  if (i < 0) return named('');
  const head = nounHead(terms, i, found.end);
  if (head !== undefined && !isPredicative(terms, i)) {
    const owner = ownerOf(terms, i, head, deeds);
    if (owner !== undefined) return owner;
  }
  return subjectOf(terms, verbBefore(terms, i));
}

/** The noun the praise word describes: inside the hit, or right after adjectives that end it. */
function nounHead(terms: Term[], i: number, end: number): number | undefined {
  if (has(terms[i], 'Verb')) return undefined;
  for (let k = i; k < terms.length; k++) {
    const t = terms[k];
    if (has(t, 'Noun') && !has(t, 'Pronoun') && !has(t, 'Possessive')) return k;
    const inHit = t.start < end;
    if (!inHit && !has(t, 'Adjective') && !has(t, 'Hyphenated')) return undefined;
  }
  return undefined;
}

/** "they are among the most effective forces": a predicate noun praises the subject. */
function isPredicative(terms: Term[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (has(terms[k], 'Copula')) return true;
    if (!/^(among|one|of|the|a|an|most|truly|really|very|simply)$/i.test(terms[k].text))
      return false;
  }
  return false;
}

/** People praised directly, or the owner of a praised deed; undefined when the deed has none. */
function ownerOf(terms: Term[], i: number, head: number, deeds: string): Party | undefined {
  const start = possessorStart(terms, i);
  if (!compile(deeds).test(terms[head].text)) return named(textOf(terms, start, head));

  const of = terms[head + 1]?.text.toLowerCase() === 'of' ? nounPhraseAfter(terms, head + 2) : '';
  if (of) return PRONOUN.test(of.split(' ')[0]) ? pointedAt(terms, head + 2) : named(of);
  if (start === i) return undefined;

  if (PRONOUN.test(terms[start].text)) return pointedAt(terms, start);
  return named(textOf(terms, start, i - 1));
}

/** Where the determiner or possessor before the praise word starts ("the hospital's"). */
function possessorStart(terms: Term[], i: number): number {
  let k = i;
  while (k > 0 && (has(terms[k - 1], 'Adjective') || /^(and|,)$/.test(terms[k - 1].text))) k--;
  const before = terms[k - 1];
  if (before && (has(before, 'Possessive') || /['’]s?$/.test(before.text))) {
    let from = k - 1;
    while (from > 0 && has(terms[from - 1], 'Noun') && !has(terms[from - 1], 'Pronoun')) from--;
    if (from > 0 && has(terms[from - 1], 'Determiner')) from--;
    return from;
  }
  return k;
}

function nounPhraseAfter(terms: Term[], k: number): string {
  const words: string[] = [];
  for (; k < terms.length && words.length < 5; k++) {
    const t = terms[k];
    // compromise often tags a plural noun after "of" as a verb ("of volunteers").
    if (words.length > 0 && (has(t, 'Verb') || has(t, 'Preposition'))) break;
    words.push(t.text);
    if (/[,;:]$/.test(t.text)) break;
  }
  return words.join(' ');
}

function verbBefore(terms: Term[], i: number): number {
  for (let k = i; k >= 0; k--) if (has(terms[k], 'Verb')) return k;
  return -1;
}

/** The nearest party left of the verb, skipping adverbs and auxiliaries. */
function subjectOf(terms: Term[], verb: number): Party {
  return verb < 0 ? named('') : antecedent(terms, verb);
}

/**
 * What a pronoun at term `k` may point back to: the nearest named party, and everything said
 * before it. An issuer's own people come with "our", so a "their" after "the volunteers" most
 * likely means the volunteers.
 */
function pointedAt(terms: Term[], k: number): Party {
  const context = textOf(terms, 0, k - 1);
  for (let n = k - 1; n >= 0; n--) {
    const t = terms[n];
    if (!PARTY_TAGS.some((tag) => has(t, tag)) && !COLLECTIVE.test(t.text)) continue;
    if (has(t, 'Pronoun') || FIRST_PERSON.test(t.text)) continue;

    let from = n;
    while (from > 0 && has(terms[from - 1], 'Noun') && !has(terms[from - 1], 'Pronoun')) from--;
    return { text: textOf(terms, from, n), named: true, context };
  }
  return { text: '', named: false, context };
}

/** The nearest noun phrase left of `k`, followed back through "who", "they" and "their". */
function antecedent(terms: Term[], k: number): Party {
  for (let n = k - 1; n >= 0; n--) {
    const t = terms[n];
    if (FIRST_PERSON.test(t.text)) return named('we');
    if (PRONOUN.test(t.text)) return pointedAt(terms, n);
    if (RELATIVE.test(t.text) || !has(t, 'Noun')) continue;

    let from = n;
    while (from > 0 && ['Noun', 'Adjective', 'Value'].some((tag) => has(terms[from - 1], tag)))
      from--;
    return named(textOf(terms, from, n));
  }
  // compromise may tag a sentence-initial plural as a verb ("Volunteers have been…").
  return { text: '', named: false, context: textOf(terms, 0, k - 1) };
}

function textOf(terms: Term[], from: number, to: number): string {
  return terms
    .slice(from, to + 1)
    .map((t) => t.text)
    .join(' ');
}
