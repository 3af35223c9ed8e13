// Output formats. Text reads like a compiler's: file:line:col severity family/category message,
// then the excerpt and suggestion indented, then a one-line grade summary per file.
import type { Finding, Report } from '../engine/types';

export function formatJson(reports: Report[]): string {
  const body = reports.length === 1 ? reports[0] : reports;
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function formatText(reports: Report[], texts: Map<string, string>): string {
  const out: string[] = [];
  for (const r of reports) {
    const text = texts.get(r.file ?? '') ?? '';
    const lines = lineStarts(text);
    for (const f of r.findings) out.push(...findingLines(r.file ?? '-', f, lines));
    for (const p of r.problems) out.push(`${p.file}: problem ${p.rule}: ${p.message}`);
    out.push(summary(r), '');
  }
  return `${out.join('\n')}`;
}

function findingLines(file: string, f: Finding, lines: number[]): string[] {
  const { line, col } = position(lines, f.start);
  const head = `${file}:${line}:${col} ${f.severity} ${f.family}/${f.category} ${f.message}`;
  const extra = [
    f.excerpt ? `    “${oneLine(f.excerpt)}”` : undefined,
    f.related
      ? `    earlier: “${oneLine(f.related.excerpt)}” (${f.related.source ?? 'same text'})`
      : undefined,
    `    why: ${f.why} (${f.guideline})`,
    `    try: ${f.suggestion}`,
    f.dismissed ? `    dismissed by ${f.dismissed.by}: ${f.dismissed.reason}` : undefined,
  ];
  return [head, ...extra.filter((l): l is string => l !== undefined)];
}

function summary(r: Report): string {
  const ctx = `${r.context.type}${r.context.flags.length ? ` [${r.context.flags.join(', ')}]` : ''}`;
  const how = r.context.inferred ? 'inferred' : 'given';
  const drivers = r.drivers.length ? `; top drivers: ${r.drivers.join(', ')}` : '';
  return `${r.file ?? '-'}: grade ${r.grade.toUpperCase()} (${plural(r.points, 'point')}, ${plural(r.findings.length, 'finding')}); context ${ctx} (${how})${drivers}`;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line and column (UTF-16 units, as the offsets are). */
function position(starts: number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo] + 1 };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
