// Values back into the words a press officer would check them against.

/** "2:15 a.m.", "noon", "8 p.m." (AP style) for minutes after midnight. */
export function formatClock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  if (m === 720) return 'noon';
  if (m === 0) return 'midnight';
  const h = Math.floor(m / 60);
  const min = m % 60;
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${min ? `:${String(min).padStart(2, '0')}` : ''} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

/** "Tuesday, May 6" for a day number (days since the epoch). */
export function formatDay(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}
