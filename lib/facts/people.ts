// People: names with their ages and titles ("Detective Sergeant Ines Varga", "Jaylen Marsh,
// 24,", "Nell Carrow, the water superintendent"). A capitalised run counts as a person only
// with evidence (a title, an age, "said", a contact line), so that "Hollis Ridge" and "Carrow
// County" stay places. Rank words are normalised so "Sgt." and "Sergeant" agree and a title
// written before or after the name is the same title.
import type { SentenceInput } from './counts';
import type { PersonFact } from './types';

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'rev']);

const ABBREVIATIONS: Record<string, string> = {
  sgt: 'sergeant',
  lt: 'lieutenant',
  capt: 'captain',
  cpt: 'captain',
  det: 'detective',
  cpl: 'corporal',
  insp: 'inspector',
  supt: 'superintendent',
  cmdr: 'commander',
  dep: 'deputy',
  asst: 'assistant',
  gov: 'governor',
  sen: 'senator',
  rep: 'representative',
  col: 'colonel',
  maj: 'major',
  gen: 'general',
  pres: 'president',
  dir: 'director',
  ofc: 'officer',
};

/** Words that end a title ("Water Superintendent", "Detective Sergeant"). */
const TITLE_HEADS = new Set(
  (
    'officer sergeant lieutenant captain detective corporal trooper deputy sheriff undersheriff ' +
    'chief commissioner superintendent director manager coordinator executive mayor governor ' +
    'senator representative councillor councilor councilmember spokesperson spokesman ' +
    'spokeswoman inspector commander marshal examiner coroner administrator president chair ' +
    'chairman chairwoman secretary minister principal investigator supervisor colonel major ' +
    'general constable agent ranger warden attorney prosecutor judge leader head'
  ).split(' '),
);

/** Ranks compared across releases, compound ranks first. */
const RANKS = [
  'assistant chief',
  'deputy chief',
  'battalion chief',
  'division chief',
  'chief executive',
  'deputy director',
  'assistant director',
  'deputy superintendent',
  'assistant superintendent',
  'deputy commissioner',
  'assistant commissioner',
  'deputy mayor',
  'deputy sheriff',
  'undersheriff',
  'sheriff',
  'chief',
  'commissioner',
  'superintendent',
  'director',
  'mayor',
  'colonel',
  'major',
  'commander',
  'captain',
  'lieutenant',
  'sergeant',
  'corporal',
  'inspector',
  'detective',
  'trooper',
  'deputy',
  'constable',
  'officer',
  'manager',
  'coordinator',
];

/** Capitalised words that are never part of a person's name. */
const NON_NAME = new Set(
  (
    'street st road rd avenue ave lane boulevard blvd drive court place way highway route county ' +
    'city town township village department dept office hospital center centre clinic park ridge ' +
    'trail trailhead creek river lake bay harbor harbour falls hill hills valley mountain fire ' +
    'police public health regional general memorial medical school schools elementary middle high ' +
    'university college library transit electric cooperative inc co corp components farms air ' +
    'airlines pharmacy market plant authority council state church bridge square plaza mall ' +
    'station airport water power services service rescue search emergency management unit team ' +
    'division bureau agency commission jail prison superior circuit district apartments apartment ' +
    'building tower hall north south east west central national international company group ' +
    'association foundation society club union bank credit assurance insurance volunteers relief ' +
    'community canal dock wharf pier terminal loop row heights gardens estates campground ' +
    'warehouse storage mill quarry farm fair island beach coast port news release update statement ' +
    'immediate contact media for the a an our we this that these those when after before while if ' +
    'but and anyone officers crews searchers firefighters residents people members families ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept ' +
    'oct nov dec avenues streets roads states america american nor easter north-east'
  ).split(' '),
);

const SUBJECT_WORDS =
  /\b(?:missing|died|dead|death|killed|injured|hurt|wounded|victim|found|shot|stabbed|hospital|deceased|body|rescued|search(?:ing)? for|looking for|arrested|charged|suspect)\b/i;
