import type { DirectoryEvent } from '@rollcall/events';
import { toActivityEntryDto, toEventDto } from './events.dto';

const anEvent = (overrides: Partial<DirectoryEvent> = {}): DirectoryEvent => ({
  organizationId: 'org-1',
  sequence: 7,
  id: 'evt_1',
  type: 'api_key.created',
  actor: 'admin:ada@contoso.example',
  subjectType: 'api_key',
  subjectId: 'key-1',
  data: { apiKey: { name: 'billing' } },
  createdAt: new Date('2026-01-02T03:04:05.000Z'),
  clientIp: '203.0.113.9',
  ...overrides,
});

describe('event DTOs', () => {
  it('gives the Activity feed the client address', () => {
    expect(toActivityEntryDto(anEvent())).toEqual({
      id: 'evt_1',
      type: 'api_key.created',
      createdAt: '2026-01-02T03:04:05.000Z',
      actor: 'admin:ada@contoso.example',
      sequence: 7,
      data: { apiKey: { name: 'billing' } },
      clientIp: '203.0.113.9',
    });
    expect(toActivityEntryDto(anEvent({ clientIp: null })).clientIp).toBeNull();
  });

  it('keeps it out of the Events API', () => {
    expect(Object.keys(toEventDto(anEvent()))).not.toContain('clientIp');
  });
});
