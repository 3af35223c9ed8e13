// One review level: where it stands for the text in the editor, its checklist (settled by the
// report, or attested by the reviewer), and the form that signs it.
import type { LevelView, ReviewView } from '@/lib/review/view';

import { DiffView } from './DiffView';
import { iso, STATE_WORDS, when } from './format';
import { SignForm } from './SignForm';
import { SignOffLine } from './SignOffLine';

interface Props {
  level: LevelView;
  view: ReviewView;
  signed: (next: ReviewView) => void;
}

export function LevelCard({ level, view, signed }: Props) {
  return (
    <article
      class={`level level-${level.state}`}
      data-testid="level"
      data-level={level.id}
      data-state={level.state}
      aria-labelledby={`level-${level.id}`}
    >
      <header class="level-head">
        <h3 id={`level-${level.id}`}>
          {level.id} · {level.name}
        </h3>
        <span class={`state state-${level.state}`} data-testid="level-state">
          {STATE_WORDS[level.state]}
        </span>
      </header>
      <p class="muted level-role">
        {level.role}
        {level.after.length > 0 && ` · signs after ${level.after.join(', ')}`}
        {!level.required && ' · not required at this grade'}
      </p>
      <Standing level={level} />
      {level.cannotSign ? (
        <>
          <Checklist level={level} />
          <p class="cannot" data-testid="cannot-sign">
            {level.state === 'waiting' && level.cannotSign.includes('must approve')
              ? `${level.id} can sign once ${level.on?.join(' and ')} approved this text.`
              : `You cannot sign ${level.id} now: ${level.cannotSign}.`}
          </p>
        </>
      ) : level.state === 'approved' ? (
        <>
          <Checklist level={level} />
          <details class="sign-again">
            <summary>Record another decision on {level.id}</summary>
            <SignForm level={level} view={view} signed={signed} />
          </details>
        </>
      ) : (
        <SignForm level={level} view={view} signed={signed} />
      )}
    </article>
  );
}

function Standing({ level }: { level: LevelView }) {
  const s = level.signOff;
  if (!s) return null;
  return (
    <div class="standing" data-testid="standing">
      <SignOffLine signOff={s} />
      {level.state === 'stale' && level.staleReason === 'text-changed' && (
        <StaleDiff level={level} />
      )}
      {level.state === 'stale' && level.staleReason === 'earlier-level' && (
        <p class="stale-why" data-testid="stale-why">
          Stale: this approval rests on {level.on?.join(' and ')}, which no longer{' '}
          {level.on?.length === 1 ? 'stands' : 'stand'}. It counts again once{' '}
          {level.on?.length === 1 ? 'that level approves' : 'they approve'} this text.
        </p>
      )}
      {level.state === 'returned' && level.signedOtherText && (
        <p class="muted">That decision was about an earlier text; the level can sign this one.</p>
      )}
    </div>
  );
}

function StaleDiff({ level }: { level: LevelView }) {
  return (
    <div class="stale" data-testid="stale">
      <p class="stale-why">
        Stale: the text changed after this approval. What changed since{' '}
        <time dateTime={iso(level.signOff!.at)}>{when(level.signOff!.at)}</time>:
      </p>
      {level.diff ? (
        <DiffView parts={level.diff} testId="stale-diff" />
      ) : (
        <p class="muted">The approved text is not stored on this computer.</p>
      )}
      <p class="muted">Undo the changes to return to the approved text, or sign again.</p>
    </div>
  );
}

/** Read-only checklist: as the standing approval left it, or for one who cannot sign now. */
export function Checklist({ level }: { level: LevelView }) {
  const count = (word: string) => level.items.filter((i) => wordOf(i) === word).length;
  const parts = ['Clear', 'Overridden', 'Confirmed', 'Open', 'Confirm']
    .map((w) => [w, count(w)] as const)
    .filter(([, n]) => n > 0)
    .map(([w, n]) => `${n} ${w === 'Confirm' ? 'to confirm' : w.toLowerCase()}`);
  return (
    <details class="checklist-box">
      <summary>Checklist: {parts.join(', ')}</summary>
      <ul class="checklist">
        {level.items.map((item) => (
          <li
            key={item.id}
            class={`item item-${item.signed ?? item.state}`}
            data-state={item.state}
          >
            <span class="item-state">{wordOf(item)}</span> {item.text}
          </li>
        ))}
      </ul>
    </details>
  );
}

function wordOf(item: LevelView['items'][number]): string {
  if (item.signed) return item.signed === 'overridden' ? 'Overridden' : 'Confirmed';
  return ITEM_WORDS[item.state];
}

export const ITEM_WORDS = { clear: 'Clear', open: 'Open', attest: 'Confirm' } as const;

/** Items the report settles with no finding left: listed on request, they need no one. */
export function ClearItems({ level }: { level: LevelView }) {
  const clear = level.items.filter((i) => i.state === 'clear');
  if (clear.length === 0) return null;
  return (
    <details class="clear-items">
      <summary>{clear.length} items clear: the review found nothing against them</summary>
      <ul class="checklist">
        {clear.map((item) => (
          <li key={item.id} class="item item-clear" data-state="clear">
            <span class="item-state">{ITEM_WORDS.clear}</span> {item.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
