// "What changed since the last release": every fact delta between the draft and the matter's
// latest earlier release, judged by nobody, so the spokesperson writes the update line on
// purpose. The background computes it (the panel never analyses text); it is fetched when the
// section is open and again whenever the draft's review changes.
import { useEffect, useState } from 'preact/hooks';

import type { FactChange, FactChanges, FactSide } from '@/lib/fact-changes';
import { sendMessage } from '@/lib/messaging';

interface Props {
  tabId: number;
  draftKey: string;
  /** the draft's last review; a new one refreshes the list */
  updatedAt: number;
}

type Load =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; changes: FactChanges }
  | { status: 'failed'; message: string };

const STATUS_NAMES: Record<FactChange['status'], string> = {
  changed: 'Changed',
  new: 'New in this draft',
  dropped: 'Not repeated',
  same: 'Unchanged',
};

export function Changes({ tabId, draftKey, updatedAt }: Props) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ status: 'idle' });

  useEffect(() => {
    if (!open) return undefined;
    let current = true;
    setLoad((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    sendMessage('getChanges', { tabId, draftKey }).then(
      (changes) => current && setLoad({ status: 'ready', changes }),
      (e: Error) => current && setLoad({ status: 'failed', message: e.message }),
    );
    return () => {
      current = false;
    };
  }, [open, tabId, draftKey, updatedAt]);

  return (
    <details
      class="changes"
      data-testid="changes"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>What changed since the last release</summary>
      <ChangesBody load={load} />
    </details>
  );
}

function ChangesBody({ load }: { load: Load }) {
  if (load.status === 'idle' || load.status === 'loading') return <p class="muted">Comparing…</p>;
  if (load.status === 'failed') {
    return (
      <p class="form-error" role="alert">
        {load.message}
      </p>
    );
  }
  const { since, changes } = load.changes;
  if (!since) {
    return (
      <p class="muted" data-testid="no-prior">
        No earlier release on this matter is in the archive. Add earlier releases in Lectern's
        options, or mark a draft as released once it goes out.
      </p>
    );
  }
  const deltas = changes.filter((c) => c.status !== 'same');
  const same = changes.filter((c) => c.status === 'same');
  return (
    <>
      <p class="muted" data-testid="since">
        Compared with <strong>{since.source}</strong>
        {since.date ? `, ${since.date}` : ''}
        {since.matter ? ` (matter: ${since.matter})` : ''}.
      </p>
      {deltas.length === 0 ? (
        <p class="muted">No fact differs from that release.</p>
      ) : (
        <ul class="deltas">
          {deltas.map((c) => (
            <Delta key={c.key} change={c} />
          ))}
        </ul>
      )}
      {same.length > 0 && (
        <details>
          <summary>Unchanged ({same.length})</summary>
          <ul class="deltas">
            {same.map((c) => (
              <Delta key={c.key} change={c} />
            ))}
          </ul>
        </details>
      )}
      {deltas.length > 0 && <Summary since={since} deltas={deltas} />}
    </>
  );
}

function Delta({ change: c }: { change: FactChange }) {
  return (
    <li class={`delta delta-${c.status}`} data-testid="delta" data-status={c.status}>
      <p class="delta-head">
        <span class="delta-status">
          {c.earlier
            ? c.earlier.value === c.after[0]?.value
              ? 'Restated from an earlier release'
              : 'Not in the last release'
            : STATUS_NAMES[c.status]}
        </span>{' '}
        {c.label}
      </p>
      <p class="delta-values">
        <Values sides={c.before} empty="—" />
        <span aria-label="now"> → </span>
        <Values sides={c.after} empty="not in this draft" />
      </p>
      {c.earlier && (
        <p class="muted">
          Last stated in {c.earlier.source}
          {c.earlier.date ? ` (${c.earlier.date})` : ''}: <strong>{c.earlier.value}</strong>{' '}
          <q>{c.earlier.excerpt}</q>
        </p>
      )}
      {c.after.some((s) => s.framing) && (
        <p class="muted">
          The draft says so ({c.after.find((s) => s.framing)?.framing}): check it names the old
          value, the new one and why.
        </p>
      )}
    </li>
  );
}

function Values({ sides, empty }: { sides: FactSide[]; empty: string }) {
  if (sides.length === 0) return <span class="muted">{empty}</span>;
  return (
    <>
      {sides.map((s, i) => (
        <span key={i} class="delta-value" title={`“${s.excerpt}”`}>
          {i > 0 && ', '}
          <strong>{s.value}</strong> <q>{s.excerpt}</q>
        </span>
      ))}
    </>
  );
}

/** The deltas as plain lines, to copy into a note for whoever writes the update line. */
function Summary({
  since,
  deltas,
}: {
  since: NonNullable<FactChanges['since']>;
  deltas: FactChange[];
}) {
  const [copied, setCopied] = useState(false);
  const values = (sides: FactSide[]) => sides.map((s) => s.value).join(', ') || 'none';
  const text = [
    `Since ${since.source}${since.date ? ` (${since.date})` : ''}:`,
    ...deltas.map(
      (c) => `- ${c.label}: ${values(c.before)} → ${values(c.after)} (${STATUS_NAMES[c.status]})`,
    ),
  ].join('\n');
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy the list of changes'}
      </button>
    </p>
  );
}
