// How many versions of each draft to keep. Lowering the limit removes the oldest versions beyond
// it at once, and says how many; a text a sign-off approved is never removed.
import { useEffect, useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';

import { StatusLine, useStatus } from './status';

export function HistoryLimit() {
  const [max, setMax] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const { status, say, fail } = useStatus();

  useEffect(() => {
    sendMessage('getReviewSettings', undefined).then((s) => {
      setMax(String(s.maxVersions));
      setSaved(s.maxVersions);
    }, fail);
  }, [fail]);

  const save = async (e: Event) => {
    e.preventDefault();
    const value = Number(max);
    if (saved !== null && value < saved && !confirm(lowerWarning(value))) return;
    try {
      const r = await sendMessage('setMaxVersions', { max: value });
      setSaved(r.settings.maxVersions);
      say(
        r.removed
          ? `Saved. ${r.removed} older versions were removed to stay within ${value}.`
          : `Saved. Up to ${value} versions of each draft are kept.`,
      );
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="history-limit-heading">
      <h2 id="history-limit-heading">Version history</h2>
      <form onSubmit={save}>
        <label class="field">
          Versions kept per draft (5 to 5,000; signed versions are always kept)
          <input
            type="number"
            min={5}
            max={5000}
            required
            value={max}
            data-testid="max-versions"
            onInput={(e) => setMax(e.currentTarget.value)}
          />
        </label>
        <div class="buttons">
          <button type="submit">Save limit</button>
        </div>
      </form>
      <StatusLine status={status} testId="history-limit-status" />
    </section>
  );
}

function lowerWarning(value: number): string {
  return `Keep at most ${value} versions per draft? Older unsigned versions beyond that are removed now.`;
}
