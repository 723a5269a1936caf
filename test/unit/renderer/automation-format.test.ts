import { describe, expect, it } from 'vitest';
import { clockTime, readableReason } from '../../../renderer/features/automation/automation-format';

describe('a rule decision’s reason on the Automation screen', () => {
  const now = Date.parse('2026-12-02T12:00:00.000Z');

  it('shows every ISO instant the rule wrote on the viewer’s clock, and leaves the rest of the words alone', () => {
    const ends = '2026-12-02T17:40:00.000Z';
    const resumes = '2026-12-03T09:05:00Z';
    const reason = `1 alert in effect for US-TX: Winter Storm Warning (Severe, until ${ends}); resumes after the hold-down, at ${resumes}.`;
    const shown = readableReason(reason, now);
    expect(shown).toBe(
      `1 alert in effect for US-TX: Winter Storm Warning (Severe, until ${clockTime(ends, now)}); resumes after the hold-down, at ${clockTime(resumes, now)}.`,
    );
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps a reason without instants, and a date without a time, as written', () => {
    expect(readableReason('6 agents available × 0.8 = 4', now)).toBe('6 agents available × 0.8 = 4');
    expect(readableReason('schedule of 2026-12-02 kept', now)).toBe('schedule of 2026-12-02 kept');
  });
});
