// Reads an archive of prior releases from disk for the CLI (`--archive DIR`) and tests. One
// release per file (plain text or Markdown); its date comes from a first-line
// `date: YYYY-MM-DD HH:MM` header (or the same line in Markdown front matter), else from a file
// name that starts with the date ("2025-05-06-1330-update.txt"). Files in sub-folders belong to
// the matter named by their folder, so one archive can hold many matters.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import type { PriorRelease } from '../engine/types';
import { indexArchive, type ArchiveIndex } from './archive';

const RELEASE_FILE = /\.(?:txt|md|markdown|text)$/i;
const DATE_LINE = /^date:\s*(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?)\s*$/im;
const NAME_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[-_T ]?(\d{2})[:-]?(\d{2}))?/;

/** Every release under `dir`, oldest first by file name within each matter. */
export function readArchiveDir(dir: string): PriorRelease[] {
  return listReleaseFiles(dir).map((path) => readRelease(dir, path));
}

/** readArchiveDir + indexArchive: the index the CLI hands to review(). */
export function indexArchiveDir(dir: string): ArchiveIndex {
  return indexArchive(readArchiveDir(dir));
}

function listReleaseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listReleaseFiles(path));
    else if (RELEASE_FILE.test(name)) out.push(path);
  }
  return out;
}

function readRelease(root: string, path: string): PriorRelease {
  const text = readFileSync(path, 'utf8');
  const source = relative(root, path).split(sep).join('/');
  const folder = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : undefined;
  const date = dateOf(text, source.split('/').pop() ?? source);
  return { source, text, ...(date ? { date } : {}), ...(folder ? { matter: folder } : {}) };
}

/** The header line (first line, or inside leading front matter), else the file name. */
export function dateOf(text: string, fileName: string): string | undefined {
  const head = text.startsWith('---')
    ? text.slice(0, text.indexOf('\n---', 3) + 1)
    : text.split('\n', 1)[0];
  const header = DATE_LINE.exec(head ?? '');
  if (header) return header[1].replace('T', ' ');
  const m = NAME_DATE.exec(fileName);
  if (!m) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}
