// Marks over a <textarea>, whose text no range can reach: a mirror of the textarea in Lectern's
// closed shadow root, laid exactly over it with the same font, padding, borders, wrapping and
// scroll, its text transparent and only the marked spans coloured. Nothing is added to the
// textarea or its parents, and the mirror lets every click through.
import { COLOURS, SEVERITIES, type Severity } from './highlights';
import { lecternRoot, type LecternRoot } from './host';

export interface ValueMark {
  /** offsets into the textarea's value */
  start: number;
  end: number;
  severity: Severity;
  /** index of the mark it stands for, for the tooltip */
  index: number;
}

/** Properties that decide where each character is drawn. */
const COPIED = [
  'box-sizing',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'font-stretch',
  'font-kerning',
  'font-feature-settings',
  'font-variation-settings',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-indent',
  'text-transform',
  'text-align',
  'text-rendering',
  'tab-size',
  'direction',
  'unicode-bidi',
  'writing-mode',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-right-style',
  'border-bottom-style',
  'border-left-style',
  'white-space',
  'overflow-wrap',
  'word-break',
  'hyphens',
];

const CSS = `
.mirror { position: absolute; overflow: hidden; color: transparent; pointer-events: none;
  border-color: transparent !important; background: transparent; margin: 0; }
.mirror span { border-radius: 2px; }
${SEVERITIES.map(
  (s, i) =>
    `.mirror span[data-s="${i}"] { background-color: ${COLOURS[s].fill}; text-decoration: underline ${COLOURS[s].style} ${COLOURS[s].line}; text-decoration-skip-ink: none; }`,
).join('\n')}
`;

export class TextareaOverlay {
  readonly el: HTMLDivElement;
  private marks: ValueMark[] = [];
  private value: string;
  private frame = 0;
  private readonly owner: LecternRoot;
  private readonly resize: ResizeObserver;
  private readonly attributes: MutationObserver;
  private readonly doc: Document;

  constructor(readonly textarea: HTMLTextAreaElement) {
    this.doc = textarea.ownerDocument;
    this.owner = lecternRoot(this.doc, this, CSS);
    this.el = this.doc.createElement('div');
    this.el.className = 'mirror';
    this.el.setAttribute('aria-hidden', 'true');
    this.owner.root.appendChild(this.el);
    this.value = textarea.value;

    const view = this.doc.defaultView ?? window;
    this.resize = new view.ResizeObserver(this.schedule);
    this.resize.observe(textarea);
    // Font, padding and wrapping can change through the textarea's own attributes.
    this.attributes = new view.MutationObserver(this.schedule);
    this.attributes.observe(textarea, {
      attributes: true,
      attributeFilter: ['style', 'class', 'wrap', 'rows', 'cols', 'dir'],
    });
    textarea.addEventListener('input', this.onInput);
    textarea.addEventListener('scroll', this.onScroll, { passive: true });
    view.addEventListener('resize', this.schedule);
    this.doc.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    this.doc.fonts?.addEventListener('loadingdone', this.schedule);
  }

  set(marks: ValueMark[]): void {
    this.marks = marks;
    this.value = this.textarea.value;
    this.sync();
  }

  /** The marks' boxes on screen, for hover and for scrolling to a mark. */
  rects(index: number): DOMRect[] {
    const span = this.el.querySelector(`span[data-i="${index}"]`);
    return span ? [...span.getClientRects()] : [];
  }

  /** The mark's top relative to the textarea's content, to scroll the textarea to it. */
  offsetTop(index: number): number | null {
    const span = this.el.querySelector<HTMLElement>(`span[data-i="${index}"]`);
    return span ? span.offsetTop : null;
  }

  /** The index of the mark the caret is in, or -1. */
  markContaining(offset: number): number {
    return this.marks.find((m) => m.start <= offset && offset <= m.end)?.index ?? -1;
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.attributes.disconnect();
    this.textarea.removeEventListener('input', this.onInput);
    this.textarea.removeEventListener('scroll', this.onScroll);
    this.doc.defaultView?.removeEventListener('resize', this.schedule);
    this.doc.removeEventListener('scroll', this.schedule, { capture: true });
    this.doc.fonts?.removeEventListener('loadingdone', this.schedule);
    this.el.remove();
    this.owner.release();
  }

  /** Typing moves the marks after the edit and drops those it touched, until the next review. */
  private readonly onInput = (): void => {
    const next = this.textarea.value;
    this.marks = shiftMarks(this.marks, this.value, next);
    this.value = next;
    this.schedule();
  };

