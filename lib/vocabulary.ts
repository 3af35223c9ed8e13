// An organisation's own vocabulary as a user rule pack: banned words, preferred terms, official
// names and titles, and its list of sensitive matters. Edited in the options page, exported
// and imported as a file, and given to the CLI with --pack. It compiles to ordinary `phrase`
// rules, so it runs, reports and is tested like the built-in ones.
import { z } from 'zod';

import { SEVERITIES } from './engine/types';
import { KINDS } from './kinds';
import type { LoadedRule, RuleSet } from './rule-packs';

const Term = z.string().trim().min(1).max(200);

export const VocabularySchema = z.object({
  lectern: z.literal('vocabulary'),
  version: z.literal(1),
  name: z.string().trim().min(1).max(100),
  banned: z
    .array(z.object({ term: Term, instead: Term.optional(), reason: z.string().trim().min(1) }))
    .default([]),
  preferred: z.array(z.object({ use: Term, not: z.array(Term).min(1) })).default([]),
  names: z.array(z.object({ official: Term, variants: z.array(Term).min(1) })).default([]),
  sensitive: z
    .array(
      z.object({
        term: Term,
        note: z.string().trim().min(1),
        severity: z.enum(SEVERITIES).default('high'),
      }),
    )
    .default([]),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

export function emptyVocabulary(name = 'My organisation'): Vocabulary {
  return {
    lectern: 'vocabulary',
    version: 1,
    name,
    banned: [],
    preferred: [],
    names: [],
    sensitive: [],
  };
}

/** Parses a vocabulary file; the error names the field, as rule-pack errors do. */
export function parseVocabulary(json: unknown): Vocabulary {
  const r = VocabularySchema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`vocabulary ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

export function vocabularyRules(vocab: Vocabulary): RuleSet {
  const slug =
    vocab.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'user';
  const rules: LoadedRule[] = [
    ...vocab.banned.map((b, i) =>
      rule(slug, `banned-${i}`, 'style', 'house-style', 'low', [b.term], {
        message: `"${b.term}" is on ${vocab.name}'s list of words not to use.`,
        why: b.reason,
        suggestion: b.instead ? `Use "${b.instead}" instead.` : 'Rephrase without it.',
      }),
    ),
    ...vocab.preferred.map((p, i) =>
      rule(slug, `preferred-${i}`, 'style', 'house-style', 'low', p.not, {
        message: `${vocab.name} writes "${p.use}".`,
        why: 'House style keeps the organisation consistent across releases.',
        suggestion: `Use "${p.use}".`,
      }),
    ),
    ...vocab.names.map((n, i) =>
      rule(slug, `name-${i}`, 'style', 'official-name', 'medium', n.variants, {
        message: `The official name is "${n.official}".`,
        why: 'A name or title written differently from earlier releases reads as a different fact.',
        suggestion: `Write "${n.official}".`,
      }),
    ),
    ...vocab.sensitive.map((s, i) =>
      rule(slug, `sensitive-${i}`, 'risky-phrasing', 'sensitive-matter', s.severity, [s.term], {
        message: `"${s.term}" is on ${vocab.name}'s list of sensitive matters.`,
        why: s.note,
        suggestion:
          'Check the wording of this passage with the owner of the matter before release.',
      }),
    ),
  ];
  return { rules, problems: [] };
}

function rule(
  pack: string,
  name: string,
  family: LoadedRule['family'],
  category: string,
  severity: LoadedRule['severity'],
  terms: string[],
  text: { message: string; why: string; suggestion: string },
): LoadedRule {
  const params = { patterns: terms.map(termPattern) };
  return {
    id: `${pack}/${name}`,
    kind: 'phrase',
    family,
    category,
    severity,
    ...text,
    guideline: 'Organisation vocabulary',
    raise: [],
    params,
    parsed: KINDS.phrase.params.parse(params as never),
    examples: { flag: terms, pass: ['—'] },
    knownIssues: [],
    file: `user:${pack}`,
    lang: /\p{Script=Han}/u.test(terms.join('')) ? 'zh' : 'en',
  };
}

/** A literal term as a pattern: escaped, whole words where the term starts/ends with a letter. */
function termPattern(term: string): string {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const before =
    /^[\p{L}\p{N}]/u.test(term) && !/^\p{Script=Han}/u.test(term) ? '(?<![\\p{L}\\p{N}])' : '';
  const after =
    /[\p{L}\p{N}]$/u.test(term) && !/\p{Script=Han}$/u.test(term) ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${escaped}${after}`;
}

export function mergeRuleSets(...sets: RuleSet[]): RuleSet {
  return { rules: sets.flatMap((s) => s.rules), problems: sets.flatMap((s) => s.problems) };
}
