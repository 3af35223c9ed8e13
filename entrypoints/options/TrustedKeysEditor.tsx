// The organisation's list of reviewers' keys. A sign-off by a key on the list shows as verified;
// any other key, however valid its signature, shows as unverified. Each reviewer copies their
// key entry from the panel's Review tab; whoever keeps the list collects them into one file.
import { useEffect, useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';
import { mergeKeys, parseTrustedKeys, trustedKeysFile, type TrustedKey } from '@/lib/review/trust';

import { downloadJson, today } from '../sidepanel/download';
import { StatusLine, useStatus } from './status';

export function TrustedKeysEditor() {
  const [keys, setKeys] = useState<TrustedKey[]>([]);
  const [pasted, setPasted] = useState('');
  const { status, say, fail } = useStatus();

  useEffect(() => {
    sendMessage('getReviewSettings', undefined).then((s) => setKeys(s.trusted), fail);
  }, [fail]);

  const store = async (next: TrustedKey[], note: string) => {
    try {
      setKeys((await sendMessage('setTrustedKeys', { keys: next })).trusted);
      say(note);
    } catch (e) {
      fail(e);
    }
  };
  const add = async (input: string, from: string) => {
    const parsed = parseTrustedKeys(input);
    if (!parsed.ok) return fail(`${from}: ${parsed.reason}`);
    const merged = mergeKeys(keys, parsed.keys);
    await store(
      merged,
      `${parsed.keys.length} keys read from ${from}; the list has ${merged.length}.`,
    );
    setPasted('');
  };

  return (
    <section aria-labelledby="keys-heading" data-testid="trusted-keys">
      <h2 id="keys-heading">Trusted reviewers’ keys</h2>
      <p class="muted">
        {keys.length
          ? `${keys.length} ${keys.length === 1 ? 'key' : 'keys'}. Sign-offs made with other keys show as unverified.`
          : 'No list yet: every sign-off made in another browser shows as unverified.'}
      </p>
      {keys.length > 0 && (
        <table class="releases">
          <thead>
            <tr>
              <th>Reviewer</th>
              <th>Key fingerprint</th>
              <th>
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.fingerprint} data-testid="trusted-key">
                <td>
                  {k.name || '(no name)'}
                  {k.role && `, ${k.role}`}
                </td>
                <td>
                  <code class="fingerprint">{k.fingerprint}</code>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void store(
                        keys.filter((x) => x.fingerprint !== k.fingerprint),
                        `Removed ${k.name || k.fingerprint}.`,
                      )
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label class="field">
        Paste key entries, a key list, or fingerprints (one per line, a name after each)
        <textarea
          rows={3}
          value={pasted}
          data-testid="trusted-keys-input"
          onInput={(e) => setPasted(e.currentTarget.value)}
        />
      </label>
      <div class="buttons">
        <button
          type="button"
          disabled={!pasted.trim()}
          onClick={() => void add(pasted, 'the pasted text')}
        >
          Add pasted keys
        </button>
        <label class="file-button">
          Import a key list file
          <input
            type="file"
            accept=".json,.txt,application/json,text/plain"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) await add(await file.text(), file.name);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <button
          type="button"
          disabled={keys.length === 0}
          onClick={() =>
            downloadJson(`lectern-trusted-keys-${today()}.json`, trustedKeysFile(keys))
          }
        >
          Export the list
        </button>
      </div>
      <StatusLine status={status} testId="trusted-keys-status" />
    </section>
  );
}
