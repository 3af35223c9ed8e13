import { describe, expect, it } from 'vitest';

import { applyDismissals, dismissalFor, parseDismissals } from '../lib/dismissals';
import { reviewText } from './helpers';

const text = 'Rest assured the water is fine. Residents have nothing to worry about.';

describe('applyDismissals', () => {
  it('keeps a dismissed finding in the report with its reason, and stops counting it', () => {
    const report = reviewText(text, { type: 'crisis-update', flags: ['crisis'] });
    const target = report.findings[0];

    const after = applyDismissals(report, [
      dismissalFor(target, report, 'quoting a resident', 'Jo Park'),
    ]);

    expect(after.findings).toHaveLength(report.findings.length);
    expect(after.findings[0].dismissed).toMatchObject({
      reason: 'quoting a resident',
      by: 'Jo Park',
    });
    expect(after.points).toBe(report.points - target.points);
  });

  it('follows the words, not the offsets, when the draft changes elsewhere', () => {
    const report = reviewText(text, { type: 'routine', flags: [] });
    const d = dismissalFor(report.findings[0], report, 'ok here', 'Jo');

    const edited = reviewText(`UPDATE. ${text}`, { type: 'routine', flags: [] });
    const after = applyDismissals(edited, [d]);

    expect(after.findings.find((f) => f.excerpt === d.excerpt)?.dismissed?.by).toBe('Jo');
  });

  it('restores a finding when its dismissal is withdrawn', () => {
    const report = reviewText(text, { type: 'routine', flags: [] });
    const dismissed = applyDismissals(report, [
      dismissalFor(report.findings[0], report, 'x', 'Jo'),
    ]);

    const restored = applyDismissals(dismissed, []);

    expect(restored.findings.every((f) => !f.dismissed)).toBe(true);
    expect(restored.points).toBe(report.points);
  });

  it('does not dismiss a finding whose words changed', () => {
    const report = reviewText(text, { type: 'routine', flags: [] });
    const d = {
      ...dismissalFor(report.findings[0], report, 'ok', 'Jo'),
      excerpt: 'something else',
    };

    expect(applyDismissals(report, [d]).findings.every((f) => !f.dismissed)).toBe(true);
  });
});

describe('parseDismissals', () => {
  it('accepts a dismissals record or a review record that carries dismissals', () => {
    const item = {
      rule: 'core/x',
      excerpt: 'y',
      reason: 'z',
      by: 'Jo',
      at: '2026-01-01T00:00:00Z',
    };

    expect(parseDismissals({ lectern: 'dismissals', version: 1, items: [item] })).toHaveLength(1);
    expect(parseDismissals({ lectern: 'review', dismissals: [item] })).toHaveLength(1);
  });

  it('names the field that is wrong', () => {
    expect(() =>
      parseDismissals({ lectern: 'dismissals', version: 1, items: [{ rule: 'x' }] }),
    ).toThrow(/items\.0\.excerpt/);
  });

  it('refuses a dismissal without a reason', () => {
    const item = { rule: 'core/x', excerpt: 'y', reason: ' ', by: 'Jo', at: 'now' };

    expect(() => parseDismissals({ lectern: 'dismissals', version: 1, items: [item] })).toThrow(
      /reason/,
    );
  });
});
