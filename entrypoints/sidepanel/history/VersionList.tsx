// The versions, newest first, with time, size, grade and why each was kept.
import { useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';
import type { HistoryView, VersionView } from '@/lib/review/view';

import { GRADE_NAMES } from '../labels';
import { copyText } from '../review/clipboard';
import { iso, messageOf, when } from '../review/format';

const REASONS: Record<VersionView['reason'], string> = {
  typing: 'while typing',
  manual: 'saved',
  'sign-off': 'signed',
  import: 'record imported',
};

interface Props {
  history: HistoryView;
  draftKey: string;
  /** the two versions being compared */
  picked: string[];
  pick: (id: string) => void;
  setNotice: (text: string) => void;
}

export function VersionList({ history, draftKey, picked, pick, setNotice }: Props) {
  const [fallback, setFallback] = useState('');
  const copy = async (v: VersionView) => {
    try {
      const { text } = await sendMessage('getVersionText', { draftKey, id: v.id });
      if (await copyText(text)) {
        setFallback('');
        setNotice(`The version of ${when(v.at)} is on the clipboard.`);
      } else setFallback(text);
    } catch (e) {
      setNotice(messageOf(e));
    }
  };
  return (
    <>
      <ol class="versions" aria-label="Versions, newest first">
        {history.versions.map((v, i) => (
          <li key={v.id} class="version" data-testid="version" data-reason={v.reason}>
            <label class="version-pick">
              <input
                type="checkbox"
                checked={picked.includes(v.id)}
                onChange={() => pick(v.id)}
                aria-label={`Compare the version of ${when(v.at)}`}
              />
              <span class="version-no">#{history.versions.length - i}</span>
              <time dateTime={iso(v.at)}>{when(v.at)}</time>
            </label>
            <span class="version-meta">
              {v.words} words · {v.chars} characters
              {v.grade && (
                <>
                  {' · '}
                  <span class={`grade-word grade-word-${v.grade}`}>{GRADE_NAMES[v.grade]}</span>
                </>
              )}
              {' · '}
              {REASONS[v.reason]}
              {v.signedBy.length > 0 && ` · approved by ${v.signedBy.join(', ')}`}
              {v.current && <strong> · current text</strong>}
              {' · '}
              <button
                type="button"
                class="link"
                onClick={() => void copy(v)}
                aria-label={`Copy the version of ${when(v.at)}`}
              >
                Copy
              </button>
            </span>
          </li>
        ))}
      </ol>
      {fallback && (
        <textarea
          class="block"
          readOnly
          rows={6}
          value={fallback}
          aria-label="The version's text: the clipboard is not available, copy it from here"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </>
  );
}
