// Two versions side by side in one text: what was removed and what was added, by word or by
// sentence (a sentence diff shows which statements changed, a word diff what exactly).
import { useEffect, useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';
import type { CompareView, HistoryView } from '@/lib/review/view';

import { DiffLegend, DiffView } from '../review/DiffView';
import { messageOf, when } from '../review/format';

interface Props {
  draftKey: string;
  history: HistoryView;
  /** older first */
  pair: string[];
}

export function Compare({ draftKey, history, pair }: Props) {
  const [by, setBy] = useState<'word' | 'sentence'>('word');
  const [result, setResult] = useState<CompareView | string | null>(null);
  const [from, to] = pair;

  useEffect(() => {
    let live = true;
    sendMessage('compareVersions', { draftKey, from, to, by }).then(
      (r) => live && setResult(r),
      (e) => live && setResult(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [draftKey, from, to, by, history]);

  const label = (id: string) => {
    const i = history.versions.findIndex((v) => v.id === id);
    return `#${history.versions.length - i} (${when(history.versions[i].at)})`;
  };
  return (
    <section class="compare" aria-labelledby="compare-heading" data-testid="compare">
      <h3 id="compare-heading">
        Changes from {label(from)} to {label(to)}
      </h3>
      <fieldset class="by">
        <legend class="visually-hidden">Compare by</legend>
        {(['word', 'sentence'] as const).map((b) => (
          <label key={b}>
            <input type="radio" name="compare-by" checked={by === b} onChange={() => setBy(b)} />
            {b === 'word' ? 'Words' : 'Sentences'}
          </label>
        ))}
      </fieldset>
      {typeof result === 'string' && <p class="form-error">{result}</p>}
      {result && typeof result !== 'string' && (
        <>
          <DiffLegend added={result.added} removed={result.removed} />
          <DiffView parts={result.parts} testId="compare-diff" />
        </>
      )}
    </section>
  );
}
