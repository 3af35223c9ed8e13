// The history tab: the draft's versions (kept while typing, at each sign-off, on request), any
// two compared word by word or sentence by sentence, a version copied back, and the audit trail.
import { useCallback, useEffect, useState } from 'preact/hooks';

import { sendMessage, type PanelState } from '@/lib/messaging';
import type { HistoryView } from '@/lib/review/view';

import { messageOf, plural } from '../review/format';
import { AuditTrail } from './AuditTrail';
import { Compare } from './Compare';
import { VersionList } from './VersionList';

interface Props {
  draft: NonNullable<PanelState['draft']>;
  setNotice: (text: string) => void;
}

export function HistoryTab({ draft, setNotice }: Props) {
  const [history, setHistory] = useState<HistoryView | null>(null);
  const [error, setError] = useState('');
  const [picked, setPicked] = useState<string[]>([]);

  const load = useCallback(async () => {
    try {
      setHistory(await sendMessage('getHistory', { draftKey: draft.key }));
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  }, [draft.key]);

  useEffect(() => {
    void load();
  }, [load, draft]);

  const save = async () => {
    try {
      setHistory(await sendMessage('saveVersion', { draftKey: draft.key }));
      setNotice('Version saved.');
    } catch (e) {
      setNotice(messageOf(e));
    }
  };

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!history) return <p class="empty">Loading the history…</p>;
  const pair = comparePair(history, picked);
  return (
    <section class="history" aria-labelledby="history-heading" data-testid="history-tab">
      <h2 id="history-heading">History</h2>
      <p class="muted" data-testid="history-summary">
        {plural(history.versions.length, 'version')} kept of at most {history.maxVersions} (set in
        Lectern’s options).
        {history.pruned > 0 &&
          ` ${plural(history.pruned, 'older version')} removed to stay within it.`}
        {history.keptOverLimit > 0 &&
          ` ${plural(history.keptOverLimit, 'signed version')} kept beyond it: approved texts are never removed.`}
      </p>
      <div class="buttons">
        <button type="button" onClick={() => void save()}>
          Save version
        </button>
      </div>
      <VersionList
        history={history}
        draftKey={draft.key}
        picked={pair}
        pick={(id) => setPicked((p) => [...p.filter((x) => x !== id), id].slice(-2))}
        setNotice={setNotice}
      />
      {pair.length === 2 && <Compare draftKey={draft.key} history={history} pair={pair} />}
      <AuditTrail draftKey={draft.key} version={history} />
    </section>
  );
}

/** The two versions to compare, oldest first: those picked, else the two newest. */
function comparePair(history: HistoryView, picked: string[]): string[] {
  const ids = history.versions.map((v) => v.id);
  const chosen = picked.filter((id) => ids.includes(id));
  const pair = chosen.length === 2 ? chosen : ids.slice(0, 2);
  return pair.sort((a, b) => ids.indexOf(b) - ids.indexOf(a));
}
