import { LIST_RESPONSE_SCHEMA_URN } from '../schema/scim-urns';

export interface ListResponse<T> {
  schemas: [typeof LIST_RESPONSE_SCHEMA_URN];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

/** RFC 7644 §3.4.2: one page of results; `Resources` is capitalised as the RFC spells it. */
export function listResponse<T>(
  resources: T[],
  totalResults: number,
  startIndex: number,
): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE_SCHEMA_URN],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
