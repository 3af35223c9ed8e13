// What the panel and the options page may ask of the background about reviews and history.
// Parsed on arrival like every message (DESIGN.md): an extension page can be driven by a
// compromised page's scripts only through these shapes.
import { z } from 'zod';

import { LevelSchema } from './levels';
import { OverrideSchema } from './signoff';
import { TrustedKeySchema } from './trust';

const key = z.string().min(1).max(4096);
const id = z.string().min(1).max(100);

export const DraftKeyRequestSchema = z.object({ draftKey: key });

export const IdentityRequestSchema = z.object({
  name: z.string().trim().min(1, 'enter your name').max(200),
  role: z.string().trim().min(1, 'enter your role').max(200),
});

export const SignRequestSchema = z.object({
  draftKey: key,
  /** the text the reviewer was looking at; the sign-off is refused if the draft moved on */
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  level: id,
  decision: z.enum(['approve', 'return']),
  comment: z.string().max(5000).default(''),
  overrides: z
    .array(
      OverrideSchema.extend({
        excerpt: z.string().max(10_000),
        reason: z.string().trim().min(1).max(2000),
      }),
    )
    .max(500)
    .default([]),
  attested: z.array(id).max(200).default([]),
});
export type SignRequest = z.input<typeof SignRequestSchema>;

export const ImportRequestSchema = z.object({
  input: z.string().min(1).max(5_000_000),
  /** the draft the panel shows, preferred when several drafts hold the same text */
  draftKey: key.optional(),
});

export const CompareRequestSchema = z.object({
  draftKey: key,
  from: id,
  to: id,
  by: z.enum(['word', 'sentence']),
});

export const VersionRequestSchema = z.object({ draftKey: key, id });

export const SetLevelsRequestSchema = z.object({
  /** null: back to the default levels */
  levels: z.array(LevelSchema).min(1).max(50).nullable(),
});

export const SetTrustedKeysRequestSchema = z.object({
  keys: z.array(TrustedKeySchema).max(10_000),
});

export const SetMaxVersionsRequestSchema = z.object({
  max: z.number().int().min(5).max(5000),
});
