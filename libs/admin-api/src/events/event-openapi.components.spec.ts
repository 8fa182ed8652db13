import type { OpenAPIObject } from '@nestjs/swagger';
import { EVENT_TYPE_NAMES } from '@rollcall/contracts';
import {
  ACTIVITY_ENTRY_SCHEMA,
  EVENT_DATA_SCHEMA_OF,
  eventDataTable,
  eventTypeSchemaName,
  withEventOpenApi,
} from './event-openapi.components';

const document = withEventOpenApi({
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: {},
  components: { schemas: { EventDto: { type: 'object' }, Existing: { type: 'string' } } },
} as OpenAPIObject);
const schemas = document.components?.schemas ?? {};

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
  );
}

describe('withEventOpenApi', () => {
  it('keeps the schemas it was given', () => {
    expect(schemas['Existing']).toEqual({ type: 'string' });
  });

  it('names one schema per event type, none twice', () => {
    const names = EVENT_TYPE_NAMES.map(eventTypeSchemaName);
    expect(new Set(names).size).toBe(EVENT_TYPE_NAMES.length);
    expect(eventTypeSchemaName('user.role_changed')).toBe('EventUserRoleChanged');
    expect(eventTypeSchemaName('group_role_mapping.set')).toBe('EventGroupRoleMappingSet');
    for (const name of names) expect([name, schemas[name]]).toEqual([name, expect.any(Object)]);
  });

  it('defines every schema it references, the discriminator mappings included', () => {
    const mappings = Object.values(schemas).flatMap((schema) =>
      Object.values(('discriminator' in schema && schema.discriminator?.mapping) || {}),
    );
    const missing = [...refsIn(schemas), ...mappings]
      .map((ref) => ref.replace('#/components/schemas/', ''))
      .filter((name) => !(name in schemas));
    expect(missing).toEqual([]);
  });

  it('documents an Activity entry as an Event plus its nullable clientIp, and only there', () => {
    expect(schemas[ACTIVITY_ENTRY_SCHEMA]).toMatchObject({
      allOf: [
        { $ref: '#/components/schemas/Event' },
        {
          required: ['clientIp'],
          properties: { clientIp: { type: 'string', nullable: true } },
        },
      ],
    });
    const elsewhere = Object.entries(schemas).filter(
      ([name, schema]) =>
        name !== ACTIVITY_ENTRY_SCHEMA && JSON.stringify(schema).includes('clientIp'),
    );
    expect(elsewhere.map(([name]) => name)).toEqual([]);
  });

  it('tabulates each type with its data schema', () => {
    const table = eventDataTable();
    for (const type of EVENT_TYPE_NAMES) {
      expect(table).toContain(`| \`${type}\` | \`${EVENT_DATA_SCHEMA_OF[type]}\` |`);
    }
  });
});
