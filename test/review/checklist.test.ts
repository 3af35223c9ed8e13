import { describe, expect, it } from 'vitest';

import type { Report } from '../../lib/engine/types';
import { lastFullApproval } from '../../lib/review/approval';
import { auditEvents, auditMarkdown } from '../../lib/review/audit';
import {
  approvalBlockers,
  findingsToSettle,
  signedChecklist,
  checklistOf,
} from '../../lib/review/checklist';
import { DEFAULT_LEVELS } from '../../lib/review/levels';
import { createKeyPair, sha256Hex, signOff, type SignOff } from '../../lib/review/signoff';

const L1 = DEFAULT_LEVELS[0];
const L4 = DEFAULT_LEVELS[4];

function report(
  grade: Report['grade'],
  findings: Array<Partial<Report['findings'][number]>>,
): Report {
  return {
    grade,
    points: 0,
    context: { type: 'routine', flags: [], inferred: false },
    drivers: [],
    findings: findings.map((f) => ({
      rule: 'core/x',
      family: 'risky-phrasing',
      category: 'absolute-assurance',
      severity: 'high',
      start: 0,
      end: 4,
      excerpt: 'safe',
      message: 'm',
      why: '',
      guideline: '',
      suggestion: '',
      points: 8,
      ...f,
    })),
    problems: [],
    stats: { words: 1, sentences: 1, ms: 0 },
  };
}

describe('approvalBlockers', () => {
  it('asks to confirm each attested item and to override each open finding of the level', () => {
    const r = report('high', [{}, { rule: 'core/y', excerpt: 'nothing to fear' }]);

    const blockers = approvalBlockers(
      L1,
      r,
      [],
      [{ rule: 'core/x', excerpt: 'safe', reason: 'Lab result' }],
    );

    expect(blockers).toEqual([
      'Confirm “Release type and context flags are set correctly.”',
      'Override “nothing to fear” (core/y) with a reason, or dismiss it',
    ]);
  });

  it('ignores dismissed findings and findings of other levels’ categories', () => {
    const r = report('high', [
      { dismissed: { reason: 'quote', by: 'Jo', at: '' } },
      { category: 'legal-exposure' },
    ]);

    expect(approvalBlockers(L1, r, ['context-set'], [])).toEqual([]);
  });

  it('makes the leadership level acknowledge every critical finding at a critical grade', () => {
    const r = report('critical', [
      { category: 'legal-exposure', severity: 'critical', excerpt: 'the boy, 12' },
    ]);

    expect(findingsToSettle(L4, r).map((f) => f.excerpt)).toEqual(['the boy, 12']);
    expect(findingsToSettle(L4, report('high', [{ category: 'legal-exposure' }]))).toEqual([]);
  });
});

describe('signedChecklist', () => {
  it('marks the items an approval confirmed and those whose findings it overrode', () => {
    const items = checklistOf(L1, report('high', [{}]));

    const signed = signedChecklist(items, {
      attested: ['context-set'],
      overrides: [{ rule: 'core/x', excerpt: 'safe' }],
    });

    expect(signed.find((i) => i.id === 'context-set')?.signed).toBe('confirmed');
    expect(signed.find((i) => i.id === 'absolutes')?.signed).toBe('overridden');
    expect(signed.find((i) => i.id === 'tone')?.signed).toBeUndefined();
  });
});

async function signed(
  level: string,
  text: string,
  at: string,
  decision: 'approve' | 'return' = 'approve',
): Promise<SignOff> {
  const reviewer = { name: `Reviewer ${level}`, role: 'r' };
  const body = {
    level,
    reviewer,
    at,
    decision,
    comment: '',
    overrides: [],
    textHash: await sha256Hex(text),
    grade: 'medium' as const,
  };
  return signOff(body, await createKeyPair());
}

describe('lastFullApproval', () => {
  it('keeps the approved text while a new text is only partly approved, until a return withdraws it', async () => {
    const a = await sha256Hex('A');
    const offs = [
      await signed('L1', 'A', '2026-01-01T10:00:00Z'),
      await signed('L2', 'A', '2026-01-01T10:05:00Z'),
      await signed('L1', 'B', '2026-01-01T11:00:00Z'),
    ];
    const flags = { flags: [] };
    const medium = () => 'medium' as const;

    const partly = lastFullApproval(DEFAULT_LEVELS, offs, flags, medium);
    const withdrawn = lastFullApproval(
      DEFAULT_LEVELS,
      [...offs, await signed('L2', 'A', '2026-01-01T12:00:00Z', 'return')],
      flags,
      medium,
    );
    const both = lastFullApproval(
      DEFAULT_LEVELS,
      [...offs, await signed('L2', 'B', '2026-01-01T12:00:00Z')],
      flags,
      medium,
    );

    expect(lastFullApproval(DEFAULT_LEVELS, offs.slice(0, 1), flags, medium)).toBeUndefined();
    expect(partly).toEqual({ textHash: a, at: '2026-01-01T10:05:00Z', levels: ['L1', 'L2'] });
    expect(withdrawn).toBeUndefined();
    expect(both?.textHash).toBe(await sha256Hex('B'));
  });
});

describe('auditMarkdown', () => {
  it('keeps user text from turning into Markdown structure', async () => {
    const s = await signed('L1', 'A', '2026-01-01T10:00:00Z');
    const events = auditEvents({
      versions: [
        { at: Date.parse('2026-01-01T09:00:00Z'), reason: 'typing', words: 3, grade: 'low' },
      ],
      signOffs: [{ ...s, comment: '# [click](http://x) *now*' }],
      levels: DEFAULT_LEVELS,
      dismissals: [],
      imports: [],
    });

    const md = auditMarkdown('Title', events, new Date('2026-01-02T00:00:00Z'));

    expect(events.map((e) => e.kind)).toEqual(['version', 'approve']);
    expect(md).toContain('Comment: \\# \\[click\\](http://x) \\*now\\*');
    expect(md).not.toMatch(/^# \[click/m);
  });
});
