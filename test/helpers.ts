import { review } from '../lib/engine';
import type { ContextInput, PriorRelease, Report } from '../lib/engine/types';
import { builtinRules } from '../lib/rule-packs-node';

export { overlaps } from '../scripts/cases';

export function reviewText(text: string, context?: ContextInput, archive?: PriorRelease[]): Report {
  const options = { rules: builtinRules(), ...(archive ? { archive } : {}) };
  return review(text, context ?? { type: 'routine', flags: [] }, options);
}
