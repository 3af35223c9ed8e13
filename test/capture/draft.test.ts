// @vitest-environment happy-dom
// What counts as the draft: quoted replies, signatures, editor furniture and secret fields are
// left out; block editors read as one text; offsets still map back exactly (emoji, combining
// marks); re-reading only changed blocks gives the same result as reading everything.
import { afterEach, describe, expect, it } from 'vitest';

import { editorAt, editorOf } from '@/lib/capture/editor';
import { IncrementalReader } from '@/lib/capture/incremental';
import { marksOf } from '@/lib/capture/marks-of';
import { shiftMarks } from '@/lib/capture/overlay';
import {
  readContentEditable,
  readEditor,
  readTextarea,
  toDomPosition,
  toValueOffset,
  type ReadText,
} from '@/lib/capture/read-text';
import type { Report } from '@/lib/engine/types';

afterEach(() => {
  document.body.innerHTML = '';
});

function host(html: string): HTMLElement {
  document.body.innerHTML = `<div id="editor" contenteditable="true">${html}</div>`;
  return document.getElementById('editor')!;
}

function read(html: string): string {
  return readContentEditable(host(html), false).text;
}

/** The text of a span as the DOM holds it, through the offset map. */
function domText(result: ReadText, root: HTMLElement, start: number, end: number): string {
  const from = toDomPosition(result, root, start, 'start');
  const to = toDomPosition(result, root, end, 'end');
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.toString();
}

describe('the draft in a webmail compose body', () => {
  it('leaves out a Gmail signature and quoted reply', () => {
    const html =
      '<div>Statement</div><div>All is well.</div><div><br></div>' +
      '<div class="gmail_signature" data-smartmail="gmail_signature">-- <br>Jane</div><br>' +
      '<div class="gmail_quote"><div class="gmail_attr">On Mon, Sam wrote:<br></div>' +
      '<blockquote class="gmail_quote"><div>quoted text</div></blockquote></div>';

    expect(read(html)).toBe('Statement\nAll is well.');
  });

  it('leaves out cited replies, a "-- " signature and everything after an Outlook header', () => {
    const html =
      '<p>Statement</p><p>-- </p><p>Jane Doe</p>' +
      '<div class="moz-cite-prefix">On 2 March, Sam wrote:</div><blockquote type="cite">old</blockquote>';
    expect(read(html)).toBe('Statement');
    expect(
      read('<p>Body</p><div id="appendonsend"></div><hr><div>From: Sam</div><div>old</div>'),
    ).toBe('Body');
  });

  it('keeps a plain blockquote: in a release it is someone being quoted', () => {
    expect(read('<p>The mayor said:</p><blockquote>We will rebuild.</blockquote>')).toBe(
      'The mayor said:\nWe will rebuild.',
    );
  });

  it('leaves out a quoted reply and signature in plain text, mapping offsets to the value', () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    ta.value =
      'Hi Sam,\nOn Mon, 2 Mar 2026, Sam <sam@example.org> wrote:\n> Is the water safe?\n> Thanks\n' +
      'It is completely safe.\n\n-- \nJane';

    const result = readTextarea(ta);

    expect(result.text).toBe('Hi Sam,\nIt is completely safe.');
    const start = result.text.indexOf('completely');
    expect(ta.value.slice(toValueOffset(result, start, 'start'))).toMatch(/^completely safe\./);
    expect(toValueOffset(result, start + 'completely safe'.length, 'end')).toBe(
      ta.value.indexOf('completely') + 'completely safe'.length,
    );
  });

  it('keeps ">" lines that no attribution introduces (a Markdown quote in a CMS)', () => {
    document.body.innerHTML = '<textarea></textarea>';
    const ta = document.querySelector('textarea')!;
    ta.value = 'The chief said:\n> We are ready.';

    expect(readTextarea(ta).text).toBe('The chief said:\n> We are ready.');
  });
});

describe('editor furniture', () => {
  it.each([
    ['TinyMCE caret container', '<p>sa<span data-mce-bogus="1">\uFEFF</span>fe</p>', 'safe'],
    ['TinyMCE UI', '<p>text</p><div data-mce-bogus="all">Resize</div>', 'text'],
    ['CKEditor inline filler', '<p>\u2060\u2060\u2060\u2060\u2060\u2060\u2060safe</p>', 'safe'],
    [
      'CKEditor widget handle',
      '<p>a</p><div class="ck-widget__type-around">Insert paragraph</div>',
      'a',
    ],
    [
      'CodeMirror placeholder',
      '<div class="cm-line"><span class="cm-placeholder">Write here</span></div>',
      '',
    ],
    ['buttons and inputs', '<p>a<button>Bold</button><input value="x"></p>', 'a'],
  ])('leaves out %s', (_, html, text) => {
    expect(read(html)).toBe(text);
  });
});