const ROLE_CHANGE =
  /\b(?:promot\w+|appoint\w+|named|acting|interim|former(?:ly)?|retir\w+|will (?:become|return|serve|start|take over|replace)|replac\w+|succeed\w*|has served as|took over|takes over|new role|elected|sworn in)\b/i;

const TOKEN = String.raw`(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\.?|[A-Z]\.`;
const RUN_RE = new RegExp(String.raw`(?<![\w'’])(?:${TOKEN})(?:\s(?:${TOKEN}))*`, 'g');

export function extractPeople(s: SentenceInput, paragraphStart: boolean): PersonFact[] {
  const out: PersonFact[] = [];
  for (const m of s.text.matchAll(RUN_RE)) {
    const fact = personAt(s, m[0], m.index ?? 0, paragraphStart);
    if (fact) out.push(fact);
  }
  out.push(...rolePeople(s));
  return out;
}

interface Split {
  titleWords: string[];
  nameWords: string[];
  /** Offset of the first name word within the run. */
  nameOffset: number;
}

function personAt(
  s: SentenceInput,
  run: string,
  at: number,
  paragraphStart: boolean,
): PersonFact | undefined {
  const words = run.split(' ');
  const split = splitTitle(words);
  if (!split) return undefined;
  const { titleWords, nameWords } = split;
  const clean = nameWords.map((w) => w.replace(/['’]s$|['’]$|\.$/, ''));
  if (!isName(clean, titleWords.length > 0)) return undefined;

  const nameStart = at + split.nameOffset;
  const suffixed = /\b(?:Jr|Sr)\.$/.test(run);
  const nameEnd = at + run.length - (run.endsWith('.') && !suffixed ? 1 : 0);
  const after = s.text.slice(nameEnd);
  const before = s.text.slice(0, at);
  const age = ageAfter(after);
  const appositive = appositiveTitle(after);
  const titles = [titleText(titleWords), appositive?.title].filter((t): t is string => Boolean(t));
  const evidence =
    titles.length > 0 ||
    titleWords.some((w) => HONORIFICS.has(bare(w))) ||
    age !== undefined ||
    /^,?\s+(?:said|says|told|added|explained|wrote)\b/.test(after) ||
    /\b(?:said|says|according to|thanked|thank)\s+$/.test(before) ||
    (paragraphStart &&
      /^(?:Contact|Media(?: contact| line)?|Spokesperson|Press)\s*:?\s*$/i.test(before.trim()));
  if (!evidence) return undefined;

  const titled = titleWords.length > 0 ? at : nameStart;
  const end = Math.max(nameEnd, age?.end !== undefined ? nameEnd + age.end : 0);
  return {
    kind: 'person',
    key: `person:${clean[clean.length - 1].toLowerCase()}`,
    name: clean.join(' '),
    ...(clean.length > 1 ? { first: clean[0] } : {}),
    last: clean[clean.length - 1],
    ...(age ? { age: age.value } : {}),
    titles,
    subject: titles.length === 0 && SUBJECT_WORDS.test(s.text),
    roleChange: ROLE_CHANGE.test(s.text),
    start: s.start + titled,
    end: s.start + end,
    sentence: s.index,
  };
}

/** Peels title and honorific words off the front of a capitalised run. */
function splitTitle(words: string[]): Split | undefined {
  let cut = -1;
  for (let i = 0; i < words.length; i++) {
    const w = bare(words[i]);
    if (TITLE_HEADS.has(w) || HONORIFICS.has(w) || w in ABBREVIATIONS) cut = i;
  }
  let first = cut + 1;
  while (first < words.length && NON_NAME.has(bare(words[first])) && cut === -1) first++;
  const nameWords = words.slice(first);
  while (nameWords.length > 1 && /^(?:jr|sr)$/.test(bare(nameWords[nameWords.length - 1]))) {
    nameWords.pop();
  }
  if (nameWords.length === 0 || nameWords.length > 3) return undefined;
  const nameOffset = words.slice(0, first).reduce((n, w) => n + w.length + 1, 0);
  return { titleWords: words.slice(0, cut + 1), nameWords, nameOffset };
}

function bare(word: string): string {
  return word.toLowerCase().replace(/['’]s$|[.'’]/g, '');
}

