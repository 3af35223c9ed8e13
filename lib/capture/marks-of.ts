// What the page is told about a report: the findings that point at text and are not dismissed,
// with the few words their tooltip shows. Built in the background, painted by the content script.
import type { Report } from '../engine/types';
import type { PageMark } from './marks';

/** More marks than this are noise on a page; the panel still lists every finding. */
export const MAX_MARKS = 500;

export function marksOf(report: Report | undefined): PageMark[] {
  if (!report) return [];
  return report.findings
    .filter((f) => !f.dismissed && f.end > f.start && f.excerpt)
    .slice(0, MAX_MARKS)
    .map((f) => ({
      start: f.start,
      end: f.end,
      excerpt: f.excerpt,
      severity: f.severity,
      label: f.category.replace(/-/g, ' '),
      message: f.message,
    }));
}
