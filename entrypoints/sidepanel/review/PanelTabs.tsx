// Findings | Review | History. The "sent ≠ approved" notice sits above the tabs, so it is in
// view whichever tab is open: the draft in the page is not the text every level approved.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

import type { PanelState } from '@/lib/messaging';

import { HistoryTab } from '../history/HistoryTab';
import { ApprovalNotice } from './ApprovalNotice';
import { ReviewTab } from './ReviewTab';
import { useReview } from './use-review';
import './review.css';

type Tab = 'findings' | 'review' | 'history';

const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'findings', label: 'Findings' },
  { id: 'review', label: 'Review' },
  { id: 'history', label: 'History' },
];

const REMEMBER = 'lectern.panelTab';

interface Props {
  state: PanelState;
  setNotice: (text: string) => void;
  /** the findings tab: what the panel showed before it had tabs */
  children: ComponentChildren;
}

export function PanelTabs({ state, setNotice, children }: Props) {
  const draft = state.draft!;
  const [tab, setTab] = useState<Tab>(() => remembered());
  const review = useReview(draft);
  const choose = (next: Tab) => {
    sessionStorage.setItem(REMEMBER, next);
    setTab(next);
  };
  return (
    <>
      {review.load.status === 'ready' && (
        <ApprovalNotice
          approval={review.load.review.approval}
          openReview={() => choose('review')}
        />
      )}
      <nav class="tabs" role="tablist" aria-label="Panel sections">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            class={tab === t.id ? 'tab tab-current' : 'tab'}
            onClick={() => choose(t.id)}
            onKeyDown={(e) => {
              const next = arrowTarget(e.key, t.id);
              if (!next) return;
              e.preventDefault();
              choose(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t.label}
            {t.id === 'review' && <ReviewBadge load={review.load} />}
          </button>
        ))}
      </nav>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'findings' && children}
        {tab === 'review' && <ReviewTab draft={draft} review={review} setNotice={setNotice} />}
        {tab === 'history' && <HistoryTab draft={draft} setNotice={setNotice} />}
      </div>
    </>
  );
}

/** "2/5": approved of the levels required at this grade. */
function ReviewBadge({ load }: { load: ReturnType<typeof useReview>['load'] }) {
  if (load.status !== 'ready') return null;
  const required = load.review.levels.filter((l) => l.required);
  const approved = required.filter((l) => l.state === 'approved').length;
  return (
    <span
      class="tab-count"
      aria-label={`${approved} of ${required.length} required levels approved`}
    >
      {approved}/{required.length}
    </span>
  );
}

/** The WAI-ARIA tabs pattern: arrows move between tabs, Home and End jump to the ends. */
function arrowTarget(key: string, from: Tab): Tab | undefined {
  const i = TABS.findIndex((t) => t.id === from);
  const at: Record<string, number> = {
    ArrowRight: (i + 1) % TABS.length,
    ArrowLeft: (i - 1 + TABS.length) % TABS.length,
    Home: 0,
    End: TABS.length - 1,
  };
  return key in at ? TABS[at[key]].id : undefined;
}

function remembered(): Tab {
  const stored = sessionStorage.getItem(REMEMBER);
  return TABS.some((t) => t.id === stored) ? (stored as Tab) : 'findings';
}
