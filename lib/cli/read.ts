// Reading a draft for review: the file must exist, be text (UTF-8, no NUL bytes) and say
// something. Each refusal is one line that names the file and the reason.
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

import { parseDismissals, type DismissalItem } from '../dismissals';
import type { ArchiveIndex } from '../facts/archive';
import { indexArchiveDir } from '../facts/archive-node';
import type { RuleSet } from '../rule-packs';
import { parseVocabulary, vocabularyRules } from '../vocabulary';

export class UsageError extends Error {}

// A release is a few pages; 5 MB is already thousands of them, and reviewing it takes
// seconds. Larger input is almost certainly the wrong file.
const MAX_MB = 5;
const MAX_BYTES = MAX_MB * 1024 * 1024;

export async function readDraft(file: string, stdin: () => Promise<Buffer>): Promise<string> {
  const bytes = file === '-' ? await stdin() : await readBytes(file);
  const name = file === '-' ? 'standard input' : file;

  if (bytes.includes(0)) throw new UsageError(`${name}: looks like a binary file, not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`${name}: is not valid UTF-8 text (save it as UTF-8 and try again)`);
  }
  if (text.trim() === '') throw new UsageError(`${name}: is empty, nothing to review`);

  // A byte-order mark stays: offsets are into the text as read (DESIGN.md report contract).
  return text;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`${file}: is a directory, not a file`);
    if (info.size > MAX_BYTES) {
      const mb = (info.size / 1048576).toFixed(1);
      throw new UsageError(
        `${file}: is ${mb} MB; the limit is ${MAX_MB} MB (split it, one release per file)`,
      );
    }
    return await readFile(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : (e as Error).message;
    throw new UsageError(`${file}: cannot read (${reason})`);
  }
}

async function readJsonFile(file: string, what: string): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(file));
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: ${what} is not valid JSON (${(e as Error).message})`);
  }
}

export async function readPack(file: string): Promise<RuleSet> {
  try {
    return vocabularyRules(parseVocabulary(await readJsonFile(file, 'the vocabulary pack')));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
}

export async function readDismissals(file: string): Promise<DismissalItem[]> {
  try {
    return parseDismissals(await readJsonFile(file, 'the dismissals record'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
}

/** Prior releases for the consistency check: one release per .txt/.md file under `dir`. */
export function readArchive(dir: string): ArchiveIndex {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`${dir}: cannot read the archive (no such folder)`);
  }
  if (!isDir)
    throw new UsageError(`${dir}: --archive needs a folder of prior releases, not a file`);
  try {
    const index = indexArchiveDir(dir);
    if (index.releases.length === 0) {
      throw new UsageError(`${dir}: the archive holds no .txt or .md releases`);
    }
    return index;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${dir}: cannot read the archive (${(e as Error).message})`);
  }
}
