// Counts with what they count: "Fourteen people were injured", "14 injured as …", "the fire
// killed three people", "five of the 14 people injured … remain in hospital", "a third death",
// "no one was hurt". What a number counts comes from the predicate around it, from a closed
// list of attributes the ledger compares (RISK-GUIDE §2.14): a number with no known predicate
// is not a fact worth comparing ("Route 9", "400 block", "36 people had used it").
import { frameAt } from './framing';
import { intervalOf, NUMBER, ORDINAL, parseNumber, parseOrdinal, QUALIFIER, UNIT } from './numbers';
import type { CountFact, Running } from './types';
import { MONTH } from './when';

export interface SentenceInput {
  text: string;
  /** Offset of the sentence in the release text. */
  start: number;
  index: number;
  asOf?: number;
  /** The previous sentence's text, for "… remain there". */
  previous?: string;
}

interface Attribute {
  attr: string;
  running: Running;
}

const HOSPITAL = String.raw`(?:(?:the |a |an )?(?:[\w.'’&-]+ ){0,4}?(?:[Hh]ospitals?|[Mm]edical [Cc]ent(?:er|re)|[Ii]nfirmary|[Hh]ealth [Cc]ent(?:er|re)))`;

/** Predicates after the counted noun phrase, most specific first. */
const AFTER: Array<[RegExp, Attribute]> = [
  [
    new RegExp(
      String.raw`\b(?:remain|remains|remained|are still|is still|were still|are|is)\s+(?:still\s+)?(?:in (?:the )?hospital|hospitali[sz]ed|in (?:intensive care|the ICU)|at ${HOSPITAL})`,
    ),
    { attr: 'in-hospital', running: 'volatile' },
  ],
  [
    /\b(?:remain|remains|are still|is still) there\b/,
    { attr: 'in-hospital?', running: 'volatile' },
  ],
  [
    /\b(?:(?:is|are|remains?|was|were)\s+)?in (critical|serious|stable|fair|good|satisfactory) condition\b/,
    { attr: 'condition', running: 'volatile' },
  ],
  [
    new RegExp(
      String.raw`\b(?:(?:were|was|have been|had been|are being|being)\s+)?(?:taken|transported|rushed|flown|airlifted|admitted|sent)\s+to\s+${HOSPITAL}`,
    ),
    { attr: 'hospitalised', running: 'cumulative' },
  ],
  [
    /\b(?:were|was|have been|had been|are)\s+(?:hospitali[sz]ed|treated (?:in|at) (?:the )?hospital)/,
    { attr: 'hospitalised', running: 'cumulative' },
  ],
  [
    /\b(?:have |has |had )?(?:died|(?:were|was|have been|had been|are|is) (?:killed|found dead|confirmed dead|dead)|dead\b|killed\b|deaths?\b|fatalities\b|lost their lives|bodies\b)/,
    { attr: 'dead', running: 'cumulative' },
  ],
  [
    /\b(?:(?:were|was|have been|had been|are|is)\s+)?(?:injured|hurt|wounded)\b|\binjuries\b/,
    { attr: 'injured', running: 'cumulative' },
  ],
  [/\b(?:were|was|have been|had been)\s+treated\b/, { attr: 'treated', running: 'cumulative' }],
  [
    /\b(?:are|is|remain|remains|were|was)\s+(?:still\s+)?(?:missing|unaccounted for)\b/,
    { attr: 'missing', running: 'volatile' },
  ],
  [
    /\b(?:(?:were|was|have been|had been)\s+)?evacuated\b|\bevacuees\b|\b(?:left|fled|leave) (?:their |the )?(?:homes?|houses?|building)\b/,
    { attr: 'evacuated', running: 'volatile' },
  ],
  [
    /\b(?:were|was|have been|had been)\s+(?:arrested|detained|taken into custody)\b|\barrests\b/,
    { attr: 'arrested', running: 'cumulative' },
  ],
  [
    /\b(?:have |has |had )?(?:reported|fell|fallen|become|became|gotten|got)\s+(?:vomiting|diarrh\w+|ill|sick|symptoms|illness)\b|\b(?:were|have been|had been)\s+sickened\b|\bcases\b|\billnesses\b/,
    { attr: 'cases', running: 'cumulative' },
  ],
  [
    /\b(?:(?:are|were|remain|remained|is|was)\s+)?(?:still\s+)?without (power|water|electricity|gas|heat|service)\b/,
    { attr: 'without', running: 'volatile' },
  ],
  [
    /^\s*affected\b|\b(?:were|are|have been|had been) affected\b/,
    { attr: 'affected', running: 'volatile' },
  ],
];

