import { webhookUrl } from './webhook-url';

const invalid = (url: string, allowPrivateNetwork = false) => {
  expect(() => webhookUrl(url, allowPrivateNetwork)).toThrow(
    expect.objectContaining({ code: 'WEBHOOK_URL_INVALID' }) as Error,
  );
};

describe('a webhook URL', () => {
  it('is https when the private network is closed (production)', () => {
    expect(webhookUrl(' https://hooks.example.com/rollcall?x=1 ', false)).toBe(
      'https://hooks.example.com/rollcall?x=1',
    );
    invalid('http://hooks.example.com/rollcall');
  });

  it('may be http when the private network is open (development and tests)', () => {
    expect(webhookUrl('http://127.0.0.1:3456/hook', true)).toBe('http://127.0.0.1:3456/hook');
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://2130706433/hook',
  ])('is refused for a restricted address literal: %s', (url) => invalid(url));

  it.each([
    'ftp://hooks.example.com/',
    'https://user:pass@hooks.example.com/',
    'https://token@hooks.example.com/',
    'not a url',
    '',
    'https://hooks.example.com/#fragment',
    `https://hooks.example.com/${'a'.repeat(2048)}`,
  ])('is refused when malformed or carrying credentials: %s', (url) => {
    invalid(url, false);
    invalid(url, true);
  });
});
