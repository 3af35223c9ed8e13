// The pages of the editor test site. Each sets window.testEditor = { ready, markup(), submitted() }:
// the editor's own markup and what the editor would submit, for the byte-identity check.

export const HEADLINE = 'Water main break on Elm Street';
/** A decomposed é and Ü and an emoji ZWJ sequence with a skin tone, so offsets cross all three. */
export const LEAD =
  'A water main broke on Elm Street on Tuesday. Crews from Cafe\u0301 U\u0308nion 👷🏽‍♀️ are on site.';
export const TYPED =
  'Residents have nothing to worry about: the water is completely safe to drink.';
/** What every editor's draft reads once TYPED is typed on a new line after the two given lines. */
export const DRAFT = `${HEADLINE}\n${LEAD}\n${TYPED}`;

const PLACEHOLDER = 'Write the release here';
const PARAGRAPHS = `<p>${HEADLINE}</p><p>${LEAD}</p>`;

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 20px 24px; max-width: 820px; color: #1f2328; }
  h1.app { font-size: 18px; margin: 0 0 12px; }
  .editor, .ProseMirror { border: 1px solid #8c959f; border-radius: 4px; padding: 8px 10px; min-height: 8em; outline: none; }
  .ProseMirror p, .editor p { margin: 0 0 0.5em; }
</style>
${head}
</head>
<body>
<h1 class="app">${title}</h1>
${body}
</body>
</html>`;
}

const EXPOSE_ELEMENT = (id: string, submitted: string) => `<script>
  window.testEditor = { ready: true,
    markup: () => document.getElementById('${id}').innerHTML,
    submitted: () => ${submitted} };
</script>`;

const TEXTAREA = page(
  'Newsroom: plain text',
  `<label for="body">Release text</label><br>
<textarea id="body" name="body" rows="7" placeholder="${PLACEHOLDER}"
  style="width: 640px; font: 15px/1.6 Georgia, serif; padding: 8px 10px; border: 1px solid #8c959f">${HEADLINE}\n${LEAD}</textarea>
<script>
  window.testEditor = { ready: true,
    markup: () => document.getElementById('body').outerHTML,
    submitted: () => document.getElementById('body').value };
</script>`,
);

const CONTENTEDITABLE = page(
  'Newsroom: rich text',
  `<div id="body" class="editor" contenteditable="true">${PARAGRAPHS}</div>
${EXPOSE_ELEMENT('body', "document.getElementById('body').innerHTML")}`,
);

const TINYMCE_OPTIONS = `license_key: 'gpl', menubar: false, promotion: false, branding: false,
    statusbar: false, toolbar: 'undo redo | bold italic', placeholder: '${PLACEHOLDER}',
    init_instance_callback: (ed) => {
      window.testEditor = { ready: true, markup: () => ed.getBody().innerHTML, submitted: () => ed.getContent() };
    }`;

const TINYMCE_IFRAME = page(
  'CMS: TinyMCE (iframe)',
  `<textarea id="body">${escapeAttr(PARAGRAPHS)}</textarea>
<script>tinymce.init({ selector: '#body', height: 300, ${TINYMCE_OPTIONS} });</script>`,
  '<script src="/vendor/tinymce/tinymce.min.js"></script>',
);

const TINYMCE_INLINE = page(
  'CMS: TinyMCE (inline)',
  `<div id="body" class="editor">${PARAGRAPHS}</div>
<script>tinymce.init({ selector: '#body', inline: true, ${TINYMCE_OPTIONS} });</script>`,
  '<script src="/vendor/tinymce/tinymce.min.js"></script>',
);

const CKEDITOR = page(
  'CMS: CKEditor 5',
  `<div id="body">${PARAGRAPHS}</div>
<script type="module">
  import { ClassicEditor, Essentials, Paragraph, Bold, Italic } from '/vendor/ckeditor5/ckeditor5.js';
  ClassicEditor.create(document.querySelector('#body'), {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic],
    toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
    placeholder: '${PLACEHOLDER}',
  }).then((editor) => {
    window.testEditor = { ready: true,
      markup: () => editor.ui.getEditableElement().innerHTML,
      submitted: () => editor.getData() };
  });
</script>`,
  '<link rel="stylesheet" href="/vendor/ckeditor5/ckeditor5.css">',
);

const QUILL = page(
  'Newsroom: Quill',
  `<div id="body" style="height: 260px">${PARAGRAPHS}</div>
