import { EVENT_TYPE_NAMES } from '@rollcall/contracts';
import { eventAction, eventGroupLabel, eventTypeOptions } from './event-type.format';

describe('event type words', () => {
  it('says each type verb first and passes unknown ones through', () => {
    expect(eventAction('team.deletion_scheduled')).toBe('Deleted team');
    expect(eventAction('credential.created')).toBe('Created SCIM credential');
    expect(eventAction('user.merged')).toBe('user.merged');
  });

  it('groups every type by its prefix, in the contracts order', () => {
    const groups = eventTypeOptions();
    expect(groups.flatMap((group) => group.items.map((item) => item.value))).toEqual([
      ...EVENT_TYPE_NAMES,
    ]);
    expect(groups[0]).toMatchObject({ group: 'Users' });
    expect(eventGroupLabel('group_role_mapping.set')).toBe('Role mappings');
    expect(eventTypeOptions(eventAction)[1]?.items[0]).toEqual({
      value: 'team.created',
      label: 'Created team',
    });
  });
});
