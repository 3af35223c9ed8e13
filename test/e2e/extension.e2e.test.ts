// The extension end to end in headless Chromium: real key events in a local page's editors,
// the review in the side panel (opened as a tab), selection of a finding in the editor, a
// service-worker restart, and proof that nothing left the machine.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchWithExtension, servePages, type Browser, type PageServer } from './harness';

const SCREENSHOT = resolve('.output/screenshots/panel.png');

const COMPOSE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Newsroom</title></head>
<body>
  <h1>Newsroom</h1>
  <label for="ta">Plain draft</label>
  <textarea id="ta" rows="6" cols="70"></textarea>
  <div id="ce" contenteditable="true" style="border:1px solid;min-height:3em"></div>
  <div id="formatted" contenteditable="true">
    <p>Update on the <b>water</b> main break</p>
    <p>
      Residents have nothing to <b>worry</b> about: the water is
      completely safe to drink.
    </p>
  </div>
  <rich-editor id="shadow-host"></rich-editor>
  <closed-editor id="closed-host" style="display:block"></closed-editor>
  <iframe id="frame" src="/frame" width="500" height="90"></iframe>
  <iframe id="blank" width="500" height="90"></iframe>
  <script>
    customElements.define('rich-editor', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML =
          '<div class="editor" contenteditable="true" style="border:1px solid;min-height:3em"></div>';
      }
    });
    customElements.define('closed-editor', class extends HTMLElement {
      constructor() {
        super();
        // Kept for the test to inspect; the page cannot otherwise reach a closed root.
        window.closedRoot = this.attachShadow({ mode: 'closed' });
        window.closedRoot.innerHTML = '<textarea rows="2" cols="60"></textarea>';
      }
    });
    // Old rich editors fill an about:blank frame with document.write after the content script
    // has started there, which erases its listeners.
    addEventListener('load', () => setTimeout(() => {
      const doc = document.getElementById('blank').contentDocument;
      doc.open();
      doc.write('<!doctype html><html><body contenteditable="true"></body></html>');
      doc.close();
      document.body.dataset.ready = 'yes';
    }, 300));
  </script>
</body>
</html>`;

const FRAME = `<!doctype html><html><body contenteditable="true"></body></html>`;

const TEXTAREA_DRAFT =
  'Fire at Riverside plant\n' +
  'RIVERSIDE, Ore. — A fire broke out at the Riverside chemical plant on Tuesday. Two workers ' +
  'were injured. The air is completely safe and residents have nothing to worry about. ' +
  'We are proud of our outstanding response.';

const RICH_DRAFT =
  'Fire at the bus depot\n' +
  'A fire broke out at the depot on Monday. One driver was injured.\n' +
  'Parents should not be alarmed, the depot is completely safe.';

const SHORT_DRAFT = 'A fire broke out at the school. Parents should not be alarmed.';

let server: PageServer;
let browser: Browser;
let page: Page;
let panel: Page;

beforeAll(async () => {
  server = await servePages({ '/compose': COMPOSE, '/frame': FRAME, '/canary': 'ok' });
  browser = await launchWithExtension();
  panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/compose`);
  await page.waitForSelector('body[data-ready=yes]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the e2e build', () => {
  it('records requests made by the service worker (the network check below relies on it)', async () => {
    const status = await browser.worker.evaluate(
      (url) => fetch(url).then((r) => r.status),
      `${server.origin}/canary`,
    );

    expect(status).toBe(200);
    expect(browser.requests).toContain(`${server.origin}/canary`);
  });

  it('shows an empty state in words before anything is typed', async () => {
    await expect
      .poll(() => panel.getByTestId('empty').textContent())
      .toMatch(/page to review|typing/);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await panel.screenshot({ path: SCREENSHOT.replace('.png', '-empty.png') });
  });
});

