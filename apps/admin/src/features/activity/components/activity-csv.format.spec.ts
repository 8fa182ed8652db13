import type { ActivityEntryView } from '@rollcall/contracts';
import { activityCsv } from './activity-csv.format';

function anEvent(overrides: Partial<ActivityEntryView> = {}): ActivityEntryView {
  return {
    id: 'evt_1',
    type: 'team.created',
    createdAt: '2026-03-12T12:00:00.000Z',
    actor: 'admin:it@acme.example',
    sequence: 1,
    data: { team: { displayName: 'Sales' } },
    clientIp: '203.0.113.9',
    ...overrides,
  };
}

describe('activityCsv', () => {
  it('writes a header and one line per event', () => {
    expect(activityCsv([anEvent()])).toBe(
      'time,actor,actorId,clientIp,type,summary\r\n' +
        '2026-03-12T12:00:00.000Z,it@acme.example,admin:it@acme.example,203.0.113.9,team.created,Created team Sales\r\n',
    );
  });

  it('leaves the address empty for a change no request made, and keeps IPv6 as is', () => {
    const csv = activityCsv([
      anEvent({ actor: 'system:team-purge', clientIp: null }),
      anEvent({ clientIp: '2001:db8::1' }),
    ]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      '2026-03-12T12:00:00.000Z,Team purge job,system:team-purge,,team.created,Created team Sales',
      '2026-03-12T12:00:00.000Z,it@acme.example,admin:it@acme.example,2001:db8::1,team.created,Created team Sales',
    ]);
  });

  it('quotes commas and quotes', () => {
    const csv = activityCsv([anEvent({ data: { team: { displayName: 'Sales, "EMEA"' } } })]);
    expect(csv).toContain(',"Created team Sales, ""EMEA"""\r\n');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    const csv = activityCsv([
      anEvent({ actor: 'api_key:x', data: { team: { displayName: 'y' } } }),
    ]);
    expect(csv).toContain(',API key x,');
    expect(activityCsv([anEvent({ actor: 'admin:=cmd()' })])).toContain(",'=cmd(),admin:=cmd(),");
    expect(activityCsv([anEvent({ actor: '@evil' })])).toContain(",'@evil,'@evil,");
  });

  it('is a header alone when nothing is loaded', () => {
    expect(activityCsv([])).toBe('time,actor,actorId,clientIp,type,summary\r\n');
  });
});