<script src="/vendor/quill/quill.js"></script>
<script>
  const quill = new Quill('#body', { theme: 'snow', placeholder: '${PLACEHOLDER}' });
  window.testEditor = { ready: true, markup: () => quill.root.innerHTML, submitted: () => quill.getSemanticHTML() };
</script>`,
  '<link rel="stylesheet" href="/vendor/quill/quill.snow.css">',
);

const PROSEMIRROR = page(
  'Newsroom: ProseMirror',
  `<template id="initial">${PARAGRAPHS}</template>
<div id="body"></div>
<script type="module" src="/build/prosemirror.js"></script>`,
  '<link rel="stylesheet" href="/vendor/prosemirror/prosemirror.css">',
);

const LEXICAL = page(
  'Newsroom: Lexical',
  `<div style="position: relative">
  <div id="body" class="editor" contenteditable="true" data-initial="${escapeAttr(JSON.stringify([HEADLINE, LEAD]))}"></div>
  <div id="placeholder" style="position: absolute; top: 9px; left: 11px; color: #888; pointer-events: none">${PLACEHOLDER}</div>
</div>
<script type="module" src="/build/lexical.js"></script>`,
);

const CODEMIRROR = page(
  'Newsroom: CodeMirror 6',
  `<div id="body" style="border: 1px solid #8c959f" data-initial="${escapeAttr(`${HEADLINE}\n${LEAD}`).replace(/\n/g, '&#10;')}"></div>
<script type="module" src="/build/codemirror.js"></script>`,
);

const SHADOW = page(
  'Newsroom: editor in a shadow root',
  `<draft-editor initial="${escapeAttr(PARAGRAPHS)}"></draft-editor>
<script type="module" src="/build/shadow.js"></script>`,
);

const IFRAME = page(
  'Newsroom: editor in a frame',
  `<iframe id="frame" src="/quill" style="width: 760px; height: 420px; border: 1px solid #ccc"></iframe>
<script>
  const frame = document.getElementById('frame');
  frame.addEventListener('load', () => {
    const inner = () => frame.contentWindow.testEditor;
    const wait = setInterval(() => {
      if (!inner()?.ready) return;
      clearInterval(wait);
      window.testEditor = { ready: true, markup: () => inner().markup(), submitted: () => inner().submitted() };
    }, 20);
  });
</script>`,
);

/** Gmail's compose structure: signature and quoted reply inside the one editable body. */
const GMAIL_BODY = `<div id="gmail-body" class="Am Al editable" contenteditable="true" role="textbox"
    aria-label="Message Body" aria-multiline="true" style="min-height: 10em; border: 1px solid #ccc; padding: 8px">
  <div>${HEADLINE}</div><div>${LEAD}</div><div id="gmail-cursor"><br></div><div><br></div>
  <div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">-- <br>Jane Doe<br>Press Office, Elm County</div></div>
  <br>
  <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 2 Mar 2026 at 09:12, Sam Lee &lt;sam@example.org&gt; wrote:<br></div>
    <blockquote class="gmail_quote" style="margin: 0 0 0 .8ex; border-left: 1px solid #ccc; padding-left: 1ex">
      <div dir="ltr">Can we say the water is completely safe? We are proud of our outstanding response.</div>
    </blockquote>
  </div>
</div>`;

/**
 * A webmail client that nests editables: the compose area, inside it the body the user writes
 * in, a plain "-- " signature, a cited reply (Thunderbird / Apple Mail markup) with an editable
 * of its own, and an Outlook forward header after which everything is quoted.
 */
const NESTED_BODY = `<div id="nested-compose" contenteditable="true" style="min-height: 10em; border: 1px solid #ccc; padding: 8px">
  <div id="nested-body" contenteditable="true">
    <p>${HEADLINE}</p><p>${LEAD}</p><p id="nested-cursor"><br></p>
    <p>-- </p><p>Jane Doe, Press Office</p>
  </div>
  <div class="moz-cite-prefix">On 02/03/2026 09:12, Sam Lee wrote:<br></div>
  <blockquote type="cite"><div contenteditable="true">People say the water is completely safe.</div></blockquote>
  <div id="appendonsend"></div><hr>
  <div id="divRplyFwdMsg"><b>From:</b> Sam Lee<br><b>Subject:</b> Water</div>
  <div>Forwarded: residents have nothing to worry about.</div>
