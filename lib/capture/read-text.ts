// Reading an editor's plain text with a map back to DOM positions. For contenteditable the text
// is built here from text nodes and block/<br> boundaries instead of innerText, whose offsets
// cannot be mapped back: every character of the result comes from one place in the DOM.
// The draft is what the user writes: quoted replies, signatures, placeholders and editor
// furniture (carets, fillers, widget handles) are left out.
import type { Editor } from './editor';

/**
 * text[start, end) is node.data[offset, offset + end - start), or synthetic newlines at
 * (node, offset). For a textarea, node is the textarea and offset indexes its value.
 */
export interface Run {
  start: number;
  end: number;
  node: Node;
  offset: number;
  synthetic: boolean;
}

export interface ReadText {
  text: string;
  /** contiguous and sorted: every character of text lies in exactly one run */
  runs: Run[];
}

export interface DomPosition {
  node: Node;
  offset: number;
}

export interface ReadOptions {
  /** white-space is preserved (pre, pre-wrap…), as in CodeMirror */
  preserveSpaces?: boolean;
  /** a block editor's root: only text inside its editables counts */
  blocks?: boolean;
}

const BLOCKS = new Set(
  (
    'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table ' +
    'tbody thead tfoot tr td th ul'
  ).split(' '),
);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'input', 'select', 'button']);
const COLLAPSIBLE = /[ \t\n\r\f]/;
/** TinyMCE's caret container (U+FEFF) and CKEditor's inline filler (U+2060): not the user's. */
const FILLER = /[\uFEFF\u2060]/;
const PRESERVED = new Set(['pre', 'pre-wrap', 'pre-line', 'break-spaces']);

/**
 * Not part of the draft: webmail quoted replies and signatures (Gmail, Thunderbird, Apple Mail,
 * Outlook, Yahoo), CodeMirror's placeholder, TinyMCE's and CKEditor's UI inside the editable.
 * A plain <blockquote> stays: in a release it is usually someone being quoted.
 */
const NOT_DRAFT = [
  '.gmail_quote',
  '.gmail_signature',
  '[data-smartmail="gmail_signature"]',
  'blockquote[type="cite" i]',
  '.moz-cite-prefix',
  '.moz-signature',
  '.yahoo_quoted',
  '.signature',
  '#Signature',
  '#signature',
  '.cm-placeholder',
  '[data-mce-bogus="all"]',
  '.ck-fake-selection-container',
  '.ck-widget__type-around',
  '.ck-widget__selection-handle',
  '.ck-widget__resizer',
  '[contenteditable="false"][aria-hidden="true"]',
].join(',');
/** Outlook puts the quoted message after these, as siblings: nothing after them is the draft. */
const QUOTE_FOLLOWS = '#appendonsend, #divRplyFwdMsg, #x_divRplyFwdMsg';

export function readEditor(editor: Editor): ReadText {
  if (editor.kind === 'textarea') return readTextarea(editor.el);
  return readContentEditable(editor.el, { blocks: editor.blocks });
}

export function readTextarea(el: HTMLTextAreaElement): ReadText {
  const value = el.value;
  const whole = value
    ? [{ start: 0, end: value.length, node: el, offset: 0, synthetic: false }]
    : [];
  return withoutQuotes({ text: value, runs: whole });
}

export function readContentEditable(
  host: HTMLElement,
  options: ReadOptions | boolean = {},
  cache?: ChunkCache,
): ReadText {
  const opts = typeof options === 'boolean' ? { preserveSpaces: options } : options;
  const preserve = opts.preserveSpaces ?? preserves(host);
  const chunks = chunksOf(host, preserve, !!opts.blocks, cache);
  return withoutQuotes(join(chunks, host));
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
  const run = runAt(read.runs, offset, affinity);
  if (!run) {
    return offset <= 0 ? { node: host, offset: 0 } : { node: host, offset: host.childNodes.length };
  }
  if (run.synthetic) return { node: run.node, offset: run.offset };
  return { node: run.node, offset: run.offset + offset - run.start };
}

/** Where a text offset lies in a textarea's value (the same unless quotes were left out). */
export function toValueOffset(read: ReadText, offset: number, affinity: 'start' | 'end'): number {
  const run = runAt(read.runs, offset, affinity);
  if (run) return run.offset + offset - run.start;
  const last = read.runs.at(-1);
  return offset <= 0 || !last ? 0 : last.offset + last.end - last.start;
}

