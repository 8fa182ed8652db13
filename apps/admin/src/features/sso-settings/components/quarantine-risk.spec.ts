import type { ProvisioningLogSummaryView } from '@rollcall/contracts';
import { quarantineRisk } from './quarantine-risk';

const aSummary = (total: number, failed: number): ProvisioningLogSummaryView => ({
  hours: 24,
  since: '2026-03-11T12:00:00.000Z',
  total,
  failed,
  failureRatio: total === 0 ? 0 : failed / total,
  lastRequestAt: null,
  lastFailureAt: null,
  byStatus: {},
});

describe('quarantineRisk', () => {
  it.each([
    [0, 0, 'idle'],
    [1000, 0, 'healthy'],
    [1000, 199, 'healthy'],
    [1000, 200, 'elevated'],
    [1000, 400, 'elevated'],
    [1000, 401, 'at-risk'],
    [12_000, 4_999, 'at-risk'],
    [12_000, 5_000, 'quarantine'],
    [10_000, 4_000, 'elevated'],
  ] as const)('%i requests, %i failed → %s', (total, failed, level) => {
    expect(quarantineRisk(aSummary(total, failed)).level).toBe(level);
  });

  it('measures the ratio against the 40 % threshold', () => {
    expect(quarantineRisk(aSummary(100, 20)).shareOfThreshold).toBeCloseTo(0.5);
    expect(quarantineRisk(aSummary(100, 90)).shareOfThreshold).toBe(1);
  });

  it('states the counts', () => {
    expect(quarantineRisk(aSummary(1200, 3)).explanation).toMatch(
      /^0\.3 % of requests failed \(3 of 1,200\)/,
    );
  });
});
