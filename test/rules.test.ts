// Every rule's own examples are its tests: each `flag` example must be reported by that rule
// (over its `match`, when given), and no `pass` example may be.
import { describe, expect, it } from 'vitest';

import type { ContextInput } from '../lib/engine/types';
import type { LoadedRule } from '../lib/rule-packs';
import { builtinRules } from '../lib/rule-packs-node';
import type { RuleExample } from '../lib/rule-schema';
import { overlaps, reviewText } from './helpers';

const { rules, problems } = builtinRules();

function contextFor(rule: LoadedRule, example: RuleExample): ContextInput {
  if (typeof example !== 'string' && example.context) return example.context;
  const flags = [...(rule.when?.flags ?? []), ...(rule.when?.anyFlags ?? []).slice(0, 1)];
  return { type: rule.when?.types?.[0] ?? 'routine', flags };
}

const textOf = (e: RuleExample) => (typeof e === 'string' ? e : e.text);

describe('built-in rule packs', () => {
  it('load without problems', () => {
    expect(problems).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('have unique ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it.each(rule.examples.flag.map((e, i) => [i, e] as const))('flags example %i', (_i, example) => {
    const text = textOf(example);
    const report = reviewText(text, contextFor(rule, example));

    const own = report.findings.filter((f) => f.rule === rule.id);
    const match = typeof example === 'string' ? undefined : example.match;
    if (match) {
      const m = text.indexOf(match);
      expect(m, `match "${match}" not in example`).toBeGreaterThanOrEqual(0);
      expect(own.some((f) => overlaps(f, m, m + match.length))).toBe(true);
    } else {
      expect(own.length).toBeGreaterThan(0);
    }
    for (const f of own) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it.each(rule.examples.pass.map((e, i) => [i, e] as const))(
    'accepts example %i',
    (_i, example) => {
      const report = reviewText(textOf(example), contextFor(rule, example));

      expect(report.findings.filter((f) => f.rule === rule.id)).toEqual([]);
    },
  );

  it.each(rule.knownIssues.map((k, i) => [i, k] as const))(
    'still has known issue %i (fixing it flips this test)',
    (_i, known) => {
      const report = reviewText(known.text, known.context ?? contextFor(rule, known.text));

      const own = report.findings.filter((f) => f.rule === rule.id);
      // A known issue is a case the rule gets wrong today: a missed flag or a false flag.
      expect(own.length > 0).toBe(known.expect === 'pass');
    },
  );
});
