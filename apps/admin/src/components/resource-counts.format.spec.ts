import {
  formatResourceCounts,
  formatTeamContents,
  resourceKindTitle,
} from './resource-counts.format';

describe('formatTeamContents', () => {
  it('names every kind held, in a fixed order, then the members', () => {
    expect(formatTeamContents({ status_page: 1, monitor: 3 }, 12)).toBe(
      '3 monitors, 1 status page, 12 members',
    );
  });

  it('uses the singular for one and always names members', () => {
    expect(formatTeamContents({ heartbeat: 1, on_call_calendar: 2 }, 1)).toBe(
      '1 heartbeat, 2 on-call calendars, 1 member',
    );
    expect(formatTeamContents({}, 0)).toBe('0 members');
  });

  it('leaves out kinds with none', () => {
    expect(formatResourceCounts({ monitor: 0, heartbeat: 2 })).toEqual(['2 heartbeats']);
  });

  it('groups thousands', () => {
    expect(formatTeamContents({ monitor: 1200 }, 0)).toBe('1,200 monitors, 0 members');
  });
});

describe('resourceKindTitle', () => {
  it('capitalises the kind', () => {
    expect(resourceKindTitle('status_page')).toBe('Status pages');
    expect(resourceKindTitle('on_call_calendar', 1)).toBe('On-call calendar');
  });
});
