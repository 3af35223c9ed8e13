// The reviewer's identity and signing key, the organisation's levels and trusted keys, kept in
// the profile's settings store. The private key is a non-extractable CryptoKey: IndexedDB keeps
// the object, and no script (ours included) can read its bytes.
import { serially } from '../history/serial';
import { getSetting, putSetting } from '../storage';
import { DEFAULT_LEVELS, LevelsFileSchema, type Level } from './levels';
import { createKeyPair, fingerprintOf, publicJwk, type Reviewer } from './signoff';
import type { TrustedKey } from './trust';
import type { IdentityView } from './view';

/** The reviewer's name is shared with dismissals, which store it alone under this name. */
const NAME = 'reviewer';
const ROLE = 'reviewer.role';
const KEYS = 'reviewer.keys';
const LEVELS = 'review.levels';
const TRUSTED = 'review.trustedKeys';

export async function identity(): Promise<IdentityView> {
  const [name, role, keys] = await Promise.all([
    getSetting<string>(NAME),
    getSetting<string>(ROLE),
    getSetting<CryptoKeyPair>(KEYS),
  ]);
  return {
    reviewer: name ? { name, role: role ?? '' } : null,
    fingerprint: keys ? await fingerprintOf(await publicJwk(keys.publicKey)) : null,
  };
}

export async function setIdentity(reviewer: Reviewer): Promise<IdentityView> {
  await Promise.all([putSetting(NAME, reviewer.name), putSetting(ROLE, reviewer.role)]);
  return identity();
}

/** The reviewer's key pair, created at the first sign-off (one at a time, so only once). */
export async function signingKeys(): Promise<{ keys: CryptoKeyPair; fingerprint: string }> {
  const keys = await serially(KEYS, async () => {
    const stored = await getSetting<CryptoKeyPair>(KEYS);
    if (stored) return stored;
    const created = await createKeyPair();
    await putSetting(KEYS, created);
    return created;
  });
  return { keys, fingerprint: await fingerprintOf(await publicJwk(keys.publicKey)) };
}

export async function configuredLevels(): Promise<{ levels: Level[]; custom: boolean }> {
  const stored = LevelsFileSchema.safeParse(await getSetting(LEVELS));
  return stored.success
    ? { levels: stored.data.levels, custom: true }
    : { levels: DEFAULT_LEVELS, custom: false };
}

/** Stores the organisation's levels (null: the defaults again); throws what is wrong. */
export async function setLevels(levels: Level[] | null): Promise<void> {
  if (levels === null) return putSetting(LEVELS, undefined);

  const file = LevelsFileSchema.safeParse({ lectern: 'levels', version: 1, levels });
  if (!file.success) {
    const issue = file.error.issues[0];
    throw new Error(`These levels cannot be saved (${issue.path.join('.')}: ${issue.message}).`);
  }
  await putSetting(LEVELS, file.data);
}

export async function trustedKeys(): Promise<TrustedKey[]> {
  return (await getSetting<TrustedKey[]>(TRUSTED)) ?? [];
}

export async function setTrustedKeys(keys: TrustedKey[]): Promise<void> {
  await putSetting(TRUSTED, keys.length ? keys : undefined);
}