  private readonly onScroll = (): void => {
    this.el.scrollTop = this.textarea.scrollTop;
    this.el.scrollLeft = this.textarea.scrollLeft;
  };

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.sync());
  };

  private sync(): void {
    // A textarea taken out of the page (its size observer fires) takes its marks with it.
    if (!this.textarea.isConnected) {
      this.el.style.visibility = 'hidden';
      return;
    }
    this.place();
    this.render();
    this.onScroll();
  }

  private place(): void {
    const ta = this.textarea;
    const view = this.doc.defaultView!;
    const cs = view.getComputedStyle(ta);
    const style = this.el.style;
    for (const name of COPIED) style.setProperty(name, cs.getPropertyValue(name));
    // A textarea wraps long words; pre-wrap keeps its spaces and newlines as typed.
    if (cs.whiteSpace === 'normal' || cs.whiteSpace === 'nowrap') style.whiteSpace = 'pre-wrap';
    if (ta.getAttribute('wrap') === 'off') style.whiteSpace = 'pre';
    const rect = ta.getBoundingClientRect();
    const origin = (this.owner.root.host as HTMLElement).getBoundingClientRect();
    style.left = `${rect.left - origin.left}px`;
    style.top = `${rect.top - origin.top}px`;
    style.width = `${rect.width}px`;
    style.height = `${rect.height}px`;
    style.boxSizing = 'border-box';
    // The textarea's scrollbars take room from its text; the mirror has none, so pad instead.
    const scrollbarX =
      ta.offsetWidth - ta.clientWidth - px(cs.borderLeftWidth) - px(cs.borderRightWidth);
    const scrollbarY =
      ta.offsetHeight - ta.clientHeight - px(cs.borderTopWidth) - px(cs.borderBottomWidth);
    style.paddingRight = `${px(cs.paddingRight) + Math.max(0, scrollbarX)}px`;
    style.paddingBottom = `${px(cs.paddingBottom) + Math.max(0, scrollbarY)}px`;
    style.visibility = this.covered(rect) ? 'hidden' : 'visible';
  }

  /** A dialog or menu drawn over the textarea hides it; the marks must not show through. */
  private covered(rect: DOMRect): boolean {
    const x = rect.left + rect.width / 2;
    const y = rect.top + Math.min(rect.height / 2, 10);
    const view = this.doc.defaultView!;
    if (x < 0 || y < 0 || x > view.innerWidth || y > view.innerHeight) return false;
    let hit = this.doc.elementFromPoint(x, y);
    while (hit?.shadowRoot && hit !== this.textarea) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return (
      hit !== null &&
      hit !== this.textarea &&
      !this.textarea.contains(hit) &&
      !isHostOf(hit, this.textarea)
    );
  }

  private render(): void {
    const text = this.value;
    const nodes: Node[] = [];
    let at = 0;
    for (const mark of [...this.marks].sort((a, b) => a.start - b.start)) {
      if (mark.start < at || mark.end > text.length || mark.end <= mark.start) continue;
      if (mark.start > at) nodes.push(this.doc.createTextNode(text.slice(at, mark.start)));
      const span = this.doc.createElement('span');
      span.dataset.s = String(SEVERITIES.indexOf(mark.severity));
      span.dataset.i = String(mark.index);
      span.textContent = text.slice(mark.start, mark.end);
      nodes.push(span);
      at = mark.end;
    }
    // A final newline makes a line in a textarea but not in a div; the extra break keeps both
    // the same height so their scroll ranges match.
    nodes.push(this.doc.createTextNode(text.slice(at) + (text.endsWith('\n') ? ' ' : '')));
    this.el.replaceChildren(...nodes);
  }
}

/** Marks before an edit stay, marks after it move by its length, marks it touched are dropped. */
export function shiftMarks(marks: ValueMark[], before: string, after: string): ValueMark[] {
  if (before === after) return marks;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const kept: ValueMark[] = [];
  for (const mark of marks) {
    if (mark.end <= prefix) kept.push(mark);
    else if (mark.start >= editEnd)
      kept.push({ ...mark, start: mark.start + delta, end: mark.end + delta });
  }
  return kept;
}

function px(value: string): number {
  return parseFloat(value) || 0;
}

function isHostOf(el: Element, inner: Element): boolean {
  for (let root = inner.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (root.host === el) return true;
  }
  return false;
}
