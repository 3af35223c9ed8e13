// A diff between two texts: removed words struck through, added words underlined, and long
// unchanged stretches cut to their ends so the changes stay in view in a narrow panel.
import type { DiffPart } from '@/lib/history/versions';

import { plural } from './format';

interface Props {
  parts: DiffPart[];
  /** characters of unchanged text kept on each side of a change */
  context?: number;
  testId?: string;
}

export function DiffView({ parts, context = 80, testId = 'diff' }: Props) {
  const changed = parts.some((p) => p.added || p.removed);
  if (!changed) return <p class="muted">No differences.</p>;
  return (
    <p class="diff" data-testid={testId}>
      {parts.map((p, i) => {
        if (p.removed) return <del key={i}>{p.value}</del>;
        if (p.added) return <ins key={i}>{p.value}</ins>;
        return <span key={i}>{trim(p.value, context, i === 0, i === parts.length - 1)}</span>;
      })}
    </p>
  );
}

export function DiffLegend({ added, removed }: { added: number; removed: number }) {
  return (
    <p class="diff-legend muted">
      <ins>{plural(added, 'word')} added</ins> · <del>{plural(removed, 'word')} removed</del>
    </p>
  );
}

/** Keeps `context` characters next to each change, cut at a space so no word is halved. */
function trim(text: string, context: number, first: boolean, last: boolean): string {
  if (text.length <= context * 2 + 10) return text;
  const head = first ? '' : text.slice(0, text.indexOf(' ', context) + 1 || context);
  const tailFrom = text.lastIndexOf(' ', text.length - context);
  const tail = last ? '' : text.slice(tailFrom === -1 ? -context : tailFrom + 1);
  return `${head}…${tail ? ' ' : ''}${tail}`;
}