describe('offsets across emoji and combining marks', () => {
  it('map every span back to exactly its characters', () => {
    const html = '<p>Cafe\u0301 U\u0308nion 👷🏽‍♀️ crews</p><p>are <b>completely</b> safe 🚰.</p>';
    const root = host(html);
    const result = readContentEditable(root, false);

    for (const part of ['Cafe\u0301', 'U\u0308nion', '👷🏽‍♀️', 'completely safe', 'safe 🚰.']) {
      const start = result.text.indexOf(part);
      expect(domText(result, root, start, start + part.length)).toBe(part);
    }
  });
});

describe('block editors', () => {
  const GUTENBERG =
    '<div id="blocks" class="is-root-container">' +
    '<h2 contenteditable="true" data-block="1">Title</h2>' +
    '<div class="toolbar" contenteditable="false"><button>Move up</button>Bold</div>' +
    '<p contenteditable="true" data-block="2">First <b>para</b>.</p>' +
    '<p contenteditable="true" data-block="3"></p></div>';

  it('read all blocks in order as one draft, without the toolbars between them', () => {
    document.body.innerHTML = GUTENBERG;
    const editor = editorAt(document.querySelector('[data-block="2"] b')!.firstChild!)!;

    expect(editor).toMatchObject({ kind: 'contenteditable', blocks: true });
    expect(editor.el.id).toBe('blocks');
    expect(readEditor(editor).text).toBe('Title\nFirst para.');
    expect(editorOf(document.getElementById('blocks')!)?.el.id).toBe('blocks');
  });

  it('group sibling editable paragraphs, but not two editable divs (two separate fields)', () => {
    document.body.innerHTML =
      '<section id="doc"><p contenteditable="true">One</p><p contenteditable="true">Two</p></section>' +
      '<div id="form"><div contenteditable="true" id="a">A</div><div contenteditable="true" id="b">B</div></div>';

    expect(editorAt(document.querySelector('#doc p')!)?.el.id).toBe('doc');
    expect(editorAt(document.getElementById('a')!)?.el.id).toBe('a');
  });
});

describe('fields that are never read', () => {
  it.each([
    '<input type="password">',
    '<input type="text">',
    '<textarea autocomplete="new-password"></textarea>',
    '<textarea autocomplete="section-login current-password"></textarea>',
    '<textarea autocomplete="cc-number"></textarea>',
    '<div contenteditable="true" autocomplete="one-time-code">123</div>',
    '<div data-lectern="off"><textarea></textarea></div>',
  ])('%s', (html) => {
    document.body.innerHTML = html;
    const el = document.querySelector('input, textarea, [contenteditable]')!;

    expect(editorAt(el)).toBeNull();
  });
});

describe('IncrementalReader', () => {
  it('gives the same text and map as a full read after edits, additions and removals', async () => {
    const root = host('<p>Alpha one</p><p>Beta <i>two</i></p><p><br></p><p>Gamma</p>');
    const reader = new IncrementalReader(root, false);
    expect(reader.read()).toEqual(readContentEditable(root));

    (root.querySelector('i')!.firstChild as Text).data = 'three';
    root.appendChild(document.createElement('p')).textContent = 'Delta';
    root.firstElementChild!.remove();
    root.children[1].innerHTML = 'Now <b>text</b>';

    const fresh = readContentEditable(root);
    expect(reader.read()).toEqual(fresh);
    expect(fresh.text).toBe('Beta three\nNow text\nGamma\nDelta');
    reader.disconnect();
  });
});

describe('marks', () => {
  it('move after an edit before them, stay before it, and go when the edit touches them', () => {
    const marks = [
      { start: 0, end: 4, severity: 'low' as const, index: 0 },
      { start: 10, end: 14, severity: 'high' as const, index: 1 },
      { start: 20, end: 24, severity: 'high' as const, index: 2 },
    ];
    const before = 'safe then safe and safe';
    const after = 'safe then NOT safe and safe';

    expect(shiftMarks(marks, before, after).map((m) => [m.index, m.start])).toEqual([
      [0, 0],
      [1, 14],
      [2, 24],
    ]);
    expect(shiftMarks(marks, before, 'safe then sXfe and safe').map((m) => m.index)).toEqual([
      0, 2,
    ]);
  });

  it('are the findings with a span that no one dismissed', () => {
    const finding = {
      rule: 'r',
      family: 'risky-phrasing',
      category: 'absolute-assurance',
      severity: 'high',
      start: 4,
      end: 8,
      excerpt: 'safe',
      message: 'Too sure.',
      why: '',
      guideline: '',
      suggestion: '',
      points: 5,
    };
    const report = {
      findings: [
        finding,
        { ...finding, start: 0, end: 0, excerpt: '' },
        { ...finding, dismissed: { reason: 'quote', by: 'Jo', at: '2026-03-01' } },
      ],
    } as unknown as Report;

    expect(marksOf(report)).toEqual([
      {
        start: 4,
        end: 8,
        excerpt: 'safe',
        severity: 'high',
        label: 'absolute assurance',
        message: 'Too sure.',
      },
    ]);
  });
});
