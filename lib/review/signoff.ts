// Sign-offs bound to the exact text approved. Each carries the SHA-256 of that text and is
// signed with the reviewer's own ECDSA P-256 key (WebCrypto, present in browsers and Node), so
// a record edited by hand fails verification and an approval of other words shows as stale.
import { z } from 'zod';

import { GRADES } from '../engine/types';
import type { Level } from './levels';

export const ReviewerSchema = z.object({
  name: z.string().trim().min(1, 'enter your name'),
  role: z.string().trim().min(1, 'enter your role'),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const OverrideSchema = z.object({
  rule: z.string(),
  excerpt: z.string(),
  reason: z.string().trim().min(1, 'an override needs a reason'),
});

export const SignOffSchema = z.object({
  level: z.string(),
  reviewer: ReviewerSchema,
  at: z.string(),
  decision: z.enum(['approve', 'return']),
  comment: z.string().default(''),
  overrides: z.array(OverrideSchema).default([]),
  /** Checklist items the reviewer attested (absent in records made before attestations). */
  attested: z.array(z.string()).optional(),
  /** The document grade the reviewer saw and accepted. */
  grade: z.enum(GRADES).optional(),
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
  publicKey: z.object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string(),
    y: z.string(),
  }),
  fingerprint: z.string(),
  signature: z.string(),
});
export type SignOff = z.infer<typeof SignOffSchema>;
export type UnsignedSignOff = Omit<SignOff, 'publicKey' | 'fingerprint' | 'signature'>;

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return hex(new Uint8Array(digest));
}

/** A new key pair; the private key is not extractable, so it never leaves the profile. */
export async function createKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
}

export async function publicJwk(key: CryptoKey): Promise<SignOff['publicKey']> {
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', key);
  return { kty: kty as 'EC', crv: crv as 'P-256', x: x!, y: y! };
}

/** Short, readable fingerprint of a public key: SHA-256 of its canonical JWK, 16 bytes. */
export async function fingerprintOf(jwk: SignOff['publicKey']): Promise<string> {
  const full = await sha256Hex(`{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`);
  return full.slice(0, 32).match(/.{4}/g)!.join(':');
}

export async function signOff(data: UnsignedSignOff, keys: CryptoKeyPair): Promise<SignOff> {
  const publicKey = await publicJwk(keys.publicKey);
  const fingerprint = await fingerprintOf(publicKey);
  const body = { ...data, publicKey, fingerprint };
  const sig = await crypto.subtle.sign(
    SIGN,
    keys.privateKey,
    new TextEncoder().encode(canonical(body)),
  );
  return { ...body, signature: base64(new Uint8Array(sig)) };
}

/** true when the signature matches every field and the fingerprint matches the key. */
export async function verifySignOff(s: SignOff): Promise<boolean> {
  try {
    const { signature, ...body } = s;
    if ((await fingerprintOf(s.publicKey)) !== s.fingerprint) return false;
    const key = await crypto.subtle.importKey('jwk', { ...s.publicKey, ext: true }, ECDSA, true, [
      'verify',
    ]);
    return await crypto.subtle.verify(
      SIGN,
      key,
      unbase64(signature),
      new TextEncoder().encode(canonical(body)),
    );
  } catch {
    return false;
  }
}

export type LevelStatus =
  | { state: 'approved'; signOff: SignOff }
  | { state: 'stale'; signOff: SignOff; reason: 'text-changed' }
  /** approved this text, but a level it depends on no longer stands (stale, returned, open) */
  | { state: 'stale'; signOff: SignOff; reason: 'earlier-level'; on: string[] }
  | { state: 'returned'; signOff: SignOff }
  | { state: 'open' }
  | { state: 'waiting'; on: string[] };

/**
 * Where each level stands for the text whose hash is `currentHash`. The latest decision per
 * level counts. An approval of other words is stale, and so is every approval that rests on a
 * level that no longer stands.
 */
export function levelStatuses(
  levels: Level[],
  signOffs: SignOff[],
  currentHash: string,
): Map<string, LevelStatus> {
  const out = new Map<string, LevelStatus>();
  for (const level of levels) {
    const latest = latestFor(signOffs, level.id);
    const unmet = level.after.filter((d) => out.get(d)?.state !== 'approved');
    out.set(level.id, statusOf(latest, unmet, currentHash));
  }
  return out;
}

function statusOf(latest: SignOff | undefined, unmet: string[], currentHash: string): LevelStatus {
  if (!latest) return unmet.length ? { state: 'waiting', on: unmet } : { state: 'open' };
  if (latest.decision === 'return') return { state: 'returned', signOff: latest };
  if (latest.textHash !== currentHash) {
    return { state: 'stale', signOff: latest, reason: 'text-changed' };
  }
  if (unmet.length) return { state: 'stale', signOff: latest, reason: 'earlier-level', on: unmet };
  return { state: 'approved', signOff: latest };
}

/** Why this reviewer may not sign this level of this text now, or undefined when they may. */
export function cannotSign(
  levels: Level[],
  signOffs: SignOff[],
  levelId: string,
  who: { reviewer: Reviewer; fingerprint: string },
  textHash: string,
): string | undefined {
  const level = levels.find((l) => l.id === levelId);
  if (!level) return `there is no level "${levelId}"`;

  const statuses = levelStatuses(levels, signOffs, textHash);
  const missing = level.after.filter((d) => statuses.get(d)?.state !== 'approved');
  if (missing.length) return `${missing.join(' and ')} must approve this text first`;

  const same = signOffs.find(
    (s) =>
      s.level !== levelId &&
      s.textHash === textHash &&
      s.decision === 'approve' &&
      (s.fingerprint === who.fingerprint || sameName(s.reviewer.name, who.reviewer.name)),
  );
  if (same)
    return `you already signed ${same.level} of this text; one person may not sign two levels`;
  return undefined;
}

export function latestFor(signOffs: SignOff[], level: string): SignOff | undefined {
  return signOffs
    .filter((s) => s.level === level)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
}

function sameName(a: string, b: string): boolean {
  return (
    a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ')
  );
}

/** JSON with sorted keys, so the signed bytes do not depend on property order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function unbase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
