import { FAMILIES, type Finding, type Report } from '@/lib/engine/types';

import { categoryName, FAMILY_NAMES, SEVERITY_NAMES } from './labels';

interface Props {
  report: Report;
  select: (span: { start: number; end: number; excerpt: string }) => void;
}

export function FindingList({ report, select }: Props) {
  const count = report.findings.length;
  return (
    <section class="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings ({count})</h2>
      {count === 0 && (
        <p class="empty" data-testid="no-findings">
          No findings. Lectern found nothing risky in this draft; a person should still read it.
        </p>
      )}
      {FAMILIES.map((family) => {
        const items = report.findings.filter((f) => f.family === family);
        if (items.length === 0) return null;
        return (
          <section key={family} class="family" aria-labelledby={`family-${family}`}>
            <h3 id={`family-${family}`}>
              {FAMILY_NAMES[family]} ({items.length})
            </h3>
            <ul>
              {items.map((f) => (
                <FindingItem key={`${f.rule}:${f.start}:${f.end}`} finding={f} select={select} />
              ))}
            </ul>
          </section>
        );
      })}
      {report.problems.length > 0 && (
        <details class="problems">
          <summary>{report.problems.length} rules could not run</summary>
          <ul>
            {report.problems.map((p) => (
              <li key={p.rule}>
                {p.rule}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function FindingItem({ finding: f, select }: { finding: Finding; select: Props['select'] }) {
  const head = (
    <>
      <span class={`severity severity-${f.severity}`}>{SEVERITY_NAMES[f.severity]}</span>
      <span class="category">{categoryName(f.category)}</span>
      {f.excerpt && <q class="excerpt">{f.excerpt}</q>}
      <span class="message">{f.message}</span>
    </>
  );
  return (
    <li
      class={`finding finding-${f.severity}`}
      data-testid="finding"
      data-rule={f.rule}
      data-category={f.category}
    >
      {f.excerpt ? (
        <button
          type="button"
          class="finding-head"
          title="Select this passage in the editor"
          onClick={() => select({ start: f.start, end: f.end, excerpt: f.excerpt })}
        >
          {head}
          <span class="visually-hidden"> Select in the editor.</span>
        </button>
      ) : (
        <p class="finding-head">{head}</p>
      )}
      <p class="suggestion">
        <strong>Instead: </strong>
        {f.suggestion}
      </p>
      <details>
        <summary>Why it matters</summary>
        <p>{f.why}</p>
        <p class="guideline">Guideline: {f.guideline}</p>
      </details>
      {f.dismissed && (
        <p class="dismissed">
          Dismissed by {f.dismissed.by}: {f.dismissed.reason}
        </p>
      )}
    </li>
  );
}
