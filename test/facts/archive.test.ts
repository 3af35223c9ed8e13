// The archive on disk and in memory: reading a folder of releases, indexing it once, and
// handing the index (or its JSON copy) to review().
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { review } from '../../lib/engine';
import { indexArchive, selectMatters } from '../../lib/facts/archive';
import { dateOf, indexArchiveDir, readArchiveDir } from '../../lib/facts/archive-node';
import { builtinRules } from '../../lib/rule-packs-node';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-archive-'));
  mkdirSync(join(dir, 'bus-crash'));
  mkdirSync(join(dir, 'warehouse-fire'));
  writeFileSync(
    join(dir, 'bus-crash', '2025-05-06-0815-first.txt'),
    'date: 2025-05-06 08:15\nWexmoor Police\n\nFourteen people were injured when a Wexmoor Transit bus and a truck collided on Harbor Road.\n',
  );
  writeFileSync(
    join(dir, 'bus-crash', '2025-05-06-1330-update.md'),
    '# Update\n\nAs of 1 p.m., five of the 14 people injured on Harbor Road remain in hospital.\n',
  );
  writeFileSync(
    join(dir, 'warehouse-fire', 'first.txt'),
    'date: 2025-07-19 04:00\nThe fire at the Quayside warehouse on Dock Street started at about 2:15 a.m.\n',
  );
  writeFileSync(join(dir, 'warehouse-fire', 'notes.json'), '{}');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readArchiveDir', () => {
  it('reads one release per text or Markdown file, with its matter and date', () => {
    const releases = readArchiveDir(dir);

    expect(releases.map((r) => [r.source, r.matter, r.date])).toEqual([
      ['bus-crash/2025-05-06-0815-first.txt', 'bus-crash', '2025-05-06 08:15'],
      ['bus-crash/2025-05-06-1330-update.md', 'bus-crash', '2025-05-06 13:30'],
      ['warehouse-fire/first.txt', 'warehouse-fire', '2025-07-19 04:00'],
    ]);
  });

  it('treats a folder of files as one matter', () => {
    const releases = readArchiveDir(join(dir, 'bus-crash'));

    expect(releases.map((r) => [r.source, r.matter])).toEqual([
      ['2025-05-06-0815-first.txt', undefined],
      ['2025-05-06-1330-update.md', undefined],
    ]);
  });
});

describe('dateOf', () => {
  it('prefers the header, then front matter, then the file name', () => {
    expect(dateOf('date: 2025-05-06 08:15\ntext', 'x.txt')).toBe('2025-05-06 08:15');
    expect(dateOf('---\ntitle: x\ndate: 2025-05-06T08:15\n---\ntext', 'x.md')).toBe(
      '2025-05-06 08:15',
    );
    expect(dateOf('text', '2025-05-06-1330-update.txt')).toBe('2025-05-06 13:30');
    expect(dateOf('text', '2025-05-06-update.txt')).toBe('2025-05-06');
    expect(dateOf('text', 'update.txt')).toBeUndefined();
  });
});

describe('indexArchive', () => {
  const rules = builtinRules();
  const draft =
    "Wexmoor Police\nFOR IMMEDIATE RELEASE — 9 a.m., Wednesday, May 7, 2025\n\nEleven people were injured in Tuesday's collision between a Wexmoor Transit bus and a truck on Harbor Road.\n";

  it('picks the matter the draft is about', () => {
    const index = indexArchiveDir(dir);

    expect(selectMatters(index, draft)).toEqual(['bus-crash']);
  });

  it('gives review() the same findings from releases, an index, or its JSON copy', () => {
    const releases = readArchiveDir(dir);
    const index = indexArchive(releases);
    const copy = JSON.parse(JSON.stringify(index));
    const incon = (archive: typeof releases | typeof index) =>
      review(draft, { type: 'crisis-update', flags: ['crisis'] }, { rules, archive })
        .findings.filter((f) => f.family === 'inconsistency')
        .map((f) => [f.category, f.severity, f.excerpt, f.related?.source]);

    const fromReleases = incon(releases);

    expect(fromReleases).toEqual([
      ['count-changed', 'critical', 'Eleven people', 'bus-crash/2025-05-06-1330-update.md'],
    ]);
    expect(incon(index)).toEqual(fromReleases);
    expect(incon(copy)).toEqual(fromReleases);
  });

  it('points related spans into the prior release as read', () => {
    const releases = readArchiveDir(dir);
    const report = review(draft, undefined, { rules, archive: releases });
    const found = report.findings.find((f) => f.family === 'inconsistency');
    const source = releases.find((r) => r.source === found?.related?.source);

    expect(source?.text.slice(found!.related!.start, found!.related!.end)).toBe(
      found?.related?.excerpt,
    );
  });
});
