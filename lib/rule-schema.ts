// The zod schema of a rule file and a pack manifest. A rule is data: which kind of check runs
// it (`kind` + `params`), what it reports, why, and the examples that the test suite runs.
import { z } from 'zod';

import { CONTEXT_FLAGS, FAMILIES, RELEASE_TYPES, SEVERITIES } from './engine/types';

export const SeveritySchema = z.enum(SEVERITIES);
export const ReleaseTypeSchema = z.enum(RELEASE_TYPES);
export const ContextFlagSchema = z.enum(CONTEXT_FLAGS);

export const ContextInputSchema = z.object({
  type: ReleaseTypeSchema.optional(),
  flags: z.array(ContextFlagSchema).optional(),
});

const ExampleSchema = z.union([
  z.string().min(1),
  z.object({
    text: z.string().min(1),
    match: z.string().min(1).optional(),
    context: ContextInputSchema.optional(),
    note: z.string().optional(),
  }),
]);
export type RuleExample = z.infer<typeof ExampleSchema>;

/** When a rule applies at all: any listed type, and all listed flags. */
const WhenSchema = z.object({
  types: z.array(ReleaseTypeSchema).optional(),
  flags: z.array(ContextFlagSchema).optional(),
  anyFlags: z.array(ContextFlagSchema).optional(),
});
export type When = z.infer<typeof WhenSchema>;

/** Raise the severity to `to` when the sentence (or document) also matches `pattern`. */
const RaiseSchema = z.object({
  pattern: z.string().min(1),
  to: SeveritySchema,
  scope: z.enum(['sentence', 'document']).default('sentence'),
});

export const RuleBaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'ids look like "pack/rule-name"'),
  kind: z.string().min(1),
  family: z.enum(FAMILIES),
  category: z.string().regex(/^[a-z][a-z-]*$/),
  severity: SeveritySchema,
  message: z.string().min(1),
  why: z.string().min(1),
  guideline: z.string().min(1),
  suggestion: z.string().min(1),
  when: WhenSchema.optional(),
  raise: z.array(RaiseSchema).default([]),
  params: z.record(z.string(), z.unknown()),
  examples: z.object({
    flag: z.array(ExampleSchema).min(1),
    pass: z.array(ExampleSchema).min(1),
  }),
  knownIssues: z
    .array(
      z.object({
        text: z.string(),
        expect: z.enum(['flag', 'pass']),
        note: z.string(),
        context: ContextInputSchema.optional(),
      }),
    )
    .default([]),
});
export type RuleBase = z.infer<typeof RuleBaseSchema>;

export const PackSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(['en', 'zh']),
  description: z.string().min(1),
});
export type PackManifest = z.infer<typeof PackSchema>;