/** Binary search: long drafts have thousands of runs and a report maps hundreds of spans. */
function runAt(runs: Run[], offset: number, affinity: 'start' | 'end'): Run | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid];
    const before = affinity === 'start' ? offset < run.start : offset <= run.start;
    const after = affinity === 'start' ? offset >= run.end : offset > run.end;
    if (before) hi = mid - 1;
    else if (after) lo = mid + 1;
    else return run;
  }
  return undefined;
}

// ---- chunks: a host's top-level blocks, each read on its own so unchanged ones can be reused

export interface Chunk {
  text: string;
  /** offsets relative to the chunk */
  runs: Run[];
  /** wrote text or an empty line, so it is separated from the chunks around it */
  hasContent: boolean;
  /** the DOM position after its last character, if it wrote any */
  last?: DomPosition;
  /** it met the start of a quoted message: nothing after it is the draft */
  stops: boolean;
}

/** Chunks of unchanged top-level blocks, kept by an incremental reader (see incremental.ts). */
export interface ChunkCache {
  get(node: Node): Chunk | undefined;
  set(node: Node, chunk: Chunk): void;
}

function chunksOf(
  host: HTMLElement,
  preserve: boolean,
  blocks: boolean,
  cache?: ChunkCache,
): Chunk[] {
  if (!splittable(host, preserve, blocks)) return [readChunk(host, host, preserve, blocks, true)];
  const chunks: Chunk[] = [];
  for (const child of host.childNodes) {
    if (!(child instanceof Element)) continue;
    let chunk = cache?.get(child);
    if (!chunk) {
      chunk = readChunk(host, child, preserve, blocks, false);
      cache?.set(child, chunk);
    }
    chunks.push(chunk);
    if (chunk.stops) break;
  }
  return chunks;
}

/** Block children (and white space between them) read alike one by one or all at once. */
function splittable(host: HTMLElement, preserve: boolean, blocks: boolean): boolean {
  for (const child of host.childNodes) {
    if (child instanceof Element) {
      if (!blocks && !BLOCKS.has(child.localName) && !SKIPPED.has(child.localName)) return false;
    } else if (child.nodeType === Node.TEXT_NODE) {
      if (!blocks && (preserve || /[^ \t\n\r\f]/.test((child as Text).data))) return false;
    }
  }
  return true;
}

function readChunk(
  host: HTMLElement,
  node: Node,
  preserve: boolean,
  blocks: boolean,
  whole: boolean,
): Chunk {
  const reader = new Reader(host, preserve, blocks);
  if (whole) reader.walk(node);
  else reader.element(node as Element);
  return {
    text: reader.out,
    runs: reader.runs,
    hasContent: reader.hasContent,
    last: reader.wrote ? reader.last : undefined,
    stops: reader.stopped,
  };
}

function join(chunks: Chunk[], host: Node): ReadText {
  if (chunks.length === 1) return { text: chunks[0].text, runs: chunks[0].runs };
  const parts: string[] = [];
  const runs: Run[] = [];
  let length = 0;
  let last: DomPosition = { node: host, offset: 0 };
  let any = false;
  for (const chunk of chunks) {
    if (!chunk.hasContent) continue;
    if (any) {
      runs.push({
        start: length,
        end: length + 1,
        node: last.node,
        offset: last.offset,
        synthetic: true,
      });
      parts.push('\n');
      length++;
    }
    for (const r of chunk.runs) runs.push({ ...r, start: r.start + length, end: r.end + length });
    parts.push(chunk.text);
    length += chunk.text.length;
    last = chunk.last ?? last;
    any = true;
  }
  return { text: parts.join(''), runs };
}

