// The audit trail: a read-only timeline of the review, to download as Markdown or open as a
// plain page for printing.
import { useEffect, useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';
import type { AuditKind } from '@/lib/review/audit';
import type { AuditView } from '@/lib/review/view';

import { downloadText } from '../review/clipboard';
import { iso, messageOf, when } from '../review/format';
import { printPage } from './print-view';

export const KIND_WORDS: Record<AuditKind, string> = {
  version: 'Version',
  grade: 'Grade',
  approve: 'Approved',
  return: 'Returned',
  override: 'Override',
  dismissal: 'Dismissed',
  import: 'Imported',
};

interface Props {
  draftKey: string;
  /** anything whose change means the trail may have grown */
  version: unknown;
}

export function AuditTrail({ draftKey, version }: Props) {
  const [audit, setAudit] = useState<AuditView | string | null>(null);

  useEffect(() => {
    let live = true;
    sendMessage('getAudit', { draftKey }).then(
      (a) => live && setAudit(a),
      (e) => live && setAudit(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [draftKey, version]);

  if (audit === null) return null;
  if (typeof audit === 'string') return <p class="form-error">{audit}</p>;
  const print = () => {
    const url = URL.createObjectURL(new Blob([printPage(audit)], { type: 'text/html' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <section class="audit" aria-labelledby="audit-heading" data-testid="audit">
      <h3 id="audit-heading">Audit trail</h3>
      <div class="buttons">
        <button
          type="button"
          onClick={() => downloadText(fileName(audit), audit.markdown, 'text/markdown')}
        >
          Download as Markdown
        </button>
        <button type="button" onClick={print}>
          Open print view
        </button>
      </div>
      <ol class="timeline">
        {[...audit.events].reverse().map((e, i) => (
          <li key={i} class={`event event-${e.kind}`} data-testid="audit-event" data-kind={e.kind}>
            <span class="event-kind">{KIND_WORDS[e.kind]}</span>{' '}
            <time dateTime={iso(e.at)}>{when(e.at)}</time>
            <p class="event-title">{e.title}</p>
            {e.details.length > 0 && (
              <ul class="event-details">
                {e.details.map((d, j) => (
                  <li key={j}>{d}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function fileName(audit: AuditView): string {
  const slug = audit.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `lectern-audit-${slug.slice(0, 40) || 'draft'}-${new Date().toISOString().slice(0, 10)}.md`;
}
