// review(): the one entry point. Segment once, run each applicable rule through its kind,
// escalate by context, then one pass to dedupe, sort and grade. A rule that throws becomes a
// problem in the report; the others still run.
import nlp from 'compromise';

import { KINDS } from '../kinds';
import type { Hit } from '../kinds/kind';
import type { LoadedRule, RuleSet } from '../rule-packs';
import type { When } from '../rule-schema';
import { countWords, segment, type Sentence } from '../text/segment';
import { resolveContext } from './context';
import { driversOf, escalate, gradeOf, maxSeverity, POINTS } from './severity';
import type {
  ContextInput,
  Finding,
  PriorRelease,
  Problem,
  Report,
  ReviewContext,
  Severity,
} from './types';
import { SEVERITIES } from './types';
import { compile } from '../kinds/patterns';
import type { ArchiveIndex } from '../facts/archive';
import { checkConsistency } from '../facts/check';

export interface ReviewOptions {
  rules: RuleSet;
  file?: string;
  /** Earlier releases on the matter (or an index built with indexArchive) to check facts against. */
  archive?: PriorRelease[] | ArchiveIndex;
  /** Which matter of a multi-matter archive the draft belongs to; else chosen by content. */
  matter?: string;
  /** Review time, for deadlines when the draft carries no date of its own. */
  now?: Date;
}

export function review(
  text: string,
  input: ContextInput | undefined,
  options: ReviewOptions,
): Report {
  const began = performance.now();
  const doc = segment(text);
  const context = resolveContext(input, text);
  const lang = languageOf(text);
  const parsed = new Map<number, unknown>();
  const parse = (s: Sentence) => {
    if (!parsed.has(s.index)) parsed.set(s.index, nlp(s.text));
    return parsed.get(s.index);
  };

  const problems: Problem[] = [...options.rules.problems];
  const findings: Finding[] = [];
  for (const rule of options.rules.rules) {
    if (rule.lang !== lang || !applies(rule.when, context)) continue;
    try {
      const kind = KINDS[rule.kind];
      const hits = kind.run(rule, rule.parsed as never, { text, doc, context, parse });
      for (const hit of hits) findings.push(toFinding(rule, hit, text, context));
    } catch (e) {
      problems.push({
        rule: rule.id,
        file: rule.file,
        message: `rule failed: ${(e as Error).message}`,
      });
    }
  }

  if (!options.rules.rules.some((r) => r.lang === lang)) {
    const message = `no rules for this draft's language (${lang}); it was not reviewed, so its grade says nothing`;
    problems.push({ rule: 'engine/language', file: 'rules/', message });
  }

  if (lang === 'en') {
    try {
      const { archive, matter, now } = options;
      findings.push(...checkConsistency(text, { doc, archive, matter, now }));
    } catch (e) {
      problems.push({
        rule: 'facts',
        file: 'lib/facts',
        message: `consistency check failed: ${(e as Error).message}`,
      });
    }
  }

  const final = dedupe(findings).sort((a, b) => a.start - b.start || b.points - a.points);
  const { grade, points } = gradeOf(final);
  return {
    ...(options.file !== undefined ? { file: options.file } : {}),
    grade,
    points,
    context,
    drivers: driversOf(final),
    findings: final,
    problems,
    stats: {
      words: countWords(text),
      sentences: doc.sentences.length,
      ms: Math.round((performance.now() - began) * 10) / 10,
    },
  };
}

export function applies(when: When | undefined, context: ReviewContext): boolean {
  if (!when) return true;
  if (when.types && !when.types.includes(context.type)) return false;
  if (when.flags && !when.flags.every((f) => context.flags.includes(f))) return false;
  if (when.anyFlags && !when.anyFlags.some((f) => context.flags.includes(f))) return false;
  return true;
}

function toFinding(rule: LoadedRule, hit: Hit, text: string, context: ReviewContext): Finding {
  const sentence = sentenceAround(text, hit.start, hit.end);
  let base: Severity = hit.severity ?? rule.severity;
  for (const r of rule.raise) {
    const scope = r.scope === 'document' ? text : sentence;
    if (compile(r.pattern).test(scope)) base = maxSeverity(base, r.to);
  }
  const severity = escalate(base, rule.family, rule.category, context);

  return {
    rule: rule.id,
    family: rule.family,
    category: rule.category,
    severity,
    start: hit.start,
    end: hit.end,
    excerpt: text.slice(hit.start, hit.end),
    message: hit.message ?? rule.message,
    why: rule.why,
    guideline: rule.guideline,
    suggestion: rule.suggestion,
    points: POINTS[severity],
  };
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf('\n', start - 1) + 1);
  const nl = text.indexOf('\n', end);
  return text.slice(from, nl === -1 ? text.length : nl);
}

/** One finding per category and place: overlapping findings of a category keep the worst. */
function dedupe(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  const order = (f: Finding) => SEVERITIES.indexOf(f.severity) * 1e6 + (f.end - f.start);
  for (const f of findings.slice().sort((a, b) => order(b) - order(a))) {
    const clash = kept.some(
      (k) =>
        k.category === f.category &&
        k.family === f.family &&
        (f.start === f.end ? k.start === k.end : k.start < f.end && f.start < k.end),
    );
    if (!clash) kept.push(f);
  }
  return kept;
}

/** Chinese when Han characters outnumber Latin words; packs declare their language. */
export function languageOf(text: string): 'en' | 'zh' {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]+/g) ?? []).length;
  return han > latin ? 'zh' : 'en';
}
