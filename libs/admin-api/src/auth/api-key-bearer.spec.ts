import type { Request } from 'express';
import { bearerCredentialOf } from './api-key-bearer';

function withAuthorization(value?: string): Request {
  return { headers: value === undefined ? {} : { authorization: value } } as Request;
}

describe('bearerCredentialOf', () => {
  it.each([
    [undefined, undefined],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer rck_abc', 'rck_abc'],
    ['bearer   rck_abc  ', 'rck_abc'],
    ['Bearer', ''],
    ['Bearer a b', ''],
  ])('%s → %s', (header, expected) => {
    expect(bearerCredentialOf(withAuthorization(header))).toBe(expected);
  });
});
