// A review record that travels: levels, sign-offs, comments, hashes and dismissals, as a file
// or as a short block to paste into an email or CMS note. On import it attaches to the draft
// whose text matches, and says plainly when it does not.
import { z } from 'zod';

import { DismissalSchema, type DismissalItem } from '../dismissals';
import { LevelSchema, type Level } from './levels';
import { SignOffSchema, verifySignOff, type SignOff } from './signoff';

export const RECORD_VERSION = 1;

export const ReviewRecordSchema = z.object({
  lectern: z.literal('review'),
  version: z.number().int(),
  title: z.string().default(''),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  levels: z.array(LevelSchema).min(1),
  signOffs: z.array(SignOffSchema),
  dismissals: z.array(DismissalSchema).default([]),
  exportedAt: z.string(),
});
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

export function makeRecord(input: {
  title: string;
  textHash: string;
  levels: Level[];
  signOffs: SignOff[];
  dismissals: DismissalItem[];
}): ReviewRecord {
  return {
    lectern: 'review',
    version: RECORD_VERSION,
    ...input,
    exportedAt: new Date().toISOString(),
  };
}

const BEGIN = '-----BEGIN LECTERN REVIEW-----';
const END = '-----END LECTERN REVIEW-----';

/** A block for an email or CMS note: a readable summary, then the record itself in base64. */
export function toTextBlock(record: ReviewRecord): string {
  const lines = record.signOffs.map(
    (s) =>
      `${s.level} ${s.decision === 'approve' ? 'approved' : 'returned'} by ${s.reviewer.name} (${s.reviewer.role}) at ${s.at}`,
  );
  const payload = base64Utf8(JSON.stringify(record)).match(/.{1,64}/g) ?? [];
  return [
    `Lectern review of "${record.title || 'untitled draft'}" — text SHA-256 ${record.textHash.slice(0, 16)}…`,
    ...lines,
    BEGIN,
    ...payload,
    END,
  ].join('\n');
}

export type ImportResult =
  | { ok: true; record: ReviewRecord }
  | { ok: false; problem: 'not-a-record' | 'version' | 'damaged'; reason: string };

/** Accepts the JSON file or a pasted block (with any text around it). */
export function parseRecord(input: string): ImportResult {
  let json: unknown;
  try {
    const a = input.indexOf(BEGIN);
    const b = input.indexOf(END);
    const body =
      a !== -1 && b > a ? utf8Base64(input.slice(a + BEGIN.length, b).replace(/\s+/g, '')) : input;
    json = JSON.parse(body);
  } catch {
    return {
      ok: false,
      problem: 'not-a-record',
      reason: 'This is not a Lectern review record (neither JSON nor a pasted review block).',
    };
  }
  const version = (json as { version?: unknown })?.version;
  if ((json as { lectern?: unknown })?.lectern === 'review' && version !== RECORD_VERSION) {
    return {
      ok: false,
      problem: 'version',
      reason: `This record is version ${String(version)}; this Lectern reads version ${RECORD_VERSION}.`,
    };
  }
  const r = ReviewRecordSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    return {
      ok: false,
      problem: 'damaged',
      reason: `The record is damaged or incomplete (${issue.path.join('.') || 'root'}: ${issue.message}).`,
    };
  }
  return { ok: true, record: r.data };
}

export type SignOffTrust = 'verified' | 'unverified-key' | 'invalid';

/**
 * invalid: the signature does not match (the record was altered); unverified-key: genuine
 * signature by a key that is not on the organisation's list (when a list was imported).
 */
export async function verifyRecord(
  record: ReviewRecord,
  trustedFingerprints?: readonly string[],
): Promise<SignOffTrust[]> {
  return Promise.all(
    record.signOffs.map(async (s) => {
      if (!(await verifySignOff(s))) return 'invalid';
      if (trustedFingerprints && !trustedFingerprints.includes(s.fingerprint))
        return 'unverified-key';
      return 'verified';
    }),
  );
}

/** Whether a record belongs to this text; when not, a sentence that says so. */
export function matchRecord(
  record: ReviewRecord,
  textHash: string,
): { matches: boolean; reason?: string } {
  if (record.textHash === textHash) return { matches: true };
  const signed = record.signOffs.some((s) => s.textHash === textHash);
  if (signed)
    return {
      matches: true,
      reason: 'The draft matches an earlier approved version in this record.',
    };
  return {
    matches: false,
    reason:
      'This record was made for different text: the draft has changed since it was exported, or it belongs to another draft.',
  };
}

function base64Utf8(s: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function utf8Base64(s: string): string {
  const bin = atob(s);
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
