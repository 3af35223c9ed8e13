import type { Finding, Report } from '@/lib/engine/types';

import { categoryName, GRADE_NAMES } from './labels';

export function GradeSummary({ report }: { report: Report }) {
  const drivers = report.drivers
    .map((rule) => report.findings.find((f) => f.rule === rule && !f.dismissed))
    .filter((f): f is Finding => f !== undefined)
    .slice(0, 3);
  return (
    <section class={`grade grade-${report.grade}`} aria-labelledby="grade-heading">
      <h2 id="grade-heading">Risk grade</h2>
      <p class="grade-line" data-testid="grade" data-grade={report.grade}>
        <span class="grade-badge">{GRADE_NAMES[report.grade]}</span>
        <span class="points">
          {report.points} {report.points === 1 ? 'point' : 'points'}
        </span>
      </p>
      {drivers.length > 0 && (
        <>
          <h3 class="drivers-heading">What drives it</h3>
          <ol class="drivers">
            {drivers.map((f) => (
              <li key={f.rule}>
                <span class="driver-category">{categoryName(f.category)}</span>
                {f.excerpt && <q>{f.excerpt}</q>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
