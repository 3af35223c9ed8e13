// The marks of one review in the page: where each finding is in the editor now, painted as CSS
// highlights (contenteditable) or over a mirror (textarea), and a tooltip when the pointer or the
// caret is on one. Each new report maps the marks afresh; between reports the live ranges (and
// the mirror's edit shifting) carry them along with the user's typing.
import { deepActiveElement, selectionIn, type Editor } from './editor';
import { Highlights, type Severity } from './highlights';
import { readEditorIncrementally } from './incremental';
import { TextareaOverlay } from './overlay';
import { toDomPosition, toValueOffset, type ReadText } from './read-text';
import { locate } from './select-span';
import { Tooltip } from './tooltip';

/** One finding to mark: offsets into the text as sent, and the words the tooltip shows. */
export interface PageMark {
  start: number;
  end: number;
  excerpt: string;
  severity: Severity;
  label: string;
  message: string;
}

interface Item {
  mark: PageMark;
  /** contenteditable: a live range; textarea marks live in the overlay */
  range: Range | null;
}

/** Typing inside a mark should not pop its tooltip up; moving the caret there should. */
const TYPING_MS = 700;

export class Marks {
  private editor: Editor | null = null;
  private items: Item[] = [];
  private overlay: TextareaOverlay | null = null;
  private readonly highlights: Highlights;
  private readonly tooltip: Tooltip;
  private tipSource: 'pointer' | 'caret' | null = null;
  private point: { x: number; y: number } | null = null;
  private frame = 0;
  private lastInput = -Infinity;
  /** the mark whose tooltip Escape closed; it stays closed while the caret stays in it */
  private muted: Item | null = null;
  private readonly rewritten: MutationObserver;

  constructor(private readonly doc: Document = document) {
    this.highlights = new Highlights(doc);
    this.tooltip = new Tooltip(doc);
    this.listen(true);
    // document.open() from a page script (old iframe editors) drops every listener; put ours back.
    this.rewritten = new MutationObserver(() => this.listen(true));
    this.rewritten.observe(doc, { childList: true });
  }

  /** The editor whose marks are shown, if any. */
  get shownIn(): Editor | null {
    return this.editor;
  }

  show(editor: Editor, marks: PageMark[]): void {
    if (this.editor && this.editor.el !== editor.el) this.clear();
    this.editor = editor;
    const read = readEditorIncrementally(editor);
    const located = marks
      .map((mark) => ({ mark, at: locate(read.text, mark) }))
      .filter((m) => m.at && m.at.end > m.at.start);
    if (editor.kind === 'textarea') this.showInTextarea(editor.el, read, located);
    else this.showInContentEditable(editor.el, read, located);
    // The marks are new objects now: the tooltip follows them if the caret or pointer still is on one.
    const source = this.tipSource;
    this.hideTip();
    this.muted = null;
    if (source === 'caret') this.onCaret();
    else if (source === 'pointer') this.hover();
  }

  clear(): void {
    this.highlights.clear();
    this.overlay?.destroy();
    this.overlay = null;
    this.items = [];
    this.editor = null;
    this.hideTip();
  }

  stop(): void {
    this.clear();
    this.rewritten.disconnect();
    this.listen(false);
  }

  private showInTextarea(
    textarea: HTMLTextAreaElement,
    read: ReadText,
    located: Array<{ mark: PageMark; at: { start: number; end: number } | null }>,
  ): void {
    this.items = located.map(({ mark }) => ({ mark, range: null }));
    this.overlay ??= new TextareaOverlay(textarea);
    this.overlay.set(
      located.map(({ mark, at }, index) => ({
        start: toValueOffset(read, at!.start, 'start'),
        end: toValueOffset(read, at!.end, 'end'),
        severity: mark.severity,
        index,
      })),
    );
  }

  private showInContentEditable(
    host: HTMLElement,
    read: ReadText,
    located: Array<{ mark: PageMark; at: { start: number; end: number } | null }>,
  ): void {
    this.items = [];
    const painted: Array<{ range: Range; severity: Severity }> = [];
    for (const { mark, at } of located) {
      const range = this.doc.createRange();
      try {
        const from = toDomPosition(read, host, at!.start, 'start');
        const to = toDomPosition(read, host, at!.end, 'end');
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
      } catch {
        continue;
      }
      this.items.push({ mark, range });
      painted.push({ range, severity: mark.severity });
    }
    const root = host.getRootNode();
    this.highlights.paint(painted, root instanceof ShadowRoot ? root : this.doc);
  }