/** Predicates that come before the number: "the fire killed three people". */
const BEFORE: Array<[RegExp, Attribute]> = [
  [
    /\b(?:number of (?:people |persons )?(?:who (?:have |had )?)?(?:died|dead|deaths|killed|fatalities)|(?:death )?toll)\b[^.;]{0,90}?\b(?:to|at|is|stands at|of)\s+$/,
    { attr: 'dead', running: 'cumulative' },
  ],
  [
    /\bnumber of (?:people |persons )?(?:who (?:were |have been |had been )?)?(?:injured|hurt|injuries)\b[^.;]{0,90}?\b(?:to|at|is)\s+$/,
    { attr: 'injured', running: 'cumulative' },
  ],
  [
    /\bnumber of (?:confirmed )?(?:cases|illnesses)\b[^.;]{0,90}?\b(?:to|at|is)\s+$/,
    { attr: 'cases', running: 'cumulative' },
  ],
  [/\b(?:killed|killing|kills|claimed the lives of)\s+$/, { attr: 'dead', running: 'cumulative' }],
  [
    /\b(?:injured|injures|injuring|hurt|hurting|wounded|wounding)\s+$/,
    { attr: 'injured', running: 'cumulative' },
  ],
  [/\b(?:sickened|sickening)\s+$/, { attr: 'cases', running: 'cumulative' }],
  [/\b(?:arrested|detained)\s+$/, { attr: 'arrested', running: 'cumulative' }],
  [
    /\b(?:evacuated|evacuating|residents of)\s+(?:the\s+)?$/,
    { attr: 'evacuated', running: 'volatile' },
  ],
  [
    /\b(?:took|taken|transported|rushed)\s+(?:all\s+)?$/,
    { attr: 'hospitalised?', running: 'cumulative' },
  ],
  [
    /\brestored (?:power|electricity) to (?:all but|all except)\s+$/,
    { attr: 'without-power', running: 'volatile' },
  ],
  [
    /\brestored (?:water|service) to (?:all but|all except)\s+$/,
    { attr: 'without-water', running: 'volatile' },
  ],
  [
    /\bdeath toll (?:has |had )?(?:rose|rises|risen|climbed|stands at|stood at|is|was|of|reached|now stands at)\s+(?:to\s+)?$/,
    { attr: 'dead', running: 'cumulative' },
  ],
];

/** Nouns that name what they count ("two deaths", "31 cases", "52 searchers"). */
const NOUN_ATTR: Record<string, Attribute> = {
  death: { attr: 'dead', running: 'cumulative' },
  life: { attr: 'dead', running: 'cumulative' },
  fatality: { attr: 'dead', running: 'cumulative' },
  dead: { attr: 'dead', running: 'cumulative' },
  injury: { attr: 'injured', running: 'cumulative' },
  injured: { attr: 'injured', running: 'cumulative' },
  case: { attr: 'cases', running: 'cumulative' },
  arrest: { attr: 'arrested', running: 'cumulative' },
  evacuee: { attr: 'evacuated', running: 'volatile' },
};

const RESPONDERS = new Set([
  'searcher',
  'rescuer',
  'firefighter',
  'crew',
  'officer',
  'deputy',
  'trooper',
  'volunteer',
  'responder',
  'paramedic',
  'team',
  'engine',
  'unit',
  'agent',
  'soldier',
  'helicopter',
]);

