// The editor test site: real editor packages from node_modules, served from 127.0.0.1. TinyMCE,
// CKEditor 5 and Quill are served from their own dist folders (self-hosted, as a newsroom CMS
// would); ProseMirror, Lexical and CodeMirror are bundled with esbuild at test time into
// .output/e2e-pages (gitignored).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

import { build } from 'esbuild';

import { PAGES } from './html';

export const BUILD_DIR = resolve('.output/e2e-pages');
const SRC = resolve('test/e2e/pages/src');
const MODULES = resolve('node_modules');

const ENTRIES = ['prosemirror', 'shadow', 'lexical', 'codemirror', 'long'];

/** Bundles the pages' scripts; about a second for all of them. */
export async function buildPages(): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, join(SRC, `${e}.ts`)])),
    bundle: true,
    format: 'esm',
    outdir: BUILD_DIR,
    target: 'chrome120',
    logLevel: 'warning',
    legalComments: 'none',
  });
}

/** URL prefix → folder served under it. */
const STATIC: Record<string, string> = {
  '/build/': BUILD_DIR,
  '/vendor/tinymce/': join(MODULES, 'tinymce'),
  '/vendor/ckeditor5/': join(MODULES, 'ckeditor5/dist/browser'),
  '/vendor/quill/': join(MODULES, 'quill/dist'),
  '/vendor/prosemirror/': join(MODULES, 'prosemirror-view/style'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface Site {
  origin: string;
  /** paths requested so far */
  paths: string[];
  close(): Promise<void>;
}

export async function serveSite(pages: Record<string, string> = PAGES): Promise<Site> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    paths.push(path);
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(page);
      return;
    }
    const file = staticFile(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function staticFile(path: string): string | null {
  for (const [prefix, dir] of Object.entries(STATIC)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir + sep)) return null;
    return existsSync(file) && statSync(file).isFile() ? file : null;
  }
  return null;
}
