// The user's data: everything Lectern keeps, exported as one file, and the drafts and their
// reports deleted on request (the archive and the vocabulary stay; they have their own
// controls above).
import { useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';

import { downloadJson, today } from '../sidepanel/download';
import { StatusLine, useStatus } from './status';

export function DataSection() {
  const [confirming, setConfirming] = useState(false);
  const { status, say, fail } = useStatus();
  return (
    <section aria-labelledby="data-heading" data-testid="data">
      <h2 id="data-heading">Your data</h2>
      <p class="muted">
        Drafts, their reviews and dismissals, the archive, the vocabulary and your name are kept in
        this browser profile only.
      </p>
      <div class="buttons">
        <button
          type="button"
          onClick={async () => {
            try {
              downloadJson(
                `lectern-export-${today()}.json`,
                await sendMessage('exportAll', undefined),
              );
              say('Exported everything Lectern keeps.');
            } catch (err) {
              fail(err);
            }
          }}
        >
          Export everything
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                setConfirming(false);
                try {
                  const { deleted } = await sendMessage('deleteAllDrafts', undefined);
                  say(
                    `Deleted ${deleted} ${deleted === 1 ? 'draft' : 'drafts'} and their reviews.`,
                  );
                } catch (err) {
                  fail(err);
                }
              }}
            >
              Yes, delete all drafts
            </button>
            <button type="button" class="link" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Delete all drafts and reports…
          </button>
        )}
      </div>
      <StatusLine status={status} testId="data-status" />
    </section>
  );
}
