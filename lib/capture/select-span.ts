// Selecting a finding's span in the page's editor: the only time Lectern moves the caret, and
// only because the user asked. Nothing in the editor's DOM or text is changed.
import { selectionIn, type Editor } from './editor';
import { readEditorIncrementally } from './incremental';
import { TextareaOverlay } from './overlay';
import { toDomPosition, toValueOffset, type DomPosition, type ReadText } from './read-text';

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
  const read = readEditorIncrementally(editor);
  const found = locate(read.text, span);
  if (!found) return false;

  if (editor.kind === 'textarea') selectInTextarea(editor.el, read, found);
  else selectInContentEditable(editor.el, read, found);
  return true;
}

function selectInTextarea(el: HTMLTextAreaElement, read: ReadText, span: Span): void {
  const start = toValueOffset(read, span.start, 'start');
  const end = toValueOffset(read, span.end, 'end');
  el.focus({ preventScroll: true });
  el.setSelectionRange(start, end, 'forward');
  scrollTextareaTo(el, start, end);
  el.scrollIntoView({ block: 'nearest' });
}

/** Brings the span to the middle of a scrolled textarea, measured on a mirror of it. */
function scrollTextareaTo(el: HTMLTextAreaElement, start: number, end: number): void {
  if (el.scrollHeight <= el.clientHeight) return;
  const probe = new TextareaOverlay(el);
  probe.set([{ start, end, severity: 'info', index: 0 }]);
  const top = probe.offsetTop(0);
  probe.destroy();
  if (top !== null) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
}

function selectInContentEditable(host: HTMLElement, read: ReadText, span: Span): void {
  const from = toDomPosition(read, host, span.start, 'start');
  const to = toDomPosition(read, host, span.end, 'end');
  // In a block editor the host is not editable itself; focus the block the span starts in.
  const start = from.node instanceof Element ? from.node : from.node.parentElement;
  const target = start?.closest<HTMLElement>('[contenteditable]') ?? host;
  target.focus({ preventScroll: true });
  const selection = selectionIn(host);
  selection?.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  revealRange(host, from, to, start);
}

/** Scrolls the span to the middle of the view when it is out of sight; a visible one stays put. */
function revealRange(
  host: HTMLElement,
  from: DomPosition,
  to: DomPosition,
  anchor: Element | null,
): void {
  const range = host.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const box = range.getBoundingClientRect();
  const view = host.ownerDocument.defaultView!;
  const visible = box.height > 0 && box.top >= 0 && box.bottom <= view.innerHeight;
  if (!visible) anchor?.scrollIntoView({ block: 'center' });
}
