// Categorical claims and their polarity: "No weapons were used by any officer" against "An
// officer used a Taser". Claims are (verb, class of thing) pairs from short lists, because a
// reversal is only worth a critical finding when both sides are clearly about the same thing;
// a Taser is a weapon, and using a weapon is using force. A negative that is provisional ("no
// contamination has been found so far") is not categorical and can later turn positive.
import nlp from 'compromise';

import type { SentenceInput } from './counts';
import type { ClaimFact } from './types';

const VERBS: Record<string, string[]> = {
  use: ['use', 'deploy', 'fire', 'discharge', 'draw'],
  find: ['find', 'detect'],
  receive: ['receive'],
  involve: ['involve'],
};

const CLASSES: Array<[string, string]> = [
  [
    String.raw`weapons?|firearms?|guns?|handguns?|rifles?|shotguns?|pistols?|tasers?|stun guns?|batons?|(?:pepper|oc|chemical) spray|tear gas|rubber bullets?|bean ?bag rounds?|less-lethal (?:weapons?|rounds?|munitions?)|conducted energy (?:weapons?|devices?)|knives|knife|shots`,
    'weapon',
  ],
  [String.raw`force|chokeholds?|neck restraints?|strikes?|takedowns?`, 'force'],
  [
    String.raw`contamination|contaminants?|bacteria|e\.? ?coli|legionella|lead|toxins?|salmonella|listeria|norovirus|asbestos|chemicals?`,
    'contamination',
  ],
  [String.raw`complaints?|warnings?`, 'complaint'],
  [String.raw`alcohol|drugs|impairment`, 'alcohol'],
];
const CLASS_SOURCE = CLASSES.map(([re]) => re).join('|');

/** Using a weapon is using force; "no force" rules out weapons too. */
const IMPLIES_POSITIVE: Record<string, string[]> = { weapon: ['force'] };
const IMPLIES_NEGATIVE: Record<string, string[]> = { force: ['weapon'] };

interface Forms {
  past: string;
  base: string;
  canonical: Map<string, string>;
}

interface Conjugator {
  verbs(): { conjugate(): Array<Record<string, string> | undefined> };
}

let forms: Forms | undefined;

/** Verb forms from compromise's conjugator, built once on first use. */
function verbForms(): Forms {
  if (forms) return forms;
  const canonical = new Map<string, string>();
  const past: string[] = [];
  const base: string[] = [];
  for (const [verb, synonyms] of Object.entries(VERBS)) {
    for (const word of synonyms) {
      const c = (nlp(word).tag('Verb') as unknown as Conjugator).verbs().conjugate()[0];
      const all = [word, c?.PastTense, c?.Participle, c?.PresentTense].filter((f): f is string =>
        Boolean(f),
      );
      for (const f of all) canonical.set(f, verb);
      past.push(...[c?.PastTense, c?.Participle].filter((f): f is string => Boolean(f)));
      base.push(word);
    }
  }
  forms = { past: [...new Set(past)].join('|'), base: base.join('|'), canonical };
  return forms;
}

const PROVISIONAL =
  /\b(?:yet|so far|at this time|currently|to date|as of|at present|have been|has been)\b/i;
const HYPOTHETICAL =
  /\b(?:if|whether|alleg\w*|claims? that|rumou?rs?|reports? that|asked|any suggestion)\b/i;
const WITH_WEAPON = /^(?:struck|hit|shocked|sprayed|stunned|jabbed)$/;
const NEGATION = /\b(?:no|not|never|without|nor)\b|n't\b/i;

interface Patterns {
  negatives: RegExp[];
  positives: RegExp[];
}

let patterns: Patterns | undefined;

