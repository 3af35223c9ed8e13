// A private person named next to legally risky wording: an arrest without a charge, a death
// before the family agreed to the name, a diagnosis, a child's school. A word list cannot see a
// name (patterns are case-insensitive), so this kind finds names itself: runs of capitalised
// words that the tagger knows as a person, or that sit where a name sits in a release
// ("Jaylin Marsh, 24,", "The victim, Kayden Briggs,", "Mr. Pellow"). Titled officials
// ("Police Chief Lawrence Abney") speak for the issuer and are skipped.
import nlp from 'compromise';
import { z } from 'zod';

import { anyMatch, matchAll, tidy, windowText } from './patterns';
import { defineKind, type Hit } from './kind';
import type { Sentence } from '../text/segment';

const Params = z.object({
  /** The sentence must match one of these (the risky wording: "arrested", "died"). */
  triggers: z.array(z.string().min(1)).optional(),
  /** Text right before / after the name that ties it to the wording ("mother, " or ", 38, of
   * Marrowgate was arrested"). When either list is given, one of them must match. */
  before: z.array(z.string().min(1)).optional(),
  after: z.array(z.string().min(1)).optional(),
  requires: z.array(z.string().min(1)).optional(),
  /** The sentence (plus window) matching one of these cures it ("has been charged"). */
  unless: z.array(z.string().min(1)).optional(),
  unlessDocument: z.array(z.string().min(1)).optional(),
  /** The whole draft must match one of these (a child named in an incident, not an award). */
  requiresDocument: z.array(z.string().min(1)).optional(),
  window: z.number().int().min(0).max(3).default(0),
  /** Report the name (default), the first trigger, or the sentence. */
  span: z.enum(['name', 'trigger', 'sentence']).default('name'),
});
type Params = z.infer<typeof Params>;

export interface NameSpan {
  start: number;
  end: number;
  official: boolean;
  /** Only capitalised words in an unremarkable position: a name only if the rule's
   * before/after wording ties it to the risky words ("arrested Tavish Orrin"). */
  weak?: boolean;
}

interface Parsed {
  people(): { json(opts: object): Array<{ offset?: { start: number; length: number } }> };
}

export const namedPerson = defineKind({
  name: 'named-person',
  params: Params,
  run(_rule, p, { text, doc, parse }) {
    if (p.unlessDocument && anyMatch(p.unlessDocument, text)) return [];
    if (p.requiresDocument && !anyMatch(p.requiresDocument, text)) return [];
    const hits: Hit[] = [];
    for (const s of doc.sentences) {
      const trigger = p.triggers ? firstMatch(p.triggers, s.text) : { start: 0, end: 0 };
      if (!trigger) continue;
      const around = windowText(doc, s, p.window);
      if (p.requires && !anyMatch(p.requires, around)) continue;
      if (p.unless && anyMatch(p.unless, around)) continue;

      const ties = Boolean(p.before || p.after);
      const name = findNames(s.text, () => parse(s) as Parsed).find(
        (n) => !n.official && (!n.weak || ties) && tied(p, s, n),
      );
      if (!name) continue;
      hits.push(spanOf(p, text, s, name, trigger));
    }
    return hits;
  },
});

function tied(p: Params, s: Sentence, n: NameSpan): boolean {
  if (!p.before && !p.after) return true;
  return anyMatch(p.before, s.text.slice(0, n.start)) || anyMatch(p.after, s.text.slice(n.end));
}

function spanOf(
  p: Params,
  text: string,
  s: Sentence,
  n: NameSpan,
  t: { start: number; end: number },
) {
  if (p.span === 'sentence') return tidy(text, s.start, s.end);
  const at = p.span === 'trigger' && t.end > t.start ? t : n;
  return tidy(text, s.start + at.start, s.start + at.end);
}

function firstMatch(sources: string[], sentence: string) {
  for (const source of sources) {
    for (const m of matchAll(source, sentence)) return m;
  }
  return undefined;
}

// Words that make a run of capitals a place or an organisation, not a person.
const NOT_A_NAME = new Set(
  (
    'street st lane ln road rd avenue ave boulevard blvd drive dr court ct crescent place way row ' +
    'terrace close square circle park bridge highway route trail hospital clinic center centre ' +
    'school elementary academy college university high middle primary county city town village ' +
    'department dept office police sheriff fire service services agency authority council board ' +
    'commission jail prison library market mall plant farm farms inc corp company co llc ltd ' +
    'group bank union credit church hall station airport air airlines airways transit bay river ' +
    'creek lake mountain ridge valley hill hills falls island beach gulch pier dam health public ' +
    'emergency management water power electric cooperative energy foods logistics components ' +
    'assurance relief volunteers operations search rescue state national federal general ' +
    'memorial regional medical fair festival district unit team news release update statement ' +
    'central north south east west downtown uptown plaza store shop restaurant bar pub cafe ' +
    'hotel motel inn apartments tower building campus church mosque temple synagogue hall ' +
    'street january february march april may june july august september october november ' +
    'december monday tuesday wednesday thursday friday saturday sunday god'
  ).split(' '),
);

