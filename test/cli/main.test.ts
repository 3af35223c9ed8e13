import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { main } from '../../lib/cli/main';
import { readArchiveDir } from '../../lib/facts/archive-node';
import type { Report } from '../../lib/engine/types';

const dir = mkdtempSync(join(tmpdir(), 'lectern-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    stdin: async () => Buffer.from('Residents have nothing to worry about.'),
  });
  return { code, out, err };
}

const risky = 'Water update\n\nThe water is safe. Residents have nothing to worry about.\n';

describe('lectern review', () => {
  it('prints compiler-style lines with 1-based line and column', async () => {
    const path = file('risky.txt', risky);

    const { out, code } = await run('review', path, '--type', 'routine');

    expect(out).toMatch(new RegExp(`^${path}:3:35 medium risky-phrasing/absolute-assurance `, 'm'));
    expect(out).toMatch(/grade (MEDIUM|HIGH)/);
    expect(code).toBeLessThan(2);
  });

  it('emits the report contract as JSON with offsets into the text', async () => {
    const path = file('risky.json.txt', risky);

    const { out } = await run('review', path, '--format', 'json', '--type', 'routine');
    const report = JSON.parse(out) as Report;

    expect(report.file).toBe(path);
    expect(report.context).toMatchObject({ type: 'routine', flags: [], inferred: false });
    for (const f of report.findings) expect(risky.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('prints an array for several files', async () => {
    const a = file('a.txt', risky);
    const b = file('b.txt', 'The library opens at noon on Sundays.\n');

    const { out } = await run('review', a, b, '--format', 'json');

    expect(JSON.parse(out)).toHaveLength(2);
  });

  it('exits 1 when a finding reaches --fail-on', async () => {
    const path = file('fail.txt', risky);

    expect((await run('review', path, '--type', 'routine', '--fail-on', 'medium')).code).toBe(1);
    expect((await run('review', path, '--type', 'routine', '--fail-on', 'high')).code).toBe(0);
  });

  it('reads standard input from -', async () => {
    const { out } = await run('review', '-', '--type', 'crisis-initial', '--flags', 'crisis');

    expect(out).toMatch(/^-:1:\d+ \w+ risky-phrasing\/absolute-assurance /m);
  });

  it.each([
    [
      'a missing file',
      ['review', join(dir, 'nope.txt')],
      /nope\.txt: cannot read \(no such file\)/,
    ],
    ['a binary file', ['review', file('bin.dat', Buffer.from([0x89, 0x50, 0, 1]))], /binary/],
    [
      'invalid UTF-8',
      ['review', file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]))],
      /UTF-8/,
    ],
    ['an empty file', ['review', file('empty.txt', '  \n')], /empty/],
    ['a directory', ['review', dir], /directory/],
    ['an unknown option', ['review', 'x.txt', '--colour'], /unknown option --colour/],
    ['an unknown type', ['review', 'x.txt', '--type', 'urgent'], /--type must be one of/],
    ['an unknown flag', ['review', 'x.txt', '--flags', 'crisis,panic'], /--flags must be one of/],
    ['no file', ['review'], /no input file/],
    ['an unknown command', ['lint', 'x.txt'], /unknown command/],
    [
      'a missing archive',
      ['review', file('arch.txt', risky), '--archive', join(dir, 'no-archive')],
      /no such folder/,
    ],
    [
      'a broken vocabulary pack',
      ['review', file('ok.txt', risky), '--pack', file('p.json', '{"lectern":"vocabulary"}')],
      /vocabulary version/,
    ],
  ])('exits 2 with a one-line reason for %s', async (_what, argv, reason) => {
    const { code, err, out } = await run(...argv);

    expect(code).toBe(2);
    expect(err.split('\n')[0]).toMatch(reason);
    expect(out).toBe('');
  });

  it('reviews a 1 MB draft without crashing', async () => {
    const big = file(
      'big.txt',
      `${'The county opened a new clinic on Main Street today. '.repeat(20_000)}\n`,
    );

    const { code, out } = await run('review', big, '--format', 'json');

    expect(code).toBeLessThan(2);
    expect(JSON.parse(out).stats.words).toBeGreaterThan(150_000);
  }, 60_000);

  it('applies a vocabulary pack and a dismissals record', async () => {
    const draft = file('vocab.txt', 'The Harlow Sheriff Dept said the road is closed.\n');
    const pack = file(
      'vocab.json',
      JSON.stringify({
        lectern: 'vocabulary',
        version: 1,
        name: 'Harlow County',
        names: [{ official: "Harlow County Sheriff's Office", variants: ['Harlow Sheriff Dept'] }],
      }),
    );
    const dismissals = file(
      'dismiss.json',
      JSON.stringify({
        lectern: 'dismissals',
        version: 1,
        items: [
          {
            rule: 'harlow-county/name-0',
            excerpt: 'Harlow Sheriff Dept',
            reason: 'quoting a sign',
            by: 'Jo',
            at: '2026-12-01T10:00:00Z',
          },
        ],
      }),
    );

    const flagged = JSON.parse(
      (await run('review', draft, '--pack', pack, '--format', 'json')).out,
    ) as Report;
    const dismissed = JSON.parse(
      (await run('review', draft, '--pack', pack, '--dismissals', dismissals, '--format', 'json'))
        .out,
    ) as Report;

    expect(flagged.findings.find((f) => f.category === 'official-name')?.excerpt).toBe(
      'Harlow Sheriff Dept',
    );
    expect(dismissed.findings.find((f) => f.category === 'official-name')?.dismissed?.reason).toBe(
      'quoting a sign',
    );
  });

  it('checks a draft against an archive of prior releases and names both spans', async () => {
    const archive = join(dir, 'matter');
    mkdirSync(archive, { recursive: true });
    writeFileSync(
      join(archive, '2025-05-06-0815-crash.txt'),
      'date: 2025-05-06 08:15\n\nTwo people died in the crash on Route 9, the county medical examiner said.\n',
    );
    const draft = file(
      'update.txt',
      'UPDATE — Route 9 crash\n\nOne person died in the crash on Route 9, the county medical examiner said.\n',
    );

    const report = JSON.parse(
      (await run('review', draft, '--archive', archive, '--format', 'json')).out,
    ) as Report;
    const hit = report.findings.find((f) => f.family === 'inconsistency');

    expect(hit?.excerpt).toMatch(/One person/);
    expect(hit?.related).toMatchObject({
      source: '2025-05-06-0815-crash.txt',
      excerpt: expect.stringMatching(/Two people/),
    });
  });

  it('keeps offsets into the text as read when the file starts with a byte-order mark', async () => {
    const path = file('bom.txt', `\uFEFF${risky}`);

    const report = JSON.parse((await run('review', path, '--format', 'json')).out) as Report;

    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(`\uFEFF${risky}`.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('fails a draft whose grade reaches --fail-on even when no single finding does', async () => {
    const many = file('many.txt', 'Well!! Wow!! Great!! Fun!! Yay!! 😀 🎉 🔥 👍 ✨\n'.repeat(3));

    const report = JSON.parse(
      (await run('review', many, '--format', 'json', '--type', 'routine')).out,
    ) as Report;
    const worst = Math.max(
      ...report.findings.map((f) =>
        ['info', 'low', 'medium', 'high', 'critical'].indexOf(f.severity),
      ),
    );

    expect(['medium', 'high', 'critical']).toContain(report.grade);
    expect(worst).toBeLessThan(['info', 'low', 'medium', 'high', 'critical'].indexOf(report.grade));
    expect((await run('review', many, '--type', 'routine', '--fail-on', report.grade)).code).toBe(
      1,
    );
  });

  it('prints usage for --help and exits 0', async () => {
    const { code, out } = await run('review', '--help');

    expect(code).toBe(0);
    expect(out).toMatch(/^usage: lectern review/);
  });

  it("says when no rules cover the draft's language", async () => {
    const zh = file(
      'zh.txt',
      '今天下午，化工园区发生火灾，目前已造成两人受伤。请附近居民关闭门窗。\n',
    );

    const { out } = await run('review', zh);

    expect(out).toMatch(/no rules for this draft's language \(zh\)/);
  });

  it('skips links and impossible dates in an archive', async () => {
    const archive = join(dir, 'odd-archive');
    mkdirSync(archive, { recursive: true });
    writeFileSync(
      join(archive, '2025-05-06-0815-crash.txt'),
      'date: 2025-05-06 08:15\n\nTwo people died in the crash on Route 9, the county medical examiner said.\n',
    );
    writeFileSync(
      join(archive, 'typo.txt'),
      'date: 2025-13-45 99:99\n\nThirty people died in the crash on Route 9.\n',
    );
    symlinkSync(join(archive, 'missing.txt'), join(archive, 'dangling.txt'));
    symlinkSync('..', join(archive, 'loop'));
    const draft = file(
      'odd-update.txt',
      'UPDATE — Route 9 crash\n\nOne person died in the crash on Route 9, the county medical examiner said.\n',
    );

    const { code, err } = await run('review', draft, '--archive', archive, '--format', 'json');
    const releases = readArchiveDir(archive);

    expect(err).toBe('');
    expect(code).toBeLessThan(2);
    expect(releases.map((r) => [r.source, r.date])).toEqual([
      ['2025-05-06-0815-crash.txt', '2025-05-06 08:15'],
      ['typo.txt', undefined],
    ]);
  });
});
