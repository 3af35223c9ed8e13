// Benchmark text: real-looking press-release prose assembled from the sample drafts (or, when
// ../shared/cases is absent, from the rules' own examples), repeated to the wanted length.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { builtinRules } from '../lib/rule-packs-node';

const CASES = fileURLToPath(new URL('../../shared/cases/drafts', import.meta.url));

function paragraphs(): string[] {
  if (existsSync(CASES)) {
    return readdirSync(CASES)
      .filter((f) => f.endsWith('.txt') && !f.includes('-zh'))
      .sort()
      .flatMap((f) => readFileSync(join(CASES, f), 'utf8').split(/\n\s*\n/))
      .filter((p) => p.split(/\s+/).length > 12);
  }
  return builtinRules().rules.flatMap((r) =>
    [...r.examples.flag, ...r.examples.pass].map((e) => (typeof e === 'string' ? e : e.text)),
  );
}

export function draftOfWords(words: number): string {
  const source = paragraphs();
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = source[i % source.length];
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}
