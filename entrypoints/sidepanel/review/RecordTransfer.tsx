// The review record that travels: a JSON file, or a block of text for an email or a CMS note.
// Importing one attaches it to the draft whose text it was made for, on whatever page that
// draft lives, and says plainly when no stored draft has that text or the record was altered.
import { useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';
import type { ImportOutcome } from '@/lib/review/view';

import { copyText, downloadText } from './clipboard';
import { messageOf } from './format';

interface Props {
  draftKey: string;
  imported: () => void;
}

export function RecordTransfer({ draftKey, imported }: Props) {
  return (
    <section class="record" aria-labelledby="record-heading">
      <h3 id="record-heading">Share the review</h3>
      <p class="muted">
        The record holds the levels, sign-offs, comments, overrides, dismissals and the text’s
        SHA-256, not the text itself. Each sign-off is signed, so a record edited by hand fails.
      </p>
      <ExportButtons draftKey={draftKey} />
      <ImportForm draftKey={draftKey} imported={imported} />
    </section>
  );
}

function ExportButtons({ draftKey }: { draftKey: string }) {
  const [block, setBlock] = useState('');
  const [said, say] = useState('');
  const download = async () => {
    try {
      const r = await sendMessage('exportReview', { draftKey });
      downloadText(r.fileName, r.json, 'application/json');
      say(`Saved ${r.fileName}.`);
    } catch (e) {
      say(messageOf(e));
    }
  };
  const copy = async () => {
    try {
      const r = await sendMessage('exportReview', { draftKey });
      setBlock(r.block);
      say(
        (await copyText(r.block))
          ? 'The review block is on the clipboard; paste it into the email or note.'
          : 'Copy the block below into the email or note.',
      );
    } catch (e) {
      say(messageOf(e));
    }
  };
  return (
    <>
      <div class="buttons">
        <button type="button" onClick={() => void download()}>
          Download record (.json)
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy as text block
        </button>
      </div>
      {said && (
        <p class="muted" role="status" data-testid="export-status">
          {said}
        </p>
      )}
      {block && (
        <textarea
          class="block"
          readOnly
          rows={6}
          value={block}
          aria-label="Review record as a text block"
          data-testid="record-block"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </>
  );
}

/** An import's answer, numbered so a repeated message still reads as a new answer. */
type Outcome = (ImportOutcome | { ok: false; message: string }) & { seq: number };

function ImportForm({ draftKey, imported }: Props) {
  const [pasted, setPasted] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (input: string) => {
    const seq = (outcome?.seq ?? 0) + 1;
    try {
      const result = await sendMessage('importReview', { input, draftKey });
      setOutcome({ ...result, seq });
      if (result.ok) imported();
    } catch (e) {
      setOutcome({ ok: false, message: messageOf(e), seq });
    }
  };
  return (
    <details class="import">
      <summary>Import a review record</summary>
      <label class="field">
        A record file (.json)
        <input
          type="file"
          accept=".json,application/json,text/plain"
          data-testid="import-file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file) await run(await file.text());
            e.currentTarget.value = '';
          }}
        />
      </label>
      <label class="field">
        Or paste the block from an email
        <textarea
          rows={4}
          value={pasted}
          data-testid="import-text"
          onInput={(e) => setPasted(e.currentTarget.value)}
        />
      </label>
      <div class="buttons">
        <button type="button" disabled={!pasted.trim()} onClick={() => void run(pasted)}>
          Import pasted record
        </button>
      </div>
      {outcome && (
        <p
          class={outcome.ok ? 'import-ok' : 'form-error'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="import-result"
          data-ok={String(outcome.ok)}
          data-seq={outcome.seq}
        >
          {outcome.message}
        </p>
      )}
    </details>
  );
}
