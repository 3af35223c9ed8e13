// Who signs: a name and role entered once and kept in this profile, and the fingerprint of this
// browser's signing key, which the organisation's list of trusted keys refers to.
import { useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';
import type { TrustedKey } from '@/lib/review/trust';
import type { IdentityView } from '@/lib/review/view';

import { copyText } from './clipboard';
import { messageOf } from './format';

interface Props {
  identity: IdentityView;
  onChange: () => void;
}

export function IdentityBar({ identity, onChange }: Props) {
  const complete = !!identity.reviewer?.name && !!identity.reviewer.role;
  const [editing, setEditing] = useState(!complete);
  const [said, say] = useState('');
  if (editing || !complete) {
    const done = () => {
      setEditing(false);
      onChange();
    };
    return <IdentityForm identity={identity} done={done} />;
  }
  const { name, role } = identity.reviewer!;
  const copyKey = async () => {
    const entry = JSON.stringify(keyEntry(name, role, identity.fingerprint!));
    say((await copyText(entry)) ? 'Your key entry is on the clipboard.' : entry);
  };
  return (
    <div class="identity" data-testid="identity">
      <p>
        Signing as <strong>{name}</strong>, {role}.{' '}
        {identity.fingerprint ? (
          <>
            Key <code class="fingerprint">{identity.fingerprint}</code>
          </>
        ) : (
          'A signing key is made at your first sign-off.'
        )}
      </p>
      <div class="buttons">
        <button type="button" onClick={() => setEditing(true)}>
          Change name or role
        </button>
        {identity.fingerprint && (
          <button type="button" onClick={() => void copyKey()}>
            Copy my key for the trusted list
          </button>
        )}
      </div>
      {said && <p class="muted copy-fallback">{said}</p>}
    </div>
  );
}

function IdentityForm({ identity, done }: { identity: IdentityView; done: () => void }) {
  const [name, setName] = useState(identity.reviewer?.name ?? '');
  const [role, setRole] = useState(identity.reviewer?.role ?? '');
  const [error, setError] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await sendMessage('setIdentity', { name, role });
      done();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form class="identity identity-form" onSubmit={save} data-testid="identity-form">
      <p>Sign-offs record who signed. Enter your name and role once; this browser keeps them.</p>
      <label class="field">
        Your name
        <input
          required
          autoComplete="name"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        Your role
        <input
          required
          placeholder="Head of communications"
          value={role}
          onInput={(e) => setRole(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="buttons">
        <button type="submit">Save</button>
      </div>
    </form>
  );
}

/** The entry the organisation's list of trusted keys takes (lib/review/trust reads it). */
function keyEntry(name: string, role: string, fingerprint: string): TrustedKey {
  return { fingerprint, name, role };
}