function isName(words: string[], titled: boolean): boolean {
  if (words.length < (titled ? 1 : 2)) return false;
  return words.every(
    (w) =>
      /^[A-Z]/.test(w) &&
      (w.length > 1 || titled) &&
      !NON_NAME.has(w.toLowerCase()) &&
      !TITLE_HEADS.has(w.toLowerCase()),
  );
}

function ageAfter(after: string): { value: number; end: number } | undefined {
  const m =
    /^,\s*(?:who is\s+|aged\s+)?(\d{1,3})(?=\s*(?:,|\.|;|\)|$|\s+(?:of|and|from|was|is|who|had|has)\b))/.exec(
      after,
    ) ?? /^\s+\((\d{1,3})\)/.exec(after);
  if (!m) return undefined;
  const value = Number(m[1]);
  return value > 0 && value < 120 ? { value, end: m[0].length } : undefined;
}

/** ", the water superintendent," / ", public information officer" → the title. */
function appositiveTitle(after: string): { title: string } | undefined {
  const m =
    /^,\s+(?:the\s+|a\s+|an\s+)?((?:[a-z'’-]+\s+){0,5}?([a-z]+))(?=\s*(?:,|\.|;|$|\s+(?:of|for|at|in|who|said)\b))/i.exec(
      after,
    );
  if (!m || !TITLE_HEADS.has(m[2].toLowerCase())) return undefined;
  if (/^(?:a|an)\s/i.test(after.replace(/^,\s+/, ''))) return undefined;
  return { title: normaliseTitle(m[1]) };
}

function titleText(words: string[]): string | undefined {
  const kept = words.filter((w) => !HONORIFICS.has(bare(w)));
  return kept.length > 0 ? normaliseTitle(kept.join(' ')) : undefined;
}

export function normaliseTitle(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .map((w) => ABBREVIATIONS[w.replace(/\.$/, '')] ?? w.replace(/\.$/, ''))
    .filter((w) => !/^(?:the|a|an|county|city|town|state)$/.test(w))
    .join(' ');
}

/** The rank a title carries ("detective sergeant" → sergeant), if any. */
/** Job titles that end in a rank word without being ranks ("public information officer"). */
const ROLES =
  /\b(?:chief (?:financial|operating|technology|information|medical|nursing) officer|(?:public )?(?:information|press|health|medical|communications|liaison|compliance|safety|affairs|executive|financial|operating|technology|media relations) officer)\b/g;

export function rankOf(title: string): string | undefined {
  const t = title.replace(/\bchief executive officer\b/g, 'chief executive').replace(ROLES, '');
  return RANKS.find((r) => new RegExp(`\\b${r}\\b`).test(t));
}

const ROLE_NOUNS =
  'hiker|victim|driver|passenger|pedestrian|cyclist|patient|suspect|deceased|climber|swimmer|boater|teenager|man|woman|boy|girl|child|worker|resident';
const ROLE_RE = new RegExp(
  String.raw`\b(?:the|a|an)\s+(?:missing\s+|injured\s+|dead\s+|deceased\s+|lost\s+)?(${ROLE_NOUNS}),\s*(?:who is\s+)?(\d{1,3})\b|\b(?:the|a|an)\s+(\d{1,3})-year-old\s+(?:[A-Za-z]+\s+){0,3}?(${ROLE_NOUNS})\b`,
  'gi',
);

/** "The missing hiker, 24," — a person known by role and age before a name is released. */
function rolePeople(s: SentenceInput): PersonFact[] {
  const out: PersonFact[] = [];
  for (const m of s.text.matchAll(ROLE_RE)) {
    const role = (m[1] ?? m[4]).toLowerCase();
    const age = Number(m[2] ?? m[3]);
    const at = m.index ?? 0;
    out.push({
      kind: 'person',
      key: `person:role:${role}`,
      name: `the ${role}`,
      last: `role:${role}`,
      age,
      titles: [],
      subject: true,
      roleChange: false,
      start: s.start + at,
      end: s.start + at + m[0].length,
      sentence: s.index,
    });
  }
  return out;
}
