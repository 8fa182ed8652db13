import type { ProvisioningHealthView } from '@rollcall/contracts';
import {
  errorCodeLabel,
  healthChartPoints,
  healthSummary,
} from './provisioning-health-chart.format';

function aHealth(overrides: Partial<ProvisioningHealthView> = {}): ProvisioningHealthView {
  return {
    range: '24h',
    bucket: 'hour',
    since: '2031-03-03T06:00:00.000Z',
    requests: 0,
    failures: 0,
    failureRatio: 0,
    quarantineThreshold: 0.4,
    buckets: [
      { start: '2031-03-04T04:00:00.000Z', requests: 0, failures: 0, failureRatio: 0 },
      { start: '2031-03-04T05:00:00.000Z', requests: 0, failures: 0, failureRatio: 0 },
    ],
    topErrors: [],
    ...overrides,
  };
}

describe('healthChartPoints', () => {
  it('is one point per bucket with the ratio in percent', () => {
    const points = healthChartPoints(
      aHealth({
        buckets: [
          { start: '2031-03-04T05:00:00.000Z', requests: 3, failures: 1, failureRatio: 1 / 3 },
        ],
      }),
    );
    expect(points).toEqual([
      {
        start: '2031-03-04T05:00:00.000Z',
        label: expect.stringMatching(/^\d\d:00$/),
        requests: 3,
        failures: 1,
        failurePercent: 33.3,
      },
    ]);
  });
});

describe('healthSummary', () => {
  it('says so when there were no requests', () => {
    expect(healthSummary(aHealth())).toBe('No SCIM requests in the last 24 hours.');
    expect(healthSummary(aHealth({ range: '30d', bucket: 'day' }))).toBe(
      'No SCIM requests in the last 30 days.',
    );
  });

  it('gives totals, the ratio against the threshold and the busiest bucket', () => {
    const text = healthSummary(
      aHealth({
        requests: 10,
        failures: 5,
        failureRatio: 0.5,
        buckets: [
          { start: '2031-03-04T04:00:00.000Z', requests: 2, failures: 0, failureRatio: 0 },
          { start: '2031-03-04T05:00:00.000Z', requests: 8, failures: 5, failureRatio: 0.625 },
        ],
      }),
    );
    expect(text).toMatch(
      /^10 requests and 5 failures in the last 24 hours: 50 % failed, above Entra's 40 % quarantine threshold\. Busiest: the hour from \d\d:00, 8 requests\.$/,
    );
  });

  it('is below the threshold at 40 % exactly', () => {
    expect(healthSummary(aHealth({ requests: 5, failures: 2, failureRatio: 0.4 }))).toContain(
      'below',
    );
  });
});

describe('errorCodeLabel', () => {
  it('shows the scimType when there is one', () => {
    expect(errorCodeLabel({ status: 409, scimType: 'uniqueness', count: 2 })).toBe(
      '409 uniqueness',
    );
    expect(errorCodeLabel({ status: 500, scimType: null, count: 1 })).toBe('500');
  });
});
