// The archive of prior releases every draft is checked against: paste one, import files
// (.txt, .md, .html), list and delete them, and move the whole archive as one JSON file. The
// background stores them with their facts indexed once, so a large archive stays fast.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';

import { releaseDate } from '@/lib/archive-file';
import { sendMessage, type ReleaseSummary } from '@/lib/messaging';

import { downloadJson, today } from '../sidepanel/download';
import { readHtml } from './html-text';
import { StatusLine, useStatus } from './status';

const PAGE = 50;
const RELEASE_FILES = /\.(?:txt|text|md|markdown|html?)$/i;

export function ArchiveSection() {
  const [releases, setReleases] = useState<ReleaseSummary[] | null>(null);
  const { status, say, fail } = useStatus();

  const reload = useCallback(async () => {
    try {
      setReleases((await sendMessage('listReleases', undefined)).releases);
    } catch (e) {
      fail(e);
    }
  }, [fail]);

  useEffect(() => void reload(), [reload]);

  const matters = useMemo(
    () => [...new Set((releases ?? []).map((r) => r.matter).filter((m): m is string => !!m))],
    [releases],
  );

  const added = async (list: ReleaseSummary[], how: string) => {
    await reload();
    say(
      list.length === 1
        ? `${how} “${list[0].source}”${list[0].date ? ` (${list[0].date})` : ' (no date found)'}.`
        : `${how} ${list.length} releases.`,
    );
  };

  return (
    <section aria-labelledby="archive-heading" data-testid="archive">
      <h2 id="archive-heading">Archive of earlier releases</h2>
      <p class="muted">
        Every draft is checked against the releases on its matter: a figure that silently drops, a
        time that moves, a name that changes. Releases about the same incident form a matter; name
        it, or leave it empty and Lectern matches drafts by shared names and places.
      </p>
      <datalist id="matters">
        {matters.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <PasteForm added={added} fail={fail} />
      <ImportFiles added={added} fail={fail} />
      <ReleaseList releases={releases} reload={reload} say={say} fail={fail} />
      <ArchiveFile releases={releases} added={added} say={say} fail={fail} />
      <StatusLine status={status} testId="archive-status" />
    </section>
  );
}

interface AddProps {
  added: (list: ReleaseSummary[], how: string) => Promise<void>;
  fail: (e: unknown) => void;
}

function PasteForm({ added, fail }: AddProps) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [matter, setMatter] = useState('');
  return (
    <form
      class="release-form"
      data-testid="paste-release"
      onSubmit={async (e) => {
        e.preventDefault();
        const release = {
          text,
          ...(name.trim() ? { source: name.trim() } : {}),
          ...(date ? { date: date.replace('T', ' ') } : {}),
          ...(matter.trim() ? { matter: matter.trim() } : {}),
        };
        try {
          const r = await sendMessage('addReleases', { releases: [release], origin: 'paste' });
          // The matter stays: the next release pasted is usually on the same one.
          setText('');
          setName('');
          setDate('');
          await added(r.added, 'Added');
        } catch (err) {
          fail(err);
        }
      }}
    >
      <h3 class="wide">Paste a release</h3>
      <label class="field wide">
        Release text
        <textarea
          name="text"
          rows={8}
          required
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        Issued (date and time; empty: read from the release line)
        <input
          type="datetime-local"
          name="date"
          value={date}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        Matter (optional)
        <input
          name="matter"
          list="matters"
          value={matter}
          onInput={(e) => setMatter(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        Name (optional; else its headline)
        <input name="source" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <div class="buttons wide">
        <button type="submit">Add to the archive</button>
      </div>
    </form>
  );
}

function ImportFiles({ added, fail }: AddProps) {
  const [matter, setMatter] = useState('');
  return (
    <div class="import-files">
      <h3>Import release files</h3>
      <p class="muted">
        Plain text, Markdown or HTML, one release a file. The date comes from a first line “date:
        2025-03-14 12:00”, the page’s metadata, a file name that starts with the date, or the
        release line.
      </p>
      <div class="release-form">
        <label class="field">
          Matter for these files (optional)
          <input list="matters" value={matter} onInput={(e) => setMatter(e.currentTarget.value)} />
        </label>
        <label class="field">
          Files
          <input
            type="file"
            multiple
            accept=".txt,.text,.md,.markdown,.html,.htm"
            data-testid="release-files"
            onChange={async (e) => {
              const input = e.currentTarget;
              const files = Array.from(input.files ?? []);
              input.value = '';
              try {
                const releases = await Promise.all(
                  files.filter((f) => RELEASE_FILES.test(f.name)).map((f) => fromFile(f, matter)),
                );
                if (releases.length === 0) throw new Error('No .txt, .md or .html file chosen.');
                const r = await sendMessage('addReleases', { releases, origin: 'file' });
                await added(r.added, 'Imported');
              } catch (err) {
                fail(err);
              }
            }}
          />
        </label>
      </div>
    </div>
  );
}

async function fromFile(file: File, matter: string) {
  const raw = await file.text();
  const html = /\.html?$/i.test(file.name) ? readHtml(raw) : undefined;
  const text = html?.text ?? raw;
  const date = releaseDate(text, file.name) ?? html?.date;
  return {
    text,
    source: file.name,
    ...(date ? { date } : {}),
    ...(matter.trim() ? { matter: matter.trim() } : {}),
  };
}

interface ListProps {
  releases: ReleaseSummary[] | null;
  reload: () => Promise<void>;
  say: (text: string) => void;
  fail: (e: unknown) => void;
}

function ReleaseList({ releases, reload, say, fail }: ListProps) {
  const [shown, setShown] = useState(PAGE);
  if (releases === null) return <p class="muted">Loading the archive…</p>;
  if (releases.length === 0) {
    return (
      <p class="empty" data-testid="archive-empty">
        The archive is empty. Paste or import earlier releases above, or use “Add this page to the
        archive” in the side panel on a published release.
      </p>
    );
  }
  const sorted = releases
    .slice()
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id);
  return (
    <>
      <h3>
        {releases.length} {releases.length === 1 ? 'release' : 'releases'} in the archive
      </h3>
      <table class="releases" data-testid="release-list">
        <thead>
          <tr>
            <th scope="col">Issued</th>
            <th scope="col">Release</th>
            <th scope="col">Matter</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((r) => (
            <tr key={r.id} data-testid="release">
              <td>{r.date ?? <span class="muted">no date</span>}</td>
              <td class="source">
                {r.source}
                <br />
                <span class="muted">
                  {r.words} words · {ORIGINS[r.origin] ?? r.origin}
                </span>
              </td>
              <td>{r.matter ?? <span class="muted">—</span>}</td>
              <td>
                <button
                  type="button"
                  class="link"
                  aria-label={`Delete ${r.source}`}
                  onClick={async () => {
                    try {
                      await sendMessage('deleteRelease', { id: r.id });
                      await reload();
                      say(`Deleted “${r.source}”.`);
                    } catch (err) {
                      fail(err);
                    }
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown < sorted.length && (
        <button type="button" onClick={() => setShown(shown + PAGE * 4)}>
          Show more ({sorted.length - shown} not shown)
        </button>
      )}
    </>
  );
}

const ORIGINS: Record<string, string> = {
  paste: 'pasted',
  file: 'imported file',
  page: 'captured page',
  draft: 'released draft',
  import: 'archive import',
};

interface FileProps {
  releases: ReleaseSummary[] | null;
  added: AddProps['added'];
  say: (text: string) => void;
  fail: (e: unknown) => void;
}

function ArchiveFile({ releases, added, say, fail }: FileProps) {
  return (
    <div class="buttons">
      <button
        type="button"
        disabled={!releases?.length}
        onClick={async () => {
          try {
            const file = await sendMessage('exportArchive', undefined);
            downloadJson(`lectern-archive-${today()}.json`, file);
            say(`Exported ${file.releases.length} releases.`);
          } catch (err) {
            fail(err);
          }
        }}
      >
        Export the archive
      </button>
      <label class="file-button">
        Import an archive file…{' '}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="archive-import"
          onChange={async (e) => {
            const input = e.currentTarget;
            const chosen = input.files?.[0];
            input.value = '';
            if (!chosen) return;
            try {
              const file: unknown = JSON.parse(await chosen.text());
              const { added: count } = await sendMessage('importArchive', { file });
              await added([], 'Imported');
              say(
                count
                  ? `Imported ${count} releases (releases already in the archive were skipped).`
                  : 'Nothing new: every release in the file is already in the archive.',
              );
            } catch (err) {
              fail(err);
            }
          }}
        />
      </label>
    </div>
  );
}
