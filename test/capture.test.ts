// @vitest-environment happy-dom
// The capture helpers on a DOM: the text read from a contenteditable region and its map back to
// DOM positions, selectors that find an editor again, and the debounced capture loop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Capture } from '@/lib/capture/capture';
import { editorAt } from '@/lib/capture/editor';
import { framePath } from '@/lib/capture/frame';
import { readContentEditable, toDomPosition, type ReadText } from '@/lib/capture/read-text';
import { locate } from '@/lib/capture/select-span';
import { resolveSelector, stableSelector } from '@/lib/capture/selector';

function host(html: string): HTMLElement {
  document.body.innerHTML = `<div id="editor" contenteditable="true">${html}</div>`;
  return document.getElementById('editor')!;
}

function read(html: string): ReadText {
  return readContentEditable(host(html), false);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readContentEditable', () => {
  it.each([
    [
      '<div>Fire at the depot</div><div>A fire broke out.</div>',
      'Fire at the depot\nA fire broke out.',
    ],
    ['First<div>Second</div><div><br></div><div>Fourth</div>', 'First\nSecond\n\nFourth'],
    ['<p>One <b>bold</b> word</p>', 'One bold word'],
    ['\n  <p>\n    Hello\n    world\n  </p>\n  <p>Next</p>\n', 'Hello world\nNext'],
    ['a<br>b', 'a\nb'],
    ['a<br>', 'a'],
    ['a<br><br>b', 'a\n\nb'],
    ['<div><br></div><div>b</div>', '\nb'],
    ['nothing&nbsp;to worry', 'nothing to worry'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['keep<script>var x = 1;</script><style>p{}</style> going', 'keep going'],
  ])('reads %j as %j', (html, text) => {
    expect(read(html).text).toBe(text);
  });

  it('keeps every space where white space is preserved', () => {
    expect(readContentEditable(host('a  b\n c'), true).text).toBe('a  b\n c');
  });
});

describe('toDomPosition', () => {
  const samples = [
    '<div>Fire at the depot</div><div>Parents should <i>not</i> be alarmed.</div>',
    '\n  <p>\n    Residents have\n    nothing to <b>worry</b> about\n  </p>',
    'a<br>b&nbsp;c<div><br></div><div>d <span>e</span></div>',
  ];

  it.each(samples)('maps every read character back to its text node in %j', (html) => {
    const result = read(html);
    const editor = document.getElementById('editor')!;

    for (let i = 0; i < result.text.length; i++) {
      const run = result.runs.find((r) => r.start <= i && i < r.end)!;
      if (run.synthetic) continue;
      const { node, offset } = toDomPosition(result, editor, i, 'start');
      const char = (node as Text).data[offset];
      expect(char === '\u00a0' ? ' ' : /\s/.test(char) ? ' ' : char).toBe(result.text[i]);
    }
  });

  it('selects exactly the excerpt across inline elements', () => {
    const result = read(samples[1]);
    const editor = document.getElementById('editor')!;
    const start = result.text.indexOf('nothing to worry about');
    const end = start + 'nothing to worry about'.length;

    const from = toDomPosition(result, editor, start, 'start');
    const to = toDomPosition(result, editor, end, 'end');
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);

    expect(range.toString().replace(/\s+/g, ' ')).toBe('nothing to worry about');
  });

  it('ends a span at the end of its line, not at the start of the next block', () => {
    const result = read(samples[0]);
    const editor = document.getElementById('editor')!;

    const to = toDomPosition(result, editor, 'Fire at the depot'.length, 'end');

    expect(to.node.textContent).toBe('Fire at the depot');
    expect(to.offset).toBe('Fire at the depot'.length);
  });
});

describe('locate', () => {
  const span = { start: 11, end: 15, excerpt: 'safe' };

  it('keeps a span whose text is still there', () => {
    expect(locate('The air is safe.', span)).toEqual(span);
  });

  it('follows text that moved, to the nearest copy', () => {
    expect(locate('Now: the air is safe, safe.', span)).toMatchObject({ start: 16, end: 20 });
  });

  it('gives up when the excerpt is gone', () => {
    expect(locate('The air is fine.', span)).toBeNull();
  });
});

describe('stableSelector', () => {
  it('prefers a unique id, then a unique name, then a path', () => {
    document.body.innerHTML =
      '<textarea id="a"></textarea><textarea name="b"></textarea><div><p></p><textarea></textarea></div>';
    const [a, b, c] = [...document.querySelectorAll('textarea')];

    expect(stableSelector(a)).toBe('#a');
    expect(stableSelector(b)).toBe('textarea[name="b"]');
    expect(resolveSelector(stableSelector(c))).toBe(c);
  });

  it('steps into open shadow roots', () => {
    document.body.innerHTML = '<x-editor id="host"></x-editor>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><div contenteditable="true"></div></div>';
    const inner = root.querySelector('[contenteditable]')!;

    const selector = stableSelector(inner);

    expect(selector).toContain(' >>> ');
    expect(resolveSelector(selector)).toBe(inner);
  });

  it('finds nothing rather than the wrong element once the editor is gone', () => {
    document.body.innerHTML = '<div><textarea></textarea></div>';
    const selector = stableSelector(document.querySelector('textarea')!);
    document.body.innerHTML = '<section><div><p></p></div></section>';

    expect(resolveSelector(selector)).toBeNull();
  });
});

describe('editorAt', () => {
  it('climbs from a nested node to the editing host', () => {
    const editor = host('<p>Hello <b>there</b></p>');

    expect(editorAt(editor.querySelector('b')!.firstChild!)).toEqual({
      kind: 'contenteditable',
      el: editor,
    });
  });

  it('ignores read-only text areas and ordinary elements', () => {
    document.body.innerHTML = '<textarea readonly></textarea><p>text</p>';

    expect(editorAt(document.querySelector('textarea')!)).toBeNull();
    expect(editorAt(document.querySelector('p')!)).toBeNull();
  });
});

describe('framePath', () => {
  it('is empty for the top document', () => {
    expect(framePath(window)).toBe('');
  });
});

describe('Capture', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function type(el: HTMLTextAreaElement, text: string): void {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  it('sends the whole text once typing pauses', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const send = vi.fn();
    new Capture({ send }).start();
    const el = document.querySelector('textarea')!;

    type(el, 'Fi');
    type(el, 'Fire');
    vi.advanceTimersByTime(299);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);

    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][1]).toBe('Fire');
  });

  it('sends the first editor at once when the user moves to another', () => {
    document.body.innerHTML = '<textarea id="a"></textarea><textarea id="b"></textarea>';
    const send = vi.fn();
    new Capture({ send }).start();
    const [a, b] = [...document.querySelectorAll('textarea')];

    type(a, 'first');
    type(b, 'second');

    expect(send.mock.calls.map((c) => c[1])).toEqual(['first']);
    vi.advanceTimersByTime(300);
    expect(send.mock.calls.map((c) => c[1])).toEqual(['first', 'second']);
  });

  it('stops listening when stopped', () => {
    document.body.innerHTML = '<textarea></textarea>';
    const send = vi.fn();
    const capture = new Capture({ send });
    capture.start();
    capture.stop();

    type(document.querySelector('textarea')!, 'ignored');
    vi.advanceTimersByTime(1000);

    expect(send).not.toHaveBeenCalled();
  });
});