const SKIP_AFTER = new RegExp(
  String.raw`^(?:\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|-(?:year|inch|foot|feet|mile|month|day|hour|week|minute|story|storey|point|degree|acre|gallon|ton|bed|lane|car|page)|\s*(?:%|percent|per cent)|\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|degrees?|inches|${UNIT}|block|times|percent)\b|(?:st|nd|rd|th)\b|,\s?\d{4}\b|\s+[A-Z][a-z]+ (?:Street|Road|Avenue|Lane|Drive|Boulevard|Way|Court)\b|[.:,]\d|-\d)`,
);
const SKIP_BEFORE = new RegExp(
  String.raw`(?:\b(?:Route|Flight|lot|No\.|Nos\.|Highway|Interstate|I-|Engine|Unit|Station|Suite|Apt\.?|Room|Gate|Platform|Chapter|Section|Article|Title|page|ages?|aged|Update|UPDATE|Level|Phase|Category|Grade|Zone)\s*|${MONTH}\s|[$£€#/\d.:,-]|[A-Za-z]-)$`,
);

const NUMBER_RE = new RegExp(
  String.raw`(?:\b(${QUALIFIER})\s+)?(?<![\w$£€.,:/-])(${NUMBER})(?![\w%])`,
  'gi',
);
const ZERO_RE =
  /\b(?:no one|nobody|no people|no person|none of them)\s+(?:else\s+)?(?:was|were|has been|have been|had been|is|are)?\s*(?:seriously\s+|critically\s+)?(hurt|injured|killed|wounded|died|missing|hospitali[sz]ed)\b|\bno one died\b|\bno (injuries|deaths|fatalities|casualties)\b/gi;
const ORDINAL_RE = new RegExp(
  String.raw`\b(?:(?:a|the)\s+)?(${ORDINAL})\s+(person|victim|death|body|fatality|man|woman|child|resident|patient|worker|firefighter|case|arrest)\b`,
  'gi',
);

export function extractCounts(sentence: SentenceInput): CountFact[] {
  // Headlines in title case ("Five Injured in Plant Fire") read like the body in lower case;
  // only A–Z change, so offsets stay exact.
  const s = isTitleCase(sentence.text)
    ? { ...sentence, text: sentence.text.replace(/[A-Z]/g, (c) => c.toLowerCase()) }
    : sentence;
  const out: CountFact[] = [];
  for (const m of s.text.matchAll(NUMBER_RE)) {
    const fact = countAt(s, m, out[out.length - 1]);
    if (fact) out.push(fact);
  }
  out.push(...zeroCounts(s), ...ordinalCounts(s));
  return out;
}

/** "…; the number is 11": a figure that restates what the previous count in the sentence counts. */
const ANAPHORA =
  /\b(?:the )?(?:number|total|count|figure|toll)\b[^.;]{0,30}?\b(?:is|are|was|stands at|stood at|now stands at|to|of)\s+$/i;

function countAt(
  s: SentenceInput,
  m: RegExpMatchArray,
  previous?: CountFact,
): CountFact | undefined {
  const qualifier = m[1];
  const raw = m[2];
  const numStart = (m.index ?? 0) + m[0].length - raw.length;
  const numEnd = numStart + raw.length;
  const before = s.text.slice(Math.max(0, numStart - 130), numStart);
  const after = s.text.slice(numEnd);
  if (SKIP_AFTER.test(after) || SKIP_BEFORE.test(before) || isYear(raw) || isAge(before, after)) {
    return undefined;
  }
  if (/^one$/i.test(raw) && /\b(?:no|any|every|some|each|only|no other)\s+$/i.test(before))
    return undefined;
  const n = parseNumber(raw);
  if (n === undefined) return undefined;

  const written = nounAfter(after);
  if (written.lemma === 'life' && /\bsav\w*\s+(?:\w+\s+)?$/i.test(before)) return undefined;
  const own = attributeOf(s, before, after, written);
  const inherited = !own && previous && ANAPHORA.test(before) ? previous : undefined;
  const found = own ?? inherited;
  if (!found) return undefined;
  // "two deaths" and "two people died" count the same people.
  const noun = inherited
    ? { lemma: inherited.noun, length: 0 }
    : written.lemma in NOUN_ATTR
      ? { ...written, lemma: 'people' }
      : written;

  const from = qualifier ? (m.index ?? 0) : numStart;
  return {
    kind: 'count',
    key: `count:${found.attr}:${noun.lemma}`,
    attr: found.attr,
    noun: noun.lemma,
    running: found.running,
    value: intervalOf(n, qualifier),
    n,
    start: s.start + from,
    end: s.start + numEnd + noun.length,
    sentence: s.index,
    ...(s.asOf !== undefined ? { asOf: s.asOf } : {}),
    ...frameAt(s.text, from),
  };
}

