import type { EventView } from '@rollcall/contracts';
import { activityCsv } from './activity-csv.format';

function anEvent(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 'evt_1',
    type: 'team.created',
    createdAt: '2026-03-12T12:00:00.000Z',
    actor: 'admin:it@acme.example',
    sequence: 1,
    data: { team: { displayName: 'Sales' } },
    ...overrides,
  };
}

describe('activityCsv', () => {
  it('writes a header and one line per event', () => {
    expect(activityCsv([anEvent()])).toBe(
      'time,actor,actorId,type,summary\r\n' +
        '2026-03-12T12:00:00.000Z,it@acme.example,admin:it@acme.example,team.created,Created team Sales\r\n',
    );
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
    expect(activityCsv([])).toBe('time,actor,actorId,type,summary\r\n');
  });
});
