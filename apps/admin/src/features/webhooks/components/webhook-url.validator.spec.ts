import { webhookUrlError } from './webhook-url.validator';

describe('webhookUrlError', () => {
  it('accepts http(s) URLs, the server applies the outbound policy', () => {
    expect(webhookUrlError('https://hooks.example/rollcall')).toBeNull();
    expect(webhookUrlError('  http://127.0.0.1:3400/in ')).toBeNull();
  });

  it('asks for a URL, a full one, over http(s)', () => {
    expect(webhookUrlError(' ')).toMatch(/Enter the URL/);
    expect(webhookUrlError('hooks.example/rollcall')).toMatch(/full URL/);
    expect(webhookUrlError('ftp://hooks.example/x')).toMatch(/https:\/\//);
  });
});