// Titles before a name: the person speaks or acts for an institution.
const TITLES = new Set(
  (
    'chief sheriff sgt sergeant lt lieutenant capt captain detective det officer deputy trooper ' +
    'agent inspector superintendent supt commissioner director dr mayor governor gov senator sen ' +
    'rep representative president executive manager secretary minister judge justice coroner ' +
    'spokesperson spokesman spokeswoman prof professor councillor councilman councilwoman ' +
    'councilmember commander cmdr marshal chair chairman chairwoman ceo ranger constable pastor ' +
    'reverend rev attorney prosecutor administrator coordinator supervisor warden principal dean ' +
    'pc dc ds di'
  ).split(' '),
);

const HONORIFIC = /^(Mr|Mrs|Ms|Miss|Mx)\.?$/u;
const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Honorific']);
const WORD = /[\p{L}][\p{L}'’.-]*/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Person names in one sentence, in order, each marked official when a title precedes it.
 * The tagger (`parsed`) is consulted only for a run the word lists cannot decide. */
export function findNames(sentence: string, parsed?: Parsed | (() => Parsed)): NameSpan[] {
  let tagged: Array<{ start: number; end: number }> | undefined;
  const people = () => {
    const p = typeof parsed === 'function' ? parsed() : parsed;
    return (tagged ??= p ? personOffsets(p) : []);
  };
  const names: NameSpan[] = [];
  for (const run of capitalRuns(sentence)) {
    const name = nameIn(sentence, run, people);
    if (name) names.push(name);
  }
  return names;
}

function personOffsets(parsed: Parsed): Array<{ start: number; end: number }> {
  return parsed
    .people()
    .json({ offset: true })
    .flatMap((m) =>
      m.offset ? [{ start: m.offset.start, end: m.offset.start + m.offset.length }] : [],
    );
}

/** Runs of capitalised words, allowing "and" between first names and middle initials. */
function capitalRuns(sentence: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const m of sentence.matchAll(WORD)) {
    const tok = { text: m[0], start: m.index, end: m.index + m[0].length };
    const gap = run.length ? sentence.slice(run[run.length - 1].end, tok.start) : ' ';
    const joins = /^\s+$/u.test(gap) || /^\.\s+$/u.test(gap);
    if (/^\p{Lu}/u.test(tok.text) && joins) run.push(tok);
    else if (tok.text === 'and' && run.length && joins) run.push(tok);
    else {
      if (run.length) runs.push(run);
      run = /^\p{Lu}/u.test(tok.text) ? [tok] : [];
    }
  }
  if (run.length) runs.push(run);
  return runs.map((r) => (r[r.length - 1].text === 'and' ? r.slice(0, -1) : r));
}

function nameIn(
  sentence: string,
  run: Token[],
  people: () => Array<{ start: number; end: number }>,
) {
  const lexicon = (
    nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }
  ).model().one.lexicon;
  const key = (t: Token) => t.text.replace(/(['’]s)?\.?$/u, '').toLowerCase();
  const isName = (t: Token) => NAME_TAGS.has(String(lexicon[key(t)]));

  let official = TITLES.has(previousWord(sentence, run[0].start));
  let i = 0;
  let honorific = false;
  while (i < run.length) {
    const t = run[i];
    const common = !isName(t) && (lexicon[key(t)] !== undefined || NOT_A_NAME.has(key(t)));
    // A common word is capitalised by position ("The", "Police") or as part of a title
    // ("Police Chief"); mid-sentence, an unknown or name-like word starts the name.
    const skip = common && (atSentenceStart(sentence, t.start) || TITLES.has(key(run[i + 1] ?? t)));
    if (TITLES.has(key(t))) official = true;
    else if (HONORIFIC.test(t.text)) honorific = true;
    else if (!skip) break;
    i++;
  }
  const words = run.slice(i).filter((t) => t.text !== 'and');
  if (words.length === 0 || words.some((t) => NOT_A_NAME.has(key(t)))) return undefined;
  if (words.length < 2 && !honorific) return undefined;

  const first = honorific ? run[i - 1] : words[0];
  const span = { start: first.start, end: words[words.length - 1].end, official };
  if (honorific || isName(words[0]) || inNamePosition(sentence, span)) return span;
  if (people().some((x) => x.start < span.end && span.start < x.end)) return span;
  return atSentenceStart(sentence, span.start) ? undefined : { ...span, weak: true };
}

function atSentenceStart(sentence: string, at: number): boolean {
  return /^[\s"“'‘(\[—–-]*$/u.test(sentence.slice(0, at));
}

function previousWord(sentence: string, at: number): string {
  return (/([\p{L}.]+)[\s,]*$/u.exec(sentence.slice(0, at))?.[1] ?? '')
    .replace(/\.$/u, '')
    .toLowerCase();
}

/** Where releases put names: "Name, 24,", "Name of Kessington", "The victim, Name,". */
function inNamePosition(sentence: string, n: { start: number; end: number }): boolean {
  const after = sentence.slice(n.end);
  const before = sentence.slice(0, n.start);
  return (
    /^,\s*\d{1,3}\s*[,)]/u.test(after) ||
    /^,?\s+of\s+(\d|\p{Lu})/u.test(after) ||
    /\b(victim|suspect|man|woman|boy|girl|teen(ager)?|child|son|daughter|mother|father|parent|wife|husband|brother|sister|worker|driver|passenger|resident|student|patient|pupil|employee|person|detainee|deceased)\s*,\s*$/iu.test(
      before,
    )
  );
}