/** A headline in title case: mostly capitalised words and no closing full stop. */
function isTitleCase(text: string): boolean {
  if (/[.!?]["'”’)]?$/.test(text.trim())) return false;
  const words = text.match(/[A-Za-z]{4,}/g) ?? [];
  return words.length >= 3 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length >= 0.6;
}

function isYear(raw: string): boolean {
  return /^(?:19|20)\d\d$/.test(raw);
}

/** "Jaylen Marsh, 24," and "ages 3 to 5" carry ages, not counts. */
function isAge(before: string, after: string): boolean {
  return /[A-Z][a-z]+\.?,\s*$/.test(before) && /^\s*(?:,|\.|;|$| of\b| and\b)/.test(after);
}

interface Noun {
  lemma: string;
  /** Characters of the noun phrase after the number that belong to the span. */
  length: number;
}

const MODIFIERS =
  /^\s+((?:(?:other|more|additional|new|confirmed|further|adult|young|more|people's|broken|injured|affected|remaining|known|suspected|probable)\s+)*)([a-z][a-z'-]*)/;

function nounAfter(after: string): Noun {
  const m = MODIFIERS.exec(after);
  if (!m) return { lemma: 'people', length: 0 };
  const word = m[2].toLowerCase();
  if (isPredicateWord(word)) return { lemma: 'people', length: 0 };
  return { lemma: lemmaOf(word), length: m[0].length };
}

const PREDICATE_WORDS = new Set(
  (
    'of were was are is have has had remain remains died dead injured hurt wounded killed taken ' +
    'missing in at to on and or who that as so from with for without because after before when ' +
    'since while but than by per this these those the a an each percent not now still also were ' +
    'will would could should may might can could later earlier'
  ).split(' '),
);

function isPredicateWord(word: string): boolean {
  return PREDICATE_WORDS.has(word);
}

export function lemmaOf(word: string): string {
  const w = word.toLowerCase();
  if (/^(?:people|persons?|individuals?|adults?|others)$/.test(w)) return 'people';
  if (w === 'children') return 'child';
  if (w === 'lives') return 'life';
  if (w === 'men') return 'man';
  if (w === 'women') return 'woman';
  if (w === 'staff' || w === 'personnel') return w;
  if (/ies$/.test(w)) return w.replace(/ies$/, 'y');
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/(?:ch|sh|x)es$/.test(w)) return w.replace(/es$/, '');
  return w.replace(/s$/, '');
}

function attributeOf(
  s: SentenceInput,
  before: string,
  after: string,
  noun: Noun,
): Attribute | undefined {
  const partitive = /^\s+of (?:the|them|those|these|our)\b/.test(after);
  // "five of the 14 people injured … remain in hospital": the verb comes after the inner count.
  const scope = partitive
    ? (after.split(/;| — /)[0] ?? '').slice(0, 220)
    : predicateScope(after.slice(noun.length));
  const fromBefore = BEFORE.find(([re]) => re.test(before))?.[1];
  const fromAfter = firstPredicate(scope, partitive);
  const fromNoun = NOUN_ATTR[noun.lemma];
  const found = resolveHospital(s, fromBefore ?? fromNoun ?? fromAfter, scope);
  if (found) return found;
  if (RESPONDERS.has(noun.lemma)) return { attr: 'responders', running: 'volatile' };
  return undefined;
}

/** The text a number's predicate may come from: up to the next clause or the next count. */
const SCOPE_END = new RegExp(
  String.raw`;|:| — | – |,\s*(?:and|but|or|while|including|although|according)\b|,\s*${NUMBER}|\b(?<!${MONTH}\s)\d{1,3}(?:,\d{3})*\b(?!\s?[ap]\.m\.)`,
  'i',
);

function predicateScope(after: string): string {
  const head = after.slice(0, 180);
  const cut = head.search(SCOPE_END);
  return cut === -1 ? head : head.slice(0, cut);
}

function firstPredicate(scope: string, partitive: boolean): Attribute | undefined {
  let best: { at: number; found: Attribute } | undefined;
  for (const [re, found] of AFTER) {
    if (partitive && found.running !== 'volatile') continue;
    const m = re.exec(scope);
    if (!m) continue;
    const service = (m[1] ?? 'service').replace('electricity', 'power');
    const attr = found.attr === 'without' ? `without-${service}` : found.attr;
    const named = found.attr === 'condition' ? `condition-${m[1]}` : attr;
    if (!best || m.index < best.at) best = { at: m.index, found: { ...found, attr: named } };
  }
  return best?.found;
}

/** "seven of them remain there" and "took all 14 to …" count hospital patients only in context. */
function resolveHospital(
  s: SentenceInput,
  found: Attribute | undefined,
  scope: string,
): Attribute | undefined {
  if (!found || !found.attr.endsWith('?')) return found;
  const attr = found.attr.slice(0, -1);
  if (attr === 'hospitalised')
    return /hospital|medical cent/i.test(scope) ? { ...found, attr } : undefined;
  return /hospital/i.test(`${s.previous ?? ''} ${s.text}`) ? { ...found, attr } : undefined;
}

function zeroCounts(s: SentenceInput): CountFact[] {
  const out: CountFact[] = [];
  for (const m of s.text.matchAll(ZERO_RE)) {
    const at = m.index ?? 0;
    if (/\b(?:other|further|additional|new|more)\s+$/i.test(s.text.slice(0, at + 3))) continue;
    if (/\bno (?:other|further|additional|new)\b/i.test(m[0])) continue;
    const word = (m[1] ?? m[2] ?? 'died').toLowerCase();
    const attr = /dea|kill|died|fatal|casualt/.test(word)
      ? 'dead'
      : /missing/.test(word)
        ? 'missing'
        : /hospital/.test(word)
          ? 'hospitalised'
          : 'injured';
    out.push({
      kind: 'count',
      key: `count:${attr}:people`,
      attr,
      noun: 'people',
      running: attr === 'missing' ? 'volatile' : 'cumulative',
      value: { lo: 0, hi: 0 },
      n: 0,
      start: s.start + at,
      end: s.start + at + m[0].length,
      sentence: s.index,
      ...(s.asOf !== undefined ? { asOf: s.asOf } : {}),
      ...frameAt(s.text, at),
    });
  }
  return out;
}

/** "a third death", "Third person found dead": the count rose to n. */
function ordinalCounts(s: SentenceInput): CountFact[] {
  const out: CountFact[] = [];
  for (const m of s.text.matchAll(ORDINAL_RE)) {
    const n = parseOrdinal(m[1]);
    if (n === undefined || n < 2) continue;
    const word = m[2].toLowerCase();
    const attr = ordinalAttribute(word, s.text);
    if (!attr) continue;
    const at = m.index ?? 0;
    out.push({
      kind: 'count',
      key: `count:${attr}:people`,
      attr,
      noun: 'people',
      running: 'cumulative',
      value: { lo: n, hi: n },
      n,
      start: s.start + at,
      end: s.start + at + m[0].length,
      sentence: s.index,
      ...(s.asOf !== undefined ? { asOf: s.asOf } : {}),
      ...frameAt(s.text, at, true),
    });
  }
  return out;
}

function ordinalAttribute(word: string, sentence: string): string | undefined {
  if (/death|body|fatality/.test(word) || /\b(?:dead|died|death|killed|body)\b/i.test(sentence)) {
    return 'dead';
  }
  if (word === 'case') return 'cases';
  if (word === 'arrest') return 'arrested';
  if (/\b(?:injured|hurt|wounded)\b/i.test(sentence)) return 'injured';
  return undefined;
}
