// What a rule kind is: code that, given a rule's validated params and a segmented draft,
// returns the spans it objects to. Kinds never decide severity from context (the engine does),
// never throw for ordinary text, and never touch the browser.
import type { z } from 'zod';

import type { ReviewContext, Severity } from '../engine/types';
import type { RuleBase } from '../rule-schema';
import type { Segmented, Sentence } from '../text/segment';

export interface KindInput {
  text: string;
  doc: Segmented;
  context: ReviewContext;
  /** compromise parse of one sentence, made once per review and shared between rules. */
  parse(sentence: Sentence): unknown;
}

export interface Hit {
  start: number;
  end: number;
  /** A kind may set the severity itself (e.g. a required element whose weight depends on type). */
  severity?: Severity;
  message?: string;
}

export interface Kind<P> {
  name: string;
  params: z.ZodType<P>;
  run(rule: RuleBase, params: P, input: KindInput): Hit[];
}

export function defineKind<P>(kind: Kind<P>): Kind<P> {
  return kind;
}
