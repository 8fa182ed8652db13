import { MAX_LOGGED_BODY_DEPTH, redactRequestBody } from './request-body.redactor';

const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

function logged(body: unknown): unknown {
  const text = redactRequestBody(body);
  if (text === null) throw new Error('expected a logged body');
  return JSON.parse(text) as unknown;
}

describe('redactRequestBody', () => {
  it.each<[string, unknown]>([
    ['path "password"', { op: 'replace', path: 'password', value: 'Hunter2!' }],
    ['any-case path', { Op: 'Replace', Path: 'PassWord', Value: 'Hunter2!' }],
    ['URN-qualified path', { op: 'replace', path: `${CORE_USER}:password`, value: 'Hunter2!' }],
    ['no-path value object', { op: 'replace', value: { password: 'Hunter2!' } }],
    ['URN-qualified key', { op: 'add', value: { [`${CORE_USER}:password`]: 'Hunter2!' } }],
    ['POST body', { userName: 'a@example.com', PASSWORD: 'Hunter2!' }],
  ])('masks a password sent as %s', (_shape, operation) => {
    const text = redactRequestBody({ Operations: [operation] });
    expect(text).not.toContain('Hunter2!');
    expect(text).toContain('[REDACTED]');
  });

  it('keeps the other values and the key order', () => {
    expect(
      redactRequestBody({ userName: 'a@example.com', name: { givenName: 'A' }, active: true }),
    ).toBe('{"userName":"a@example.com","name":{"givenName":"A"},"active":true}');
  });

  it('keeps a __proto__ key as a plain key', () => {
    expect(logged(JSON.parse('{"__proto__":{"x":1}}'))).toEqual(
      JSON.parse('{"__proto__":{"x":1}}'),
    );
  });

  it('cuts a body deeper than the limit instead of overflowing the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`) as unknown;
    const text = redactRequestBody(deep);
    expect(text).toContain('[TOO DEEP]');
    expect(text?.split('{"a":').length).toBe(MAX_LOGGED_BODY_DEPTH + 1);
  });

  it('copies deeply nested arrays without recursion', () => {
    const deep = JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`) as unknown;
    expect(redactRequestBody({ title: deep })).toContain('[TOO DEEP]');
  });
});
