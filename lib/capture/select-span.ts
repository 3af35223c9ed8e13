// Selecting a finding's span in the page's editor: the only time Lectern moves the caret, and
// only because the user asked. Nothing in the editor's DOM or text is changed.
import type { Editor } from './editor';
import { readEditor, toDomPosition, type ReadText } from './read-text';

export interface Span {
  start: number;
  end: number;
  excerpt: string;
}

/** Where the excerpt is now: the text may have moved since the review that found it. */
export function locate(text: string, span: Span): Span | null {
  if (text.slice(span.start, span.end) === span.excerpt) return span;
  if (!span.excerpt) return null;

  let best = -1;
  for (let i = text.indexOf(span.excerpt); i !== -1; i = text.indexOf(span.excerpt, i + 1)) {
    if (best === -1 || Math.abs(i - span.start) < Math.abs(best - span.start)) best = i;
  }
  return best === -1 ? null : { ...span, start: best, end: best + span.excerpt.length };
}

export function selectSpan(editor: Editor, span: Span): boolean {
  const read = readEditor(editor);
  const found = locate(read.text, span);
  if (!found) return false;

  if (editor.kind === 'textarea') selectInTextarea(editor.el, found);
  else selectInContentEditable(editor.el, read, found);
  return true;
}

function selectInTextarea(el: HTMLTextAreaElement, span: Span): void {
  el.focus({ preventScroll: true });
  el.setSelectionRange(span.start, span.end, 'forward');
  el.scrollIntoView({ block: 'nearest' });
}

function selectInContentEditable(host: HTMLElement, read: ReadText, span: Span): void {
  const from = toDomPosition(read, host, span.start, 'start');
  const to = toDomPosition(read, host, span.end, 'end');
  host.focus({ preventScroll: true });
  const selection = selectionFor(host);
  selection?.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  const anchor = from.node instanceof Element ? from.node : from.node.parentElement;
  anchor?.scrollIntoView({ block: 'nearest' });
}

/** Chrome exposes a shadow tree's selection on its root; the document's works elsewhere. */
function selectionFor(host: HTMLElement): Selection | null {
  const root = host.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') {
    return root.getSelection();
  }
  return host.ownerDocument.getSelection();
}
