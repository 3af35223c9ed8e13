// Reads an archive of prior releases from disk for the CLI (`--archive DIR`) and tests. One
// release per file (plain text or Markdown); its date comes from a first-line
// `date: YYYY-MM-DD HH:MM` header (or the same line in Markdown front matter), else from a file
// name that starts with the date ("2025-05-06-1330-update.txt"). Files in sub-folders belong to
// the matter named by their folder, so one archive can hold many matters.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { releaseDate } from '../archive-file';
import type { PriorRelease } from '../engine/types';
import { indexArchive, type ArchiveIndex } from './archive';

const RELEASE_FILE = /\.(?:txt|md|markdown|text)$/i;

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
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    // Links are not followed: a link can loop, dangle, or pull in a folder of other things.
    if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listReleaseFiles(path));
    else if (entry.isFile() && RELEASE_FILE.test(entry.name)) out.push(path);
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
export const dateOf = releaseDate;
