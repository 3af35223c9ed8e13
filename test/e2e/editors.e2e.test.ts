// Lectern in the editors a press office writes in, each the real package from npm on a local page:
// what it reads as the draft, the marks it paints (CSS highlights, or an overlay for textareas),
// the tooltip, selecting a finding from the panel, and proof that the editor's own markup and
// submitted content are byte-identical with and without Lectern.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { chromium, type Browser as PlainBrowser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM, launchWithExtension, type Browser } from './harness';
import { DRAFT, TYPED } from './pages/html';
import { frameOffset, highlights, overlayMarks, storedText, tooltipText } from './pages/probe';
import { buildPages, serveSite, type Site } from './pages/site';

const SHOTS = resolve('.output/screenshots');
const EXCERPT = 'completely safe';

interface EditorCase {
  name: string;
  path: string;
  /** the editor lives in the page's first child frame */
  framed?: boolean;
  /** puts the caret where the user writes next: a new line after the given text */
  focus(page: Page): Promise<void>;
}

/** Click into the editor, go to the end of the document, start a new paragraph. */
const atEnd =
  (selector: string, framed = false) =>
  async (page: Page) => {
    const scope = framed ? page.frameLocator('iframe').first() : page;
    await scope.locator(selector).first().click();
    // Editors take a moment to adopt a new DOM selection (CKEditor throttles selectionchange);
    // a key pressed before that acts at the old caret.
    await page.waitForTimeout(150);
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
  };

const clickInto = (selector: string) => async (page: Page) => {
  await page.locator(selector).click();
};

const EDITORS: EditorCase[] = [
  { name: 'textarea', path: '/textarea', focus: atEnd('#body') },
  { name: 'contenteditable', path: '/contenteditable', focus: atEnd('#body') },
  { name: 'TinyMCE (iframe)', path: '/tinymce-iframe', framed: true, focus: atEnd('body', true) },
  { name: 'TinyMCE (inline)', path: '/tinymce-inline', focus: atEnd('#body') },
  { name: 'CKEditor 5', path: '/ckeditor', focus: atEnd('.ck-editor__editable') },
  { name: 'Quill', path: '/quill', focus: atEnd('.ql-editor') },
  { name: 'ProseMirror', path: '/prosemirror', focus: atEnd('.ProseMirror') },
  { name: 'Lexical', path: '/lexical', focus: atEnd('#body') },
  { name: 'CodeMirror 6', path: '/codemirror', focus: atEnd('.cm-content') },
  {
    name: 'open shadow root (ProseMirror)',
    path: '/shadow',
    focus: atEnd('draft-editor .ProseMirror'),
  },
  {
    name: 'same-origin iframe (Quill)',
    path: '/iframe',
    framed: true,
    focus: atEnd('.ql-editor', true),
  },
  { name: 'webmail: Gmail-style reply', path: '/webmail', focus: clickInto('#gmail-cursor') },
  { name: 'webmail: nested editables', path: '/webmail', focus: clickInto('#nested-cursor') },
  { name: 'CMS block editor', path: '/cms-blocks', focus: clickInto('[data-block=b3]') },
];

/** Screenshots of marks with the tooltip open, for a person to look at. */
const SCREENSHOT = new Set([
  'textarea',
  'CKEditor 5',
  'CodeMirror 6',
  'webmail: Gmail-style reply',
]);

let site: Site;
let browser: Browser;
let plain: PlainBrowser;
let page: Page;
let panel: Page;

beforeAll(async () => {
  await buildPages();
  site = await serveSite();
  [browser, plain] = await Promise.all([
    launchWithExtension(),
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: PLAIN_ARGS }),
  ]);
  panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  page = await browser.context.newPage();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await plain?.close();
  await site?.close();
});

const PLAIN_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