  // ---- the tooltip ------------------------------------------------------------------------

  private listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    const opts = { capture: true, passive: true };
    this.doc[method]('mousemove', this.onPointer, opts);
    this.doc[method]('mouseleave', this.onLeave, opts);
    this.doc[method]('scroll', this.onScroll, opts);
    this.doc[method]('input', this.onInput, opts);
    this.doc[method]('keydown', this.onKey, opts);
    this.doc[method]('selectionchange', this.onCaret, opts);
    this.doc[method]('keyup', this.onCaret, opts);
    this.doc[method]('mouseup', this.onCaret, opts);
    this.doc[method]('focusin', this.onCaret, opts);
    this.doc[method]('focusout', this.onBlur, opts);
  }

  private readonly onPointer = (event: Event): void => {
    if (this.items.length === 0) return;
    const { clientX: x, clientY: y } = event as MouseEvent;
    this.point = { x, y };
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.hover());
  };

  private readonly onLeave = (): void => {
    if (this.tipSource === 'pointer') this.hideTip();
  };

  private readonly onScroll = (): void => {
    if (this.tipSource === 'pointer') this.hideTip();
  };

  private readonly onInput = (): void => {
    this.lastInput = performance.now();
    this.hideTip();
  };

  private readonly onKey = (event: Event): void => {
    if ((event as KeyboardEvent).key !== 'Escape' || !this.tipSource) return;
    this.muted = (this.tooltip.shownFor as Item | null) ?? null;
    this.hideTip();
  };

  private readonly onBlur = (): void => {
    if (this.tipSource === 'caret') this.hideTip();
  };

  private readonly onCaret = (): void => {
    if (this.items.length === 0 || performance.now() - this.lastInput < TYPING_MS) return;
    const index = this.markAtCaret();
    if (this.muted && this.items[index] === this.muted) return;
    this.muted = null;
    if (index === -1) {
      if (this.tipSource === 'caret') this.hideTip();
      return;
    }
    const box = this.boxes(index)[0];
    if (box) this.showTip(index, box, 'caret');
  };

  private hover(): void {
    const point = this.point;
    if (!point) return;
    for (let i = 0; i < this.items.length; i++) {
      const box = this.boxes(i).find((r) => contains(r, point.x, point.y));
      if (box) return this.showTip(i, box, 'pointer');
    }
    if (this.tipSource === 'pointer') this.hideTip();
  }

  private showTip(index: number, box: DOMRect, source: 'pointer' | 'caret'): void {
    const { severity, label, message } = this.items[index].mark;
    this.tooltip.show(this.items[index], { severity, label, message }, box);
    this.tipSource = source;
  }

  private hideTip(): void {
    this.tooltip.hide();
    this.tipSource = null;
  }

  private boxes(index: number): DOMRect[] {
    const item = this.items[index];
    if (item.range) return [...item.range.getClientRects()];
    return this.overlay?.rects(index) ?? [];
  }

  private markAtCaret(): number {
    const editor = this.editor;
    const active = deepActiveElement(this.doc);
    if (!editor || !active) return -1;
    if (editor.kind === 'textarea') {
      if (active !== editor.el || editor.el.selectionStart !== editor.el.selectionEnd) return -1;
      return this.overlay?.markContaining(editor.el.selectionStart) ?? -1;
    }
    if (!editor.el.contains(active) && active !== editor.el) return -1;
    const selection = selectionIn(active);
    if (!selection?.isCollapsed || !selection.focusNode) return -1;
    const { focusNode, focusOffset } = selection;
    return this.items.findIndex((item) => {
      try {
        return (
          !!item.range && !item.range.collapsed && item.range.isPointInRange(focusNode, focusOffset)
        );
      } catch {
        return false;
      }
    });
  }
}

function contains(r: DOMRect, x: number, y: number): boolean {
  return x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;
}
