import { LIST_RESPONSE_SCHEMA_URN } from '../schema/scim-urns';
import { listResponse } from './list-response';

describe('listResponse', () => {
  it('wraps a page as RFC 7644 §3.4.2 shows', () => {
    const resources = [{ id: '2819c223-7f76-453a-919d-413861904646', userName: 'bjensen' }];
    expect(listResponse(resources, 2, 1)).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 2,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: resources,
    });
    expect(LIST_RESPONSE_SCHEMA_URN).toBe('urn:ietf:params:scim:api:messages:2.0:ListResponse');
  });

  it('answers Entra’s "no match" lookups with an empty page', () => {
    expect(listResponse([], 0, 1)).toEqual({
      schemas: [LIST_RESPONSE_SCHEMA_URN],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('counts itemsPerPage from the page, not the total', () => {
    expect(listResponse([{}, {}, {}], 120, 101).itemsPerPage).toBe(3);
  });
});