describe.each(EDITORS)('$name', (editor) => {
  let lectern: { markup: string; submitted: string };

  it('reads the draft the user writes, and nothing else', async () => {
    await open(page, editor.path);
    await editor.focus(page);
    await page.keyboard.type(TYPED);

    await expect.poll(() => storedText(panel, editor.path), { timeout: 15_000 }).toBe(DRAFT);
  });

  it('marks the finding in place, and shows it on hover', async () => {
    const frame = editorFrame(page, editor);
    const mark = await waitForMark(page, frame);

    const offset = editor.framed ? await frameOffset(frame) : { x: 0, y: 0 };
    await page.mouse.move(offset.x + mark.x, offset.y + mark.y);

    await expect
      .poll(() => tooltipText(page), { timeout: 5000 })
      .toMatch(/(Medium|High|Critical) · absolute assurance.*Lectern$/);
    // Before the screenshot: Playwright's caret hiding rewrites a focused textarea's style.
    lectern = await editorContent(page);
    if (SCREENSHOT.has(editor.name)) {
      await page.screenshot({ path: `${SHOTS}/marks-${slug(editor.name)}.png` });
    }
  });

  it('leaves the markup and the submitted content byte-identical to a browser without Lectern', async () => {
    const without = await plain.newPage({ viewport: { width: 1000, height: 800 } });
    try {
      await open(without, editor.path);
      await editor.focus(without);
      await without.keyboard.type(TYPED);
      await without.waitForTimeout(300);

      const reference = await editorContent(without);

      expect(lectern.markup).toBe(reference.markup);
      expect(lectern.submitted).toBe(reference.submitted);
    } finally {
      await without.close();
    }
  });

  it('selects the finding when it is chosen in the side panel', async () => {
    await choose(EXCERPT);

    await expect.poll(() => selectedText(editorFrame(page, editor))).toBe(EXCERPT);
  });
});

// ---- helpers ----------------------------------------------------------------------------

async function open(p: Page, path: string): Promise<void> {
  await p.bringToFront();
  await p.goto(`${site.origin}${path}`);
  await p.waitForFunction(
    () => (window as unknown as { testEditor?: { ready: boolean } }).testEditor?.ready,
  );
}

function editorFrame(p: Page, editor: EditorCase): Frame {
  return editor.framed ? p.mainFrame().childFrames()[0] : p.mainFrame();
}

/** Waits for the mark on EXCERPT and returns its centre in the frame's viewport. */
async function waitForMark(p: Page, frame: Frame): Promise<{ x: number; y: number }> {
  let box: { x: number; y: number } | null = null;
  await expect
    .poll(
      async () => {
        const found = await markBox(p, frame);
        box = found;
        return found !== null;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return box!;
}

async function markBox(p: Page, frame: Frame): Promise<{ x: number; y: number } | null> {
  const isTextarea = await frame.evaluate(
    () => document.activeElement instanceof HTMLTextAreaElement,
  );
  if (isTextarea) {
    const mark = (await overlayMarks(p)).find((m) => m.text === EXCERPT && m.box);
    return mark?.box
      ? { x: mark.box.x + mark.box.width / 2, y: mark.box.y + mark.box.height / 2 }
      : null;
  }
  const all = await highlights(frame);
  const mine = all.filter((h) => h.text === EXCERPT);
  // The quoted reply in the webmail fixtures says "completely safe" too; it must not be marked.
  if (mine.some((h) => h.inQuote)) throw new Error('a quoted reply was marked');
  const mark = mine.find((h) => h.box.width > 0);
  return mark ? { x: mark.box.x + mark.box.width / 2, y: mark.box.y + mark.box.height / 2 } : null;
}

async function editorContent(p: Page): Promise<{ markup: string; submitted: string }> {
  return p.evaluate(() => {
    const editor = (window as unknown as { testEditor: { markup(): string; submitted(): string } })
      .testEditor;
    return { markup: editor.markup(), submitted: editor.submitted() };
  });
}

/** Clicks the finding with this excerpt in the side panel, once the panel shows the current draft. */
async function choose(excerpt: string): Promise<void> {
  await panel.bringToFront();
  await panel.reload();
  const finding = panel
    .locator('[data-testid=finding]')
    .filter({ has: panel.locator('.excerpt', { hasText: excerpt }) })
    .first();
  await finding.locator('button.finding-head').click();
  await expect.poll(() => panel.getByTestId('notice').textContent()).toContain('Selected');
  await page.bringToFront();
}

function selectedText(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active instanceof HTMLTextAreaElement) {
      return active.value.slice(active.selectionStart, active.selectionEnd);
    }
    const root = active?.getRootNode() as
      (ShadowRoot & { getSelection?: () => Selection | null }) | undefined;
    const selection =
      root instanceof ShadowRoot && root.getSelection ? root.getSelection() : getSelection();
    return selection?.toString() ?? '';
  });
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
