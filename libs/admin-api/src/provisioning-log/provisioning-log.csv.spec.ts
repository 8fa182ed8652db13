import type { ProvisioningLogEntry } from '@rollcall/audit';
import { csvCell, provisioningLogCsvLine } from './provisioning-log.csv';

function anEntry(overrides: Partial<ProvisioningLogEntry> = {}): ProvisioningLogEntry {
  return {
    id: 'e1',
    organizationId: 'o1',
    tokenPrefix: 'rcs_ab',
    requestId: 'r1',
    method: 'POST',
    path: '/scim/v2/Users',
    filter: null,
    status: 409,
    scimType: 'uniqueness',
    detail: 'userName is taken',
    resourceType: 'User',
    resourceId: null,
    durationMs: 7,
    requestBody: '{"password":"[REDACTED]"}',
    createdAt: new Date('2031-03-04T05:06:07.089Z'),
    ...overrides,
  };
}

describe('provisioning log CSV', () => {
  it('writes one line per entry in header order, nulls empty, no request body', () => {
    expect(provisioningLogCsvLine(anEntry())).toBe(
      '2031-03-04T05:06:07.089Z,POST,/scim/v2/Users,,409,uniqueness,userName is taken,User,,7,rcs_ab,r1\r\n',
    );
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx'])(
    'defuses %j, which a spreadsheet would run',
    (value) => {
      expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('defuses a formula inside a quoted cell too', () => {
    expect(provisioningLogCsvLine(anEntry({ filter: '=cmd|"/c calc"!A1' }))).toContain(
      `,"'=cmd|""/c calc""!A1",`,
    );
  });
});
