// Reading an editor's plain text with a map back to DOM positions. For contenteditable the text
// is built here from text nodes and block/<br> boundaries instead of innerText, whose offsets
// cannot be mapped back: every character of the result comes from one place in the DOM.
import type { Editor } from './editor';

/** text[start, end) is node.data[offset, offset + end - start), or synthetic newlines at (node, offset). */
export interface Run {
  start: number;
  end: number;
  node: Node;
  offset: number;
  synthetic: boolean;
}

export interface ReadText {
  text: string;
  /** empty for a textarea, whose value offsets are already the text offsets */
  runs: Run[];
}

export interface DomPosition {
  node: Node;
  offset: number;
}

const BLOCKS = new Set(
  (
    'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table ' +
    'tbody thead tfoot tr td th ul'
  ).split(' '),
);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);
const COLLAPSIBLE = /[ \t\n\r\f]/;
const PRESERVED = new Set(['pre', 'pre-wrap', 'pre-line', 'break-spaces']);

export function readEditor(editor: Editor): ReadText {
  if (editor.kind === 'textarea') return { text: editor.el.value, runs: [] };
  return readContentEditable(editor.el);
}

export function readContentEditable(host: HTMLElement, preserveSpaces = preserves(host)): ReadText {
  const reader = new Reader(host, preserveSpaces);
  reader.walk(host);
  return { text: reader.out, runs: reader.runs };
}

function preserves(host: HTMLElement): boolean {
  const view = host.ownerDocument.defaultView;
  return PRESERVED.has(view?.getComputedStyle(host).whiteSpace ?? '');
}

/** 'start' resolves a boundary forwards (into the next run), 'end' backwards. */
export function toDomPosition(
  read: ReadText,
  host: Node,
  offset: number,
  affinity: 'start' | 'end',
): DomPosition {
  for (const run of read.runs) {
    const inside =
      affinity === 'start'
        ? run.start <= offset && offset < run.end
        : run.start < offset && offset <= run.end;
    if (!inside) continue;
    if (run.synthetic) return { node: run.node, offset: run.offset };
    return { node: run.node, offset: run.offset + offset - run.start };
  }
  return offset <= 0 ? { node: host, offset: 0 } : { node: host, offset: host.childNodes.length };
}

class Reader {
  out = '';
  runs: Run[] = [];
  /** a line break is owed before the next content (a block ended or began) */
  private pending = false;
  /** something, if only an empty line, has been written */
  private hasContent = false;
  /** the current line has text, so a final <br> in its block is only a placeholder */
  private lineHasText = false;
  /** a collapsed run of white space, written as one space if text follows on the line */
  private space: { node: Text; offset: number } | null = null;
  /** the DOM position just after the last character written */
  private last: DomPosition;

  constructor(
    private readonly host: HTMLElement,
    private readonly preserveSpaces: boolean,
  ) {
    this.last = { node: host, offset: 0 };
  }

  walk(parent: Node): void {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) this.text(child as Text);
      else if (child instanceof Element) this.element(child);
    }
  }

  private element(el: Element): void {
    const tag = el.localName;
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') return this.lineBreak(el);
    if (!BLOCKS.has(tag)) return this.walk(el);

    this.endLine();
    this.walk(el);
    this.endLine();
  }

  /** A block boundary: the line ends here, the newline is written before the next content. */
  private endLine(): void {
    this.pending = true;
    this.lineHasText = false;
  }

  private text(node: Text): void {
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      const from = i;
      if (!this.preserveSpaces && COLLAPSIBLE.test(data[i])) {
        while (i < data.length && COLLAPSIBLE.test(data[i])) i++;
        // Written only if more text follows on this line, as a browser renders it.
        if (this.lineHasText && !this.pending) this.space ??= { node, offset: from };
        continue;
      }
      while (i < data.length && (this.preserveSpaces || !COLLAPSIBLE.test(data[i]))) i++;
      this.emit(data.slice(from, i), node, from);
    }
  }

  /** Non-breaking spaces become plain spaces: same length, so offsets still map. */
  private emit(chunk: string, node: Text, offset: number): void {
    this.flushBreak();
    this.flushSpace();
    const start = this.out.length;
    this.out += chunk.replace(/\u00a0/g, ' ');
    this.runs.push({ start, end: this.out.length, node, offset, synthetic: false });
    this.last = { node, offset: offset + chunk.length };
    this.hasContent = true;
    this.lineHasText = true;
  }

  private flushBreak(): void {
    if (this.pending) this.space = null;
    if (this.pending && this.hasContent) this.newline(this.last);
    this.pending = false;
  }

  private flushSpace(): void {
    const space = this.space;
    if (!space) return;
    this.space = null;
    const start = this.out.length;
    this.out += ' ';
    this.runs.push({ start, end: start + 1, ...space, synthetic: false });
  }

  private newline(at: DomPosition): void {
    const start = this.out.length;
    this.out += '\n';
    this.runs.push({ start, end: start + 1, node: at.node, offset: at.offset, synthetic: true });
    this.lineHasText = false;
  }

  private lineBreak(br: Element): void {
    const endsLine = !followedByContent(br, this.blockOf(br));
    if (endsLine && this.lineHasText) return; // the placeholder <br> browsers keep at a block's end

    this.space = null;
    this.flushBreak();
    if (endsLine) {
      this.hasContent = true; // an empty line: <div><br></div>
      return;
    }
    const parent = br.parentNode!;
    const before = { node: parent, offset: [...parent.childNodes].indexOf(br as ChildNode) };
    this.newline(before);
    this.last = { node: parent, offset: before.offset + 1 };
    this.hasContent = true;
  }

  private blockOf(el: Element): Element {
    for (let cur = el.parentElement; cur && cur !== this.host; cur = cur.parentElement) {
      if (BLOCKS.has(cur.localName)) return cur;
    }
    return this.host;
  }
}

/** Text, another <br> or an image after `br` within its block keeps the line going. */
function followedByContent(br: Element, block: Element): boolean {
  const doc = br.ownerDocument;
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  walker.currentNode = br;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      if (/[^ \t\n\r\f]/.test((n as Text).data)) return true;
      continue;
    }
    const tag = (n as Element).localName;
    if (BLOCKS.has(tag)) return false;
    if (tag === 'br' || tag === 'img') return true;
  }
  return false;
}