/** The claim patterns, compiled once: the verb forms come from compromise. */
function claimPatterns(f: Forms): Patterns {
  if (patterns) return patterns;
  const noun = `(?<noun>${CLASS_SOURCE})`;
  const negatives = [
    // "No officers fired their weapons", "no one used a Taser"
    new RegExp(
      String.raw`\b(?:no|neither)\s+(?:\w+\s+){0,2}?(?:officers?|deputies|deputy|troopers?|agents?|one|personnel|staff|guards?)\b[^.;]{0,30}?\b(?<verb>${f.past})\s+(?:(?:their|his|her|a|an|any)\s+)?(?:\w+\s+)?${noun}\b`,
      'gi',
    ),
    new RegExp(
      String.raw`\bno\s+(?:\w+\s+)?${noun}\b[^.;]{0,60}?\b(?:was|were|had been|has been|have been|is|are)\s+(?:\w+\s+)?(?<verb>${f.past})\b`,
      'gi',
    ),
    new RegExp(
      String.raw`\b${noun}\s+(?:was|were|had been|has been|have been)\s+not\s+(?<verb>${f.past})\b`,
      'gi',
    ),
    new RegExp(
      String.raw`\b(?:did|does|do|had|has|have)\s+not\s+(?<verb>${f.base}|${f.past})\s+(?:any\s+|an?\s+|the\s+|their\s+|his\s+|her\s+)?(?:\w+\s+)?${noun}\b`,
      'gi',
    ),
    new RegExp(
      String.raw`\bnever\s+(?<verb>${f.past})\s+(?:any\s+|an?\s+|the\s+|their\s+|his\s+|her\s+)?(?:\w+\s+)?${noun}\b`,
      'gi',
    ),
    new RegExp(
      String.raw`\bwithout\s+(?<verb>using|firing|deploying|drawing|finding|detecting)\s+(?:any\s+|an?\s+|their\s+)?(?:\w+\s+)?${noun}\b`,
      'gi',
    ),
  ];
  const positives = [
    new RegExp(
      String.raw`\b(?<verb>${f.past})\s+(?:(?:a|an|the|his|her|their|its|two|three|several|multiple)\s+)?(?:\w+\s+)?${noun}\b`,
      'gi',
    ),
    new RegExp(
      String.raw`\b${noun}\s+(?:was|were|had been|has been)\s+(?:\w+\s+)?(?<verb>${f.past})\b`,
      'gi',
    ),
    // "struck him with a baton", "sprayed him with pepper spray": using the weapon named.
    new RegExp(
      String.raw`\b(?<verb>struck|hit|shocked|sprayed|stunned|jabbed)\b[^.;]{0,40}?\bwith (?:a |an |his |her |their )?${noun}\b`,
      'gi',
    ),
  ];
  patterns = { negatives, positives };
  return patterns;
}

const CLASS_RE = new RegExp(`\\b(?:${CLASS_SOURCE})\\b`, 'i');

interface StatusClaim {
  re: RegExp;
  verb: string;
  object: string;
  positive: boolean;
}

/**
 * Claims police and fire statements reverse most often: armed or not, foul play or not, a
 * factor or not ("not believed to be suspicious" → "being treated as a homicide").
 */
const STATUS: StatusClaim[] = [
  {
    re: /\b(?:was|were) (?:un|not )armed\b|\bdid not have a (?:weapon|gun|knife|firearm)\b/gi,
    verb: 'be',
    object: 'armed',
    positive: false,
  },
  {
    re: /\b(?:was|were) armed with\b|\b(?:had|carried|was carrying|were carrying|brandished|pointed|wielded|displayed) (?:a |an |his |her )?(?:\w+ )?(?:knife|gun|handgun|firearm|rifle|weapon|pistol|shotgun)\b/gi,
    verb: 'be',
    object: 'armed',
    positive: true,
  },
  {
    re: /\bruled out (?:arson|foul play|criminal activity|terrorism|a crime)\b|\b(?:is|was|are|were) not (?:being )?(?:considered |treated as |believed to be )?suspicious\b|\bno (?:sign|signs|evidence|indication|suggestion) of (?:foul play|arson|criminal activity|a crime)\b|\bnot (?:believed to be )?(?:criminal|suspicious) in nature\b/gi,
    verb: 'be',
    object: 'foul-play',
    positive: false,
  },
  {
    re: /\b(?:deliberately|intentionally) (?:set|started|lit)\b|\b(?:is|was|are|were) (?:now )?(?:being )?(?:treated|investigated) as (?:a |an )?(?:homicide|murder|arson|suspicious|criminal|deliberate)\b|\bfoul play (?:is|was) (?:suspected|involved)\b|\b(?:was|is|has been) (?:ruled|classified|declared) (?:a )?(?:homicide|arson)\b/gi,
    verb: 'be',
    object: 'foul-play',
    positive: true,
  },
  {
    re: /\b(?:alcohol|drugs|impairment)\b(?: (?:and|or) \w+)? (?:is|was|were|are) not (?:believed to (?:have been|be) |considered |thought to (?:have been|be) )?a (?:contributing )?factor\b/gi,
    verb: 'involve',
    object: 'alcohol',
    positive: false,
  },
  {
    re: /\b(?:alcohol|drugs|impairment)\b(?: (?:and|or) \w+)? (?:is|was|were|are) (?:believed to (?:have been|be) |considered |thought to (?:have been|be) )?a (?:contributing )?factor\b/gi,
    verb: 'involve',
    object: 'alcohol',
    positive: true,
  },
];