describe('a textarea', () => {
  it('reviews the draft: grade, drivers, inferred context and findings by family', async () => {
    await typeInto(page.locator('#ta'), TEXTAREA_DRAFT);

    await waitForSource('text box #ta');
    const grade = panel.getByTestId('grade');
    await expect.poll(() => grade.getAttribute('data-grade')).toMatch(/^(medium|high|critical)$/);
    expect(await grade.textContent()).toMatch(/(Medium|High|Critical)\s*\d+ points/);
    expect(await panel.getByTestId('inferred').textContent()).toMatch(
      /Inferred from the text: Crisis/,
    );
    expect(await panel.getByRole('heading', { name: /Risky phrasing/ }).count()).toBe(1);
    expect(await assurance().count()).toBeGreaterThan(0);
  });

  it('selects the finding in the textarea and leaves the text as typed', async () => {
    const excerpt = await selectFirstAssurance();

    await expect
      .poll(() =>
        page.$eval('#ta', (t: HTMLTextAreaElement) =>
          t.value.slice(t.selectionStart, t.selectionEnd),
        ),
      )
      .toBe(excerpt);
    expect(await page.$eval('#ta', (t: HTMLTextAreaElement) => t.value)).toBe(TEXTAREA_DRAFT);
  });

  it('uses the release type chosen in the panel, and infers again on request', async () => {
    await panel.getByLabel('Release type').selectOption('routine');

    await expect.poll(() => panel.getByTestId('inferred').count()).toBe(0);
    expect(await panel.getByLabel('Release type').inputValue()).toBe('routine');

    await panel.getByRole('button', { name: /Infer type and flags/ }).click();

    await expect.poll(() => panel.getByTestId('inferred').count()).toBe(1);
  });

  it('renders readably at 360 px (screenshot for a person to look at)', async () => {
    await panel.setViewportSize({ width: 360, height: 800 });
    mkdirSync(dirname(SCREENSHOT), { recursive: true });

    await panel.screenshot({ path: SCREENSHOT });
    await panel.evaluate(() => document.getElementById('findings-heading')?.scrollIntoView());
    await panel.screenshot({ path: SCREENSHOT.replace('.png', '-findings.png') });
    await panel.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await panel.screenshot({ path: SCREENSHOT.replace('.png', '-bottom.png') });
    await panel.screenshot({ path: SCREENSHOT.replace('.png', '-full.png'), fullPage: true });

    const tooWide = await panel.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(tooWide).toEqual([]);
  });
});

describe('a contenteditable editor', () => {
  it('maps the finding back to DOM positions across blocks and changes no markup', async () => {
    const editor = page.locator('#ce');
    await typeInto(editor, RICH_DRAFT);
    await waitForSource('rich-text editor #ce');
    const before = await editor.innerHTML();

    const excerpt = await selectFirstAssurance();

    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(excerpt);
    expect(await editor.innerHTML()).toBe(before);
  });

  it('reads text that was already there, with markup and source indentation', async () => {
    const editor = page.locator('#formatted');
    const before = await editor.innerHTML();
    await page.bringToFront();
    await editor.click();
    await waitForSource('rich-text editor #formatted');

    const excerpt = await selectFirstAssurance();

    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(excerpt);
    expect(await editor.innerHTML()).toBe(before);
  });

  it('works inside an open shadow root', async () => {
    await typeInto(page.locator('rich-editor .editor'), SHORT_DRAFT);
    await waitForSource('rich-text editor (shadow root)');

    const excerpt = await selectFirstAssurance();

    await expect.poll(() => page.evaluate(shadowSelection)).toBe(excerpt);
  });

  it('works inside a closed shadow root', async () => {
    await page.bringToFront();
    await page.locator('#closed-host').click();
    await page.keyboard.type(SHORT_DRAFT);
    await waitForSource('text box (shadow root)');

    const excerpt = await selectFirstAssurance();

    await expect.poll(() => page.evaluate(closedSelection)).toBe(excerpt);
  });

  it('works in a same-origin iframe', async () => {
    await typeInto(page.frameLocator('#frame').locator('body'), SHORT_DRAFT);
    await waitForSource('rich-text editor in frame 0');

    const excerpt = await selectFirstAssurance();

    await expect
      .poll(() => frameAt('/frame').evaluate(() => getSelection()?.toString()))
      .toBe(excerpt);
  });

  it('works in an about:blank iframe that the page filled with document.write', async () => {
    await typeInto(page.frameLocator('#blank').locator('body'), SHORT_DRAFT);

    await waitForSource('rich-text editor in frame 1');
    expect(await assurance().count()).toBeGreaterThan(0);
  });
});

