// `lectern review FILE… [--archive DIR] [--type T] [--flags a,b] [--format text|json]
// [--fail-on SEVERITY]` (DESIGN.md "Command line"). Exit 0: nothing reaches --fail-on;
// 1: something does; 2: bad usage or unreadable input, with a one-line reason on stderr.
import { parseArgs } from 'node:util';

import { review } from '../engine';
import type { ContextFlag, ContextInput, Report, Severity } from '../engine/types';
import { CONTEXT_FLAGS, RELEASE_TYPES, SEVERITIES } from '../engine/types';
import { builtinRules } from '../rule-packs-node';
import { applyDismissals } from '../dismissals';
import { mergeRuleSets } from '../vocabulary';
import { formatJson, formatText } from './format';
import { readArchive, readDismissals, readDraft, readPack, UsageError } from './read';

const USAGE = `usage: lectern review FILE… [--archive DIR] [--type ${RELEASE_TYPES.join('|')}]
                      [--flags ${CONTEXT_FLAGS.slice(0, 3).join(',')},…] [--format text|json]
                      [--fail-on ${SEVERITIES.join('|')}] [--pack VOCABULARY.json]…
                      [--dismissals RECORD.json]
       FILE may be - for standard input.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<Buffer>;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: readStdin,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`lectern: ${e.message}\n`);
      return 2;
    }
    io.err(`lectern: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const help = ['--help', '-h', 'help'];
  if (command === undefined) {
    io.err(`lectern: no command given\n${USAGE}\n`);
    return 2;
  }
  if (help.includes(command) || (command === 'review' && rest.some((a) => help.includes(a)))) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'review')
    throw new UsageError(`unknown command "${command}" (try: lectern review FILE)`);

  const opts = parseOptions(rest);
  const rules = mergeRuleSets(builtinRules(), ...(await Promise.all(opts.packs.map(readPack))));
  const dismissals = opts.dismissals ? await readDismissals(opts.dismissals) : [];
  const archive = opts.archive ? readArchive(opts.archive) : undefined;
  const texts = new Map<string, string>();
  for (const file of opts.files) texts.set(file, await readDraft(file, io.stdin));

  const reports: Report[] = [...texts].map(([file, text]) =>
    applyDismissals(
      review(text, opts.context, { rules, file, ...(archive ? { archive } : {}) }),
      dismissals,
    ),
  );
  io.out(opts.format === 'json' ? formatJson(reports) : formatText(reports, texts));
  return reports.some((r) => reachesFailOn(r, opts.failOn)) ? 1 : 0;
}

/** A finding at or above --fail-on, or a grade that is (many small findings add up). */
function reachesFailOn(r: Report, failOn: Severity): boolean {
  const at = SEVERITIES.indexOf(failOn);
  const live = r.findings.filter((f) => !f.dismissed);
  const byGrade = r.grade !== 'low' && SEVERITIES.indexOf(r.grade) >= at;
  return byGrade || live.some((f) => SEVERITIES.indexOf(f.severity) >= at);
}

interface Options {
  files: string[];
  context: ContextInput | undefined;
  format: 'text' | 'json';
  failOn: Severity;
  packs: string[];
  dismissals: string | undefined;
  archive: string | undefined;
}

function parseOptions(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        type: { type: 'string' },
        flags: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'high' },
        pack: { type: 'string', multiple: true, default: [] },
        dismissals: { type: 'string' },
        archive: { type: 'string' },
      },
    });
  } catch (e) {
    const message = (e as Error).message;
    const option = /option '([^']+)'/.exec(message)?.[1];
    throw new UsageError(option ? `unknown option ${option}\n${USAGE}` : message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0)
    throw new UsageError('no input file given (use - for standard input)');

  return {
    files: positionals,
    context: contextFrom(values.type, values.flags),
    format: oneOf('--format', values.format!, ['text', 'json'] as const),
    failOn: oneOf('--fail-on', values['fail-on']!, SEVERITIES),
    packs: values.pack ?? [],
    dismissals: values.dismissals,
    archive: values.archive,
  };
}

function contextFrom(
  type: string | undefined,
  flags: string | undefined,
): ContextInput | undefined {
  const list =
    flags === undefined
      ? undefined
      : flags
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean);
  for (const f of list ?? []) oneOf('--flags', f, CONTEXT_FLAGS);
  if (type === undefined && list === undefined) return undefined;

  return {
    ...(type !== undefined ? { type: oneOf('--type', type, RELEASE_TYPES) } : {}),
    ...(list !== undefined ? { flags: list as ContextFlag[] } : {}),
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