export function extractClaims(s: SentenceInput): ClaimFact[] {
  if (HYPOTHETICAL.test(s.text)) return [];
  const out: ClaimFact[] = [];
  for (const claim of STATUS) collectStatus(s, claim, out);
  if (CLASS_RE.test(s.text)) {
    const f = verbForms();
    const { negatives, positives } = claimPatterns(f);
    for (const re of negatives) collect(s, re, false, f, out);
    for (const re of positives) collect(s, re, true, f, out);
  }
  return dedupeClaims(out);
}

function collectStatus(s: SentenceInput, claim: StatusClaim, out: ClaimFact[]): void {
  for (const m of s.text.matchAll(claim.re)) {
    const at = m.index ?? 0;
    const clause = s.text.slice(0, at).split(/[,;:]/).pop() ?? '';
    if (claim.positive && NEGATION.test(clause)) continue;
    out.push({
      kind: 'claim',
      key: `claim:${claim.verb}:${claim.object}`,
      verb: claim.verb,
      object: claim.object,
      positive: claim.positive,
      start: s.start + at,
      end: s.start + at + m[0].length,
      sentence: s.index,
    });
  }
}

function collect(
  s: SentenceInput,
  re: RegExp,
  positive: boolean,
  f: Forms,
  out: ClaimFact[],
): void {
  for (const m of s.text.matchAll(re)) {
    const at = m.index ?? 0;
    const clause = s.text.slice(0, at).split(/[,;:]/).pop() ?? '';
    if (positive && (NEGATION.test(clause) || NEGATION.test(m[0]))) continue;
    if (!positive && PROVISIONAL.test(m[0])) continue;
    const verbWord = (m.groups?.verb ?? '').toLowerCase().replace(/ing$/, '');
    const verb = WITH_WEAPON.test(verbWord)
      ? 'use'
      : (f.canonical.get(verbWord) ?? canonicalGerund(verbWord, f));
    const cls = classOf(m.groups?.noun ?? '');
    if (!verb || !cls) continue;
    const implied = (positive ? IMPLIES_POSITIVE : IMPLIES_NEGATIVE)[cls] ?? [];
    for (const object of [cls, ...implied]) {
      out.push({
        kind: 'claim',
        key: `claim:${verb}:${object}`,
        verb,
        object,
        positive,
        start: s.start + at,
        end: s.start + at + m[0].length,
        sentence: s.index,
      });
    }
  }
}

function canonicalGerund(stem: string, f: Forms): string | undefined {
  return f.canonical.get(stem) ?? f.canonical.get(`${stem}e`);
}

const CLASS_EXACT: Array<[RegExp, string]> = CLASSES.map(([re, cls]) => [
  new RegExp(`^(?:${re})$`, 'i'),
  cls,
]);

function classOf(noun: string): string | undefined {
  return CLASS_EXACT.find(([re]) => re.test(noun))?.[1];
}

/** One claim per key and polarity per sentence. */
function dedupeClaims(claims: ClaimFact[]): ClaimFact[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const id = `${c.key}:${c.positive}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
