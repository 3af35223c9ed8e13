// Loading and validating rule packs. Packs arrive as already-read JSON (the CLI reads rules/
// from disk, the extension bundles it), so this file stays free of fs and of the browser.
// A broken rule becomes a problem naming the file, the rule and the field; the rest still load.
import { z } from 'zod';

import type { Problem } from './engine/types';
import { KINDS } from './kinds';
import { PackSchema, RuleBaseSchema, type PackManifest, type RuleBase } from './rule-schema';

export interface LoadedRule extends RuleBase {
  file: string;
  lang: PackManifest['lang'];
  /** params after the kind's schema has filled defaults */
  parsed: unknown;
}

export interface RuleSet {
  rules: LoadedRule[];
  problems: Problem[];
}

/** files: path relative to the packs folder ("core/no-risk.json") → its text. */
export function loadPacks(files: Record<string, string>): RuleSet {
  const rules: LoadedRule[] = [];
  const problems: Problem[] = [];
  const manifests = new Map<string, PackManifest>();

  for (const [file, raw] of sorted(files)) {
    if (!file.endsWith('/pack.json')) continue;
    const r = parseWith(PackSchema, raw);
    if (r.ok) manifests.set(packOf(file), r.value);
    else problems.push({ rule: packOf(file), file, message: `pack skipped: ${r.error}` });
  }

  for (const [file, raw] of sorted(files)) {
    if (file.endsWith('/pack.json') || !file.endsWith('.json')) continue;
    const pack = manifests.get(packOf(file));
    if (!pack) {
      problems.push({ rule: file, file, message: `rule skipped: no valid pack.json beside it` });
      continue;
    }
    const loaded = loadRule(file, raw, pack);
    if ('parsed' in loaded) rules.push(loaded);
    else problems.push(loaded);
  }
  return { rules, problems };
}

function loadRule(file: string, raw: string, pack: PackManifest): LoadedRule | Problem {
  const base = parseWith(RuleBaseSchema, raw);
  const guessId = `${packOf(file)}/${file
    .split('/')
    .pop()!
    .replace(/\.json$/, '')}`;
  if (!base.ok) return { rule: guessId, file, message: `rule skipped: ${base.error}` };

  const rule = base.value;
  if (rule.id !== guessId) {
    return {
      rule: rule.id,
      file,
      message: `rule skipped: id must be "${guessId}" (pack/file name)`,
    };
  }
  const kind = KINDS[rule.kind];
  if (!kind) {
    const known = Object.keys(KINDS).join(', ');
    return { rule: rule.id, file, message: `rule skipped: unknown kind "${rule.kind}" (${known})` };
  }
  const params = kind.params.safeParse(rule.params);
  if (!params.success) {
    return { rule: rule.id, file, message: `rule skipped: ${describe(params.error, 'params')}` };
  }
  const badRegex = findBadRegex(rule, params.data);
  if (badRegex) return { rule: rule.id, file, message: `rule skipped: ${badRegex}` };

  return { ...rule, file, lang: pack.lang, parsed: params.data };
}

function parseWith<T>(
  schema: z.ZodType<T>,
  raw: string,
): { ok: true; value: T } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  const r = schema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: describe(r.error) };
}

function describe(error: z.ZodError, prefix?: string): string {
  const issue = error.issues[0];
  const path = [prefix, ...issue.path].filter((p) => p !== undefined).join('.');
  return `${path || '(root)'}: ${issue.message}`;
}

/** Regex sources are validated at load time so a typo names its rule instead of failing later. */
function findBadRegex(rule: RuleBase, params: unknown): string | undefined {
  const sources: Array<[string, string]> = rule.raise.map((r, i) => [
    `raise.${i}.pattern`,
    r.pattern,
  ]);
  collectStrings(params, 'params', sources);
  for (const [path, source] of sources) {
    if (path.endsWith('.match') && rule.kind === 'grammar') continue;
    try {
      new RegExp(source, 'iu');
    } catch (e) {
      return `${path}: invalid regular expression (${(e as Error).message})`;
    }
  }
  return undefined;
}

function collectStrings(value: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k !== 'severityByType') collectStrings(v, `${path}.${k}`, out);
    }
  }
}

function packOf(file: string): string {
  return file.split('/')[0];
}

function sorted(files: Record<string, string>): Array<[string, string]> {
  return Object.entries(files).sort(([a], [b]) => a.localeCompare(b));
}
