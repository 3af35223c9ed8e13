// Feeding the archive from the panel: the published release the user is looking at, or the
// draft once it goes out. Either way later drafts are checked against it.
import { useState } from 'preact/hooks';

import { sendMessage, type PanelState, type ReleaseSummary } from '@/lib/messaging';

interface Props {
  state: PanelState;
  setNotice: (text: string) => void;
  act: (task: () => Promise<PanelState | void>) => Promise<void>;
}

export function ArchiveActions({ state, setNotice, act }: Props) {
  const [matter, setMatter] = useState('');
  const added = (r: ReleaseSummary) =>
    setNotice(`Added “${r.source}”${r.date ? ` (${r.date})` : ''} to the archive.`);
  const withMatter = matter.trim() ? { matter: matter.trim() } : {};
  return (
    <details class="archive-actions" data-testid="archive-actions">
      <summary>Archive of earlier releases</summary>
      <p class="muted">
        Drafts are checked against the releases in the archive. Manage it in Lectern's{' '}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          options
        </button>
        .
      </p>
      <label class="field">
        Matter (optional; leave empty to let Lectern match by names and places)
        <input value={matter} onInput={(e) => setMatter(e.currentTarget.value)} />
      </label>
      <div class="buttons">
        <button
          type="button"
          data-testid="capture-page"
          onClick={() =>
            act(async () =>
              added(await sendMessage('capturePage', { tabId: state.tabId, ...withMatter })),
            )
          }
        >
          Add this page to the archive
        </button>
        {state.draft && (
          <button
            type="button"
            data-testid="mark-released"
            onClick={() =>
              act(async () =>
                added(
                  await sendMessage('markReleased', {
                    tabId: state.tabId,
                    draftKey: state.draft!.key,
                    ...withMatter,
                  }),
                ),
              )
            }
          >
            Mark this draft as released
          </button>
        )}
      </div>
    </details>
  );
}
