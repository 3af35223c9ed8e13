// Dismissed findings stay listed for reviewers, with who dismissed them, when and why; one
// click restores a finding. The record exports as the file the CLI's --dismissals reads.
import { useState } from 'preact/hooks';

import type { Finding } from '@/lib/engine/types';
import { sendMessage, type PanelState } from '@/lib/messaging';

import { downloadJson, today } from './download';
import { categoryName, SEVERITY_NAMES } from './labels';

export interface DismissActions {
  dismiss(finding: Finding, reason: string, by: string): Promise<void>;
  restore(finding: Finding): Promise<void>;
  exportRecord(): Promise<void>;
}

type Act = (task: () => Promise<PanelState | void>) => Promise<void>;

/** The panel's dismissal actions for one draft; errors reach the panel's notice through act. */
export function dismissActions(tabId: number, draftKey: string, act: Act): DismissActions {
  const ref = (f: Finding) => ({
    tabId,
    draftKey,
    rule: f.rule,
    excerpt: f.excerpt,
    start: f.start,
    end: f.end,
  });
  return {
    dismiss: (f, reason, by) => act(() => sendMessage('dismissFinding', { ...ref(f), reason, by })),
    restore: (f) => act(() => sendMessage('restoreFinding', ref(f))),
    exportRecord: () =>
      act(async () => {
        const record = await sendMessage('getDismissals', { draftKey });
        downloadJson(`lectern-dismissals-${today()}.json`, record);
      }),
  };
}

export function Dismissed({
  findings,
  actions,
}: {
  findings: Finding[];
  actions?: DismissActions;
}) {
  if (findings.length === 0) return null;
  return (
    <details class="dismissed-list" data-testid="dismissed">
      <summary>Dismissed ({findings.length})</summary>
      <ul>
        {findings.map((f) => (
          <DismissedItem key={`${f.rule}:${f.start}:${f.end}`} finding={f} actions={actions} />
        ))}
      </ul>
      {actions && (
        <button type="button" onClick={() => void actions.exportRecord()}>
          Export dismissals
        </button>
      )}
    </details>
  );
}

function DismissedItem({ finding: f, actions }: { finding: Finding; actions?: DismissActions }) {
  const [busy, setBusy] = useState(false);
  const d = f.dismissed!;
  return (
    <li class="finding finding-dismissed" data-testid="dismissed-finding" data-rule={f.rule}>
      <p class="finding-head">
        <span class={`severity severity-${f.severity}`}>{SEVERITY_NAMES[f.severity]}</span>
        <span class="category">{categoryName(f.category)}</span>
        {f.excerpt && <q class="excerpt">{f.excerpt}</q>}
      </p>
      <p class="dismissal" data-testid="dismissal">
        <strong>Reason:</strong> {d.reason}
        <br />
        <span class="muted">
          Dismissed by {d.by}, <time dateTime={d.at}>{when(d.at)}</time>
        </span>
      </p>
      {actions && (
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await actions.restore(f);
            setBusy(false);
          }}
        >
          Restore
        </button>
      )}
    </li>
  );
}

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The reviewer's name as the background keeps it; null until the user gives one. */
export async function reviewerName(): Promise<string | null> {
  try {
    return (await sendMessage('getReviewer', undefined)).name;
  } catch {
    return null;
  }
}
