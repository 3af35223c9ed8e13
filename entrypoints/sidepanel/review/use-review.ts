// The draft's review as the background computes it, fetched again whenever the panel's state
// for the draft changes (a keystroke, a dismissal, a new context), and replaced directly by
// the answer of an action such as a sign-off.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import type { PanelState } from '@/lib/messaging';
import { sendMessage } from '@/lib/messaging';
import type { ReviewView } from '@/lib/review/view';

import { messageOf } from './format';

export type ReviewLoad =
  | { status: 'loading' }
  | { status: 'ready'; review: ReviewView }
  | { status: 'failed'; message: string };

export function useReview(draft: NonNullable<PanelState['draft']>) {
  const [load, setLoad] = useState<ReviewLoad>({ status: 'loading' });
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const review = await sendMessage('getReview', { draftKey: draft.key });
      if (ticket === latest.current) setLoad({ status: 'ready', review });
    } catch (e) {
      if (ticket === latest.current) setLoad({ status: 'failed', message: messageOf(e) });
    }
  }, [draft.key]);

  useEffect(() => {
    void refresh();
  }, [refresh, draft]);

  const replace = useCallback((review: ReviewView) => {
    latest.current++;
    setLoad({ status: 'ready', review });
  }, []);

  return { load, refresh, replace };
}
