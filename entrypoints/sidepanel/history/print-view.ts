// A plain, print-friendly page of the audit trail: black on white, full width, no controls. It
// opens as a page of its own (a blob URL of this extension), so the browser's Print command
// prints the trail and nothing else. Every piece of user text is escaped.
import type { AuditView } from '@/lib/review/view';

const STYLE = `
  body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #000; background: #fff;
         margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }
  h1 { font-size: 16pt; margin: 0 0 0.25rem; }
  .meta { color: #333; font-size: 9.5pt; margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #999; padding: 0.35rem 0.4rem; text-align: left;
           vertical-align: top; }
  th { font-size: 9.5pt; text-transform: uppercase; letter-spacing: 0.03em; }
  td.when { white-space: nowrap; font-family: ui-monospace, monospace; font-size: 9pt; }
  td.kind { font-weight: bold; }
  ul { margin: 0.2rem 0 0; padding-left: 1.1rem; font-size: 9.5pt; overflow-wrap: anywhere; }
  .hint { color: #555; font-size: 9pt; }
  @media print { .hint { display: none; } body { margin: 0; } tr { break-inside: avoid; } }
`;

export function printPage(audit: AuditView, now = new Date()): string {
  const rows = audit.events
    .map(
      (
        e,
      ) => `<tr><td class="when">${esc(new Date(e.at).toISOString().replace('T', ' ').slice(0, 19))}</td>
<td class="kind">${esc(e.kind)}</td><td>${esc(e.title)}${
        e.details.length ? `<ul>${e.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>` : ''
      }</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Audit trail: ${esc(audit.title || 'untitled draft')}</title><style>${STYLE}</style></head>
<body><p class="hint">Print this page with your browser’s Print command (Ctrl+P or ⌘P).</p>
<h1>Review audit trail: ${esc(audit.title || 'untitled draft')}</h1>
<p class="meta">${esc(audit.label)} · ${audit.events.length} events, oldest first · printed from
Lectern ${esc(now.toISOString().replace('T', ' ').slice(0, 16))} UTC</p>
<table><thead><tr><th>When (UTC)</th><th>What</th><th>Detail</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
