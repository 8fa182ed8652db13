import type { ScimModuleOptions } from '../scim.options';
import { projectionOf } from './scim-query';

const options = { maxResults: 200 } as ScimModuleOptions;

describe('projectionOf', () => {
  it('answers a request without a query with an empty projection', () => {
    expect(projectionOf({}, options)).toEqual({ attributes: [], excludedAttributes: [] });
    expect(projectionOf(Object.create(null) as Record<string, unknown>, options)).toEqual({
      attributes: [],
      excludedAttributes: [],
    });
  });

  it('reads attributes and excludedAttributes, in any case', () => {
    expect(
      projectionOf({ attributes: 'userName, emails', ExcludedAttributes: 'groups' }, options),
    ).toEqual({ attributes: ['userName', 'emails'], excludedAttributes: ['groups'] });
  });

  it('still refuses a malformed parameter', () => {
    expect(() => projectionOf({ attributes: ['userName', 3] }, options)).toThrow();
  });
});