</div>`;

const WEBMAIL = page(
  'Webmail: reply',
  `<div class="compose" aria-label="New message">
  <div class="fields"><input name="to" value="newsdesk@example.org"> <input name="subject" value="Re: Statement on the water main"></div>
  <div class="toolbar" role="toolbar"><button type="button">Bold</button> <button type="button">Italic</button> <button type="button">Send</button></div>
  ${GMAIL_BODY}
  <h2 style="font-size: 15px">Another client</h2>
  ${NESTED_BODY}
</div>
<script>
  window.testEditor = { ready: true,
    markup: () => document.querySelector('.compose').innerHTML,
    submitted: () => document.getElementById('gmail-body').innerHTML + document.getElementById('nested-compose').innerHTML };
</script>`,
);

/** Gutenberg's structure: one editable per block, block toolbars and placeholders around them. */
const CMS_BLOCKS = page(
  'CMS: block editor',
  `<div class="edit-post-visual-editor"><div class="editor-styles-wrapper">
  <div class="block-editor-block-list__layout is-root-container" id="blocks">
    <h2 contenteditable="true" data-block="b1" data-type="core/heading" class="wp-block wp-block-heading rich-text"
      role="document" aria-label="Block: Heading">${HEADLINE}</h2>
    <p contenteditable="true" data-block="b2" data-type="core/paragraph" class="wp-block rich-text"
      role="document" aria-label="Block: Paragraph">${LEAD}</p>
    <div class="block-editor-block-toolbar" contenteditable="false" role="toolbar">
      <button type="button">Paragraph</button> <button type="button">Move up</button> <button type="button">Bold</button>
    </div>
    <p contenteditable="true" data-block="b3" data-type="core/paragraph" class="wp-block rich-text"
      role="document" aria-label="Block: Paragraph" data-rich-text-placeholder="Type / to choose a block"></p>
  </div>
</div></div>
<script>
  window.testEditor = { ready: true,
    markup: () => document.getElementById('blocks').innerHTML,
    submitted: () => [...document.querySelectorAll('[data-block]')].map((b) => b.innerHTML).join('\\n') };
</script>`,
  `<style>
  .wp-block { margin: 0 0 0.6em; outline: none; }
  [data-rich-text-placeholder]:empty::after { content: attr(data-rich-text-placeholder); color: #757575; }
  .block-editor-block-toolbar { font-size: 12px; margin: 0 0 0.6em; }
</style>`,
);

/** Fields Lectern must never read, and one ordinary field to prove it reads this page at all. */
const SECRETS = page(
  'Account settings',
  `<form onsubmit="return false">
  <label>User <input id="user" autocomplete="username"></label>
  <label>Password <input id="password" type="password" autocomplete="current-password"></label><br>
  <label>New password <textarea id="new-password" autocomplete="new-password" rows="1"></textarea></label><br>
  <label>Code <div id="code" contenteditable="true" autocomplete="one-time-code" style="border: 1px solid #ccc; min-height: 1.5em"></div></label>
  <div data-lectern="off"><label>Private note <textarea id="private" rows="2"></textarea></label></div>
  <label>Public statement <textarea id="statement" rows="3" cols="60"></textarea></label>
</form>`,
);

/** Two fields: the user turns one off, the other keeps being read. */
const FIELDS = page(
  'Newsroom: two drafts',
  `<label>Internal note <textarea id="note" rows="3" cols="60"></textarea></label><br>
<label>Release <textarea id="release" rows="3" cols="60"></textarea></label>`,
);

const LONG = page(
  'Newsroom: long draft (ProseMirror)',
  `<div id="body" data-words="10000"></div>
<script type="module" src="/build/long.js"></script>`,
  '<link rel="stylesheet" href="/vendor/prosemirror/prosemirror.css">',
);

export const PAGES: Record<string, string> = {
  '/textarea': TEXTAREA,
  '/contenteditable': CONTENTEDITABLE,
  '/tinymce-iframe': TINYMCE_IFRAME,
  '/tinymce-inline': TINYMCE_INLINE,
  '/ckeditor': CKEDITOR,
  '/quill': QUILL,
  '/prosemirror': PROSEMIRROR,
  '/lexical': LEXICAL,
  '/codemirror': CODEMIRROR,
  '/shadow': SHADOW,
  '/iframe': IFRAME,
  '/webmail': WEBMAIL,
  '/cms-blocks': CMS_BLOCKS,
  '/secrets': SECRETS,
  '/fields': FIELDS,
  '/long': LONG,
};