class Reader {
  out = '';
  runs: Run[] = [];
  /** something, if only an empty line, has been written */
  hasContent = false;
  /** at least one character came from a text node */
  wrote = false;
  /** a quoted message starts here; nothing after it is read */
  stopped = false;
  /** the DOM position just after the last character written */
  last: DomPosition;
  /** a line break is owed before the next content (a block ended or began) */
  private pending = false;
  /** the current line has text, so a final <br> in its block is only a placeholder */
  private lineHasText = false;
  /** a collapsed run of white space, written as one space if text follows on the line */
  private space: { node: Text; offset: number } | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly preserveSpaces: boolean,
    private readonly blocks: boolean,
  ) {
    this.last = { node: host, offset: 0 };
  }

  walk(parent: Node): void {
    for (const child of parent.childNodes) {
      if (this.stopped) return;
      if (child.nodeType === Node.TEXT_NODE) this.text(child as Text);
      else if (child instanceof Element) this.element(child);
    }
  }

  element(el: Element): void {
    const tag = el.localName;
    if (SKIPPED.has(tag) || el.matches(NOT_DRAFT)) return;
    if (el.matches(QUOTE_FOLLOWS)) {
      this.stopped = true;
      return;
    }
    if (tag === 'br') return this.lineBreak(el);
    // In a block editor every element outside the editables is a boundary between blocks.
    const block = BLOCKS.has(tag) || (this.blocks && !(el as HTMLElement).isContentEditable);
    if (!block) return this.walk(el);

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
    if (this.blocks && !node.parentElement?.isContentEditable) return;
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      if (FILLER.test(data[i])) {
        i++;
        continue;
      }
      const from = i;
      if (!this.preserveSpaces && COLLAPSIBLE.test(data[i])) {
        while (i < data.length && COLLAPSIBLE.test(data[i])) i++;
        // Written only if more text follows on this line, as a browser renders it.
        if (this.lineHasText && !this.pending) this.space ??= { node, offset: from };
        continue;
      }
      while (
        i < data.length &&
        !FILLER.test(data[i]) &&
        (this.preserveSpaces || !COLLAPSIBLE.test(data[i]))
      ) {
        i++;
      }
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
    this.wrote = true;
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
      if (/[^ \t\n\r\f\uFEFF\u2060]/.test((n as Text).data)) return true;
      continue;
    }
    const tag = (n as Element).localName;
    if (BLOCKS.has(tag)) return false;
    if (tag === 'br' || tag === 'img') return true;
  }
  return false;
}

// ---- quoted replies and signatures in the text itself (plain-text mail, pasted replies) ----

/** "-- " (RFC 3676) or "--" alone on a line, after the first line: a signature follows. */
const SIGNATURE = /^-- ?$/;
const ORIGINAL = /^-{2,}\s*(Original Message|Forwarded message)\s*-{2,}$/i;
/** "On Tue, 3 Mar 2026, Jane <jane@example.org> wrote:" introducing a quoted block. */
const ATTRIBUTION = /^(On\b.{4,300}\bwrote|.{1,200}\bschrieb|Le\b.{4,300}\ba écrit)\s?:\s*$/i;

function quoted(text: string, lineStart: number): boolean {
  return text.charAt(lineStart) === '>';
}

/**
 * Drops a quoted reply (attribution + ">" lines), everything from a signature line on, and blank
 * lines at the end.
 */
export function withoutQuotes(read: ReadText): ReadText {
  const keep = bodySegments(read.text);
  if (keep.length === 1 && keep[0][0] === 0 && keep[0][1] === read.text.length) return read;
  return slice(read, keep);
}

function bodySegments(text: string): Array<[number, number]> {
  const keep: Array<[number, number]> = [];
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const { start, end, next } = lines[i];
    const line = text.slice(start, end);
    if (i > 0 && (SIGNATURE.test(line) || ORIGINAL.test(line))) {
      // The newline before the cut line goes too.
      if (keep.length && keep[keep.length - 1][1] === start) keep[keep.length - 1][1] = start - 1;
      break;
    }
    if (ATTRIBUTION.test(line) && i + 1 < lines.length && quoted(text, lines[i + 1].start)) {
      let j = i + 1;
      while (j < lines.length && quoted(text, lines[j].start)) j++;
      i = j - 1;
      continue;
    }
    if (keep.length && keep[keep.length - 1][1] === start) keep[keep.length - 1][1] = next;
    else keep.push([start, next]);
  }
  // Blank lines at the end (before a signature, or a block's trailing break) are no one's text.
  const last = keep[keep.length - 1];
  while (last && last[1] > last[0] && text[last[1] - 1] === '\n') last[1]--;
  return keep;
}

function linesOf(text: string): Array<{ start: number; end: number; next: number }> {
  const lines = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      lines.push({ start, end: text.length, next: text.length });
      return lines;
    }
    lines.push({ start, end: nl, next: nl + 1 });
    start = nl + 1;
  }
}

/** The text of the kept segments, with runs cut and shifted to match. */
function slice(read: ReadText, keep: Array<[number, number]>): ReadText {
  let text = '';
  const runs: Run[] = [];
  for (const [from, to] of keep) {
    if (to <= from) continue;
    const shift = text.length - from;
    text += read.text.slice(from, to);
    for (const run of read.runs) {
      const start = Math.max(run.start, from);
      const end = Math.min(run.end, to);
      if (start >= end) continue;
      const offset = run.synthetic ? run.offset : run.offset + start - run.start;
      runs.push({
        start: start + shift,
        end: end + shift,
        node: run.node,
        offset,
        synthetic: run.synthetic,
      });
    }
  }
  return { text, runs };
}
