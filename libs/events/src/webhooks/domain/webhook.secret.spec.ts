import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, webhookSignature } from './webhook.secret';

// The Standard Webhooks spec's test vector (standard-webhooks/spec, "Signature scheme").
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TIMESTAMP = new Date(1614265330 * 1000);
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('webhook signing', () => {
  it('reproduces the spec’s test vector', () => {
    expect(webhookSignature([SPEC_SECRET], SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).toBe(
      SPEC_SIGNATURE,
    );
  });

  it('makes secrets of 32 random bytes behind whsec_', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('signs with every secret given, space-separated, and each verifies on its own', () => {
    const [current, previous, stranger] = [1, 2, 3].map(() => generateWebhookSecret());
    const now = new Date();
    const body = JSON.stringify({ id: 'evt_1', type: 'user.created' });
    const header = webhookSignature([current ?? '', previous ?? ''], 'evt_1', now, body);
    expect(header.split(' ')).toHaveLength(2);
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': header,
    };
    expect(new Webhook(current ?? '').verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous ?? '').verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(stranger ?? '').verify(body, headers)).toThrow();
    expect(() => new Webhook(current ?? '').verify(`${body} `, headers)).toThrow();
  });
});
