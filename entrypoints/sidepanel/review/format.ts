// Words and times for the review and history tabs. States are words first; colour repeats them.
import type { LevelState } from '@/lib/review/view';
import type { Trust } from '@/lib/review/trust';

export const STATE_WORDS: Record<LevelState, string> = {
  approved: 'Approved',
  stale: 'Stale',
  returned: 'Returned',
  open: 'Open',
  waiting: 'Waiting',
};

export const TRUST_WORDS: Record<Trust, string> = {
  own: 'signed with this browser’s key',
  trusted: 'verified: key on the organisation’s list',
  unverified: 'unverified: key not on the organisation’s list',
  invalid: 'signature does not match: altered',
};

/** "14:02" today, "3 Mar 14:02" otherwise; the full ISO time is in the title. */
export function when(at: string | number): string {
  const d = new Date(at);
  const today = new Date().toDateString() === d.toDateString();
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return today ? time : `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}

export function iso(at: string | number): string {
  return new Date(at).toISOString();
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
