// Whose keys an organisation trusts. A valid signature proves only that the record was not
// altered since someone signed it; the list of reviewers' key fingerprints says who that was.
import { z } from 'zod';

import { verifySignOff, type SignOff } from './signoff';

/** 16 bytes of a key's SHA-256, in groups of four hex digits: "1a2b:3c4d:…". */
const FINGERPRINT = /^[0-9a-f]{4}(?::[0-9a-f]{4}){7}$/;

export const TrustedKeySchema = z.object({
  fingerprint: z.string().trim().toLowerCase().regex(FINGERPRINT, 'not a Lectern key fingerprint'),
  name: z.string().trim().max(200).default(''),
  role: z.string().trim().max(200).default(''),
});
export type TrustedKey = z.infer<typeof TrustedKeySchema>;

export const TrustedKeysFileSchema = z.object({
  lectern: z.literal('trusted-keys'),
  version: z.literal(1),
  keys: z.array(TrustedKeySchema).max(10_000),
});
export type TrustedKeysFile = z.infer<typeof TrustedKeysFileSchema>;

export function trustedKeysFile(keys: TrustedKey[]): TrustedKeysFile {
  return { lectern: 'trusted-keys', version: 1, keys };
}

export type ParsedKeys = { ok: true; keys: TrustedKey[] } | { ok: false; reason: string };

/**
 * Accepts a trusted-keys file, one reviewer's key entry (as "Copy my key" gives it), a JSON list
 * of entries, or plain text with one fingerprint per line (anything after it is the name).
 */
export function parseTrustedKeys(input: string): ParsedKeys {
  const json = tryJson(input.trim());
  if (json === undefined) return fromLines(input);

  const candidates = [
    TrustedKeysFileSchema.safeParse(json),
    z.array(TrustedKeySchema).safeParse(json),
    TrustedKeySchema.safeParse(json),
  ];
  for (const c of candidates) {
    if (c.success) return { ok: true, keys: dedupe(toList(c.data)) };
  }
  const issue = candidates[0].error!.issues[0];
  return {
    ok: false,
    reason: `Not a list of reviewers' keys (${issue.path.join('.') || 'root'}: ${issue.message}).`,
  };
}

/** Merges by fingerprint; a later entry's name and role win. */
export function mergeKeys(current: TrustedKey[], added: TrustedKey[]): TrustedKey[] {
  return dedupe([...current, ...added]);
}

export type Trust = 'own' | 'trusted' | 'unverified' | 'invalid';

/**
 * invalid: the signature does not match the sign-off (it was altered). own: made with this
 * browser's key. trusted: a key on the organisation's list. unverified: a genuine signature by a
 * key nobody here vouches for.
 */
export async function trustOf(
  s: SignOff,
  keys: { own?: string; trusted: readonly TrustedKey[] },
): Promise<Trust> {
  if (!(await verifySignOff(s))) return 'invalid';
  if (keys.trusted.some((k) => k.fingerprint === s.fingerprint)) return 'trusted';
  if (s.fingerprint === keys.own) return 'own';
  return 'unverified';
}

function fromLines(input: string): ParsedKeys {
  const keys: TrustedKey[] = [];
  for (const line of input.split('\n')) {
    const match = /([0-9a-fA-F]{4}(?::[0-9a-fA-F]{4}){7})\s*[,;\t-]*\s*(.*)$/.exec(line.trim());
    if (match) keys.push({ fingerprint: match[1].toLowerCase(), name: match[2].trim(), role: '' });
  }
  if (keys.length === 0) {
    return {
      ok: false,
      reason: 'No key fingerprints found (they look like 1a2b:3c4d:…, 8 groups).',
    };
  }
  return { ok: true, keys: dedupe(keys) };
}

function toList(data: TrustedKeysFile | TrustedKey[] | TrustedKey): TrustedKey[] {
  if (Array.isArray(data)) return data;
  return 'keys' in data ? data.keys : [data];
}

function dedupe(keys: TrustedKey[]): TrustedKey[] {
  const byPrint = new Map<string, TrustedKey>();
  for (const k of keys) byPrint.set(k.fingerprint, k);
  return [...byPrint.values()];
}

function tryJson(text: string): unknown {
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
