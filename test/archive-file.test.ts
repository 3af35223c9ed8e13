// @vitest-environment happy-dom
// Release files for the archive: HTML read as a reader would copy it, names from headlines,
// dates as the CLI reads them, and the archive file's schema.
import { describe, expect, it } from 'vitest';

import { readHtml } from '@/entrypoints/options/html-text';
import {
  parseArchiveFile,
  releaseDate,
  releaseTitle,
  sentenceAround,
  uniqueSource,
} from '@/lib/archive-file';

const PAGE = `<!doctype html><html><head><title>Alder Street reopens | County news</title>
<meta property="article:published_time" content="2025-03-16T10:00:00-07:00">
<style>p { color: red }</style><script>var tracking = 1;</script></head>
<body><nav>Home · News</nav>
<article>
  <h1>Alder Street reopens</h1>
  <p>TAMSFORD, Ore. —   Alder Street reopened on <b>Sunday</b>
     morning.</p>
  <ul><li>Fourth Avenue: open</li><li>Sixth Avenue: open</li></ul>
  <p>Call 555-0161.<br>Media: Carla Nyberg</p>
</article>
<footer>© County</footer></body></html>`;

describe('readHtml', () => {
  it('keeps the article text in blocks and drops scripts, styles and navigation', () => {
    const { text, title, date } = readHtml(PAGE);

    expect(text).toBe(
      'Alder Street reopens\n\nTAMSFORD, Ore. — Alder Street reopened on Sunday morning.\n\n' +
        'Fourth Avenue: open\nSixth Avenue: open\n\nCall 555-0161.\nMedia: Carla Nyberg',
    );
    expect(title).toBe('Alder Street reopens | County news');
    expect(date).toBe('2025-03-16 10:00');
  });

  it('reads the whole body when there is no article or main element', () => {
    expect(readHtml('<p>One.</p><script>x()</script><p>Two.</p>').text).toBe('One.\n\nTwo.');
  });
});

describe('release names and dates', () => {
  it('names a release by its headline, not the letterhead', () => {
    const text =
      'Orlen County Fire District\nNEWS RELEASE — Linden Court fire\nFOR IMMEDIATE RELEASE — noon\n\n' +
      'Two dead in Linden Court fire\n\nTAMSFORD, Ore. — Two people died.';

    expect(releaseTitle(text)).toBe('Two dead in Linden Court fire');
    expect(releaseTitle('One line only')).toBe('One line only');
    expect(releaseTitle('x'.repeat(100))).toHaveLength(80);
  });

  it('dates a release as the CLI does: header line, front matter, then file name', () => {
    expect(releaseDate('date: 2025-03-14 12:00\nText')).toBe('2025-03-14 12:00');
    expect(releaseDate('---\ntitle: x\ndate: 2025-03-14\n---\nText')).toBe('2025-03-14');
    expect(releaseDate('Text', '2025-05-06-1330-update.txt')).toBe('2025-05-06 13:30');
    expect(releaseDate('Text', 'update.txt')).toBeUndefined();
  });

  it('keeps sources unique, since findings name releases by them', () => {
    const taken = new Set(['Update']);

    expect([uniqueSource('Update', taken), uniqueSource('Update', taken)]).toEqual([
      'Update (2)',
      'Update (3)',
    ]);
  });

  it('gives the sentence around a span, abbreviations included', () => {
    const text = 'Headline\n\nTAMSFORD, Ore. — Two people died on Friday. Crews left.';
    const at = text.indexOf('Two people');

    expect(sentenceAround(text, at, at + 10)).toBe('TAMSFORD, Ore. — Two people died on Friday.');
  });
});

describe('parseArchiveFile', () => {
  it('names the field that is wrong', () => {
    expect(() =>
      parseArchiveFile({
        lectern: 'archive',
        version: 1,
        releases: [{ text: 'x', date: 'May 5' }],
      }),
    ).toThrow(/archive releases\.0\.date: a date is written YYYY-MM-DD HH:MM/);
    expect(() => parseArchiveFile({ lectern: 'vocabulary' })).toThrow(/archive lectern/);
  });
});
