import { teamRemovalWording } from './team-removal.format';

describe('teamRemovalWording', () => {
  it('deletes resources but only removes members from the team', () => {
    expect(teamRemovalWording({ monitor: 3, status_page: 1 }, 3)).toEqual({
      resources: '3 monitors and 1 status page',
      members: '3 members will be removed from the team (their accounts stay).',
    });
  });

  it('never says members are deleted', () => {
    const wording = teamRemovalWording({ heartbeat: 2 }, 12);
    expect(wording.resources).not.toMatch(/member/);
    expect(wording.members).not.toMatch(/delete/i);
  });

  it('uses the singular for one member and one resource', () => {
    expect(teamRemovalWording({ heartbeat: 1 }, 1)).toEqual({
      resources: '1 heartbeat',
      members: '1 member will be removed from the team (their account stays).',
    });
  });

  it('lists three kinds with commas and a final "and"', () => {
    expect(teamRemovalWording({ monitor: 2, heartbeat: 1, on_call_calendar: 1 }, 0).resources).toBe(
      '2 monitors, 1 heartbeat and 1 on-call calendar',
    );
  });

  it('says nothing of an empty team’s resources or members', () => {
    expect(teamRemovalWording({}, 0)).toEqual({ resources: null, members: null });
  });
});