describe('the service worker', () => {
  it('keeps the review across a restart (state is in IndexedDB)', async () => {
    const cdp = await browser.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((done) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.runningStatus === 'stopped')) done();
      }),
    );

    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await panel.reload();

    await waitForSource('rich-text editor in frame 1');
    expect(await assurance().count()).toBeGreaterThan(0);
  });
});

describe('per-site access', () => {
  it('turns on for the site: registers capture and injects it again', async () => {
    await panel.bringToFront();
    await panel.getByRole('button', { name: 'Turn on for this site' }).click();

    await expect
      .poll(() => panel.getByRole('button', { name: 'Turn off for this site' }).count())
      .toBe(1);
    const scripts = await browser.worker.evaluate(() =>
      (globalThis as unknown as ChromeScripting).chrome.scripting.getRegisteredContentScripts(),
    );
    expect(scripts.map((s) => s.matches)).toEqual([[`${server.origin}/*`]]);

    await typeInto(page.locator('#ta'), ' More soon.');
    await waitForSource('text box #ta');
    expect(await panel.getByTestId('off').count()).toBe(0);
  });

  it('turns off for the site: capture stops and the panel says so', async () => {
    await panel.bringToFront();
    await panel.getByRole('button', { name: 'Turn off for this site' }).click();

    await expect.poll(() => panel.getByTestId('off').count()).toBe(1);
    await typeInto(page.locator('#ce'), ' Typed while off.');
    await page.waitForTimeout(1000);
    expect(await panel.getByTestId('source').textContent()).toContain('text box #ta');
  });
});

describe('privacy', () => {
  it('made no request beyond the local test server and its own files', () => {
    const allowed = [`${server.origin}/`, `chrome-extension://${browser.extensionId}/`];

    const elsewhere = browser.requests.filter((url) => !allowed.some((a) => url.startsWith(a)));

    expect(elsewhere).toEqual([]);
    // The page's own loads and the canary; the extension itself asked the server for nothing.
    const expected = ['/compose', '/frame', '/canary', '/favicon.ico'];
    expect(server.paths.filter((p) => !expected.includes(p))).toEqual([]);
  });
});

// ---- helpers ----------------------------------------------------------------------------

async function typeInto(editor: Locator, text: string): Promise<void> {
  await page.bringToFront();
  await editor.click();
  await editor.pressSequentially(text);
}

async function waitForSource(label: string): Promise<void> {
  await expect
    .poll(() => panel.getByTestId('source').textContent(), { timeout: 15_000 })
    .toContain(label);
}

function assurance(): Locator {
  return panel.locator('[data-testid=finding][data-category=absolute-assurance]');
}

/** Clicks the first absolute-assurance finding and returns its excerpt. */
async function selectFirstAssurance(): Promise<string> {
  const finding = assurance().first();
  const excerpt = (await finding.locator('.excerpt').textContent()) ?? '';
  expect(excerpt).not.toBe('');

  await panel.bringToFront();
  await finding.locator('button.finding-head').click();

  await expect.poll(() => panel.getByTestId('notice').textContent()).toContain('Selected');
  return excerpt;
}

function frameAt(path: string): Frame {
  const frame = page.frames().find((f) => f.url().endsWith(path));
  if (!frame) throw new Error(`no frame at ${path}`);
  return frame;
}

interface ChromeScripting {
  chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } };
}

function closedSelection(): string {
  const root = (window as unknown as { closedRoot: ShadowRoot }).closedRoot;
  const textarea = root.querySelector('textarea')!;
  return textarea.value.slice(textarea.selectionStart, textarea.selectionEnd);
}

function shadowSelection(): string | undefined {
  const root = document.querySelector('rich-editor')!.shadowRoot as ShadowRoot & {
    getSelection?: () => Selection | null;
  };
  return (root.getSelection?.() ?? document.getSelection())?.toString();
}
