/**
 * How a receiver checks a delivery, for the OpenAPI document (the `Admin: webhooks` tag) and
 * the create and rotate operations.
 */
export const WEBHOOK_VERIFICATION_DOC = [
  'Rollcall POSTs each event as JSON to every endpoint that wants its type: the body is the `WebhookDelivery` schema, that is an `Event` (the same object as `GET /api/events` lists; its `type` says which schema `data` follows) or a `webhook.test` from *Send test event*. See the `event` callback of `POST /api/webhooks`. Each delivery is signed per the [Standard Webhooks](https://www.standardwebhooks.com/) spec:',
  '',
  '- `webhook-id`: the event id; the same on every retry and resend. Deduplicate on it: delivery is at least once.',
  '- `webhook-timestamp`: unix seconds of this attempt. Reject ones more than 5 minutes off (replays).',
  '- `webhook-signature`: `v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{raw body}`, keyed with the base64-decoded part of the `whsec_…` secret after the prefix. For 24 hours after a secret rotation there are two, space-separated (new and previous secret): accept the request when any one matches.',
  '',
  'Answer 2xx within 10 seconds to acknowledge; anything else is retried with back-off (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then the delivery fails and the endpoint shows `failing`. Events of one resource (one user, one team) are delivered one after another, in order.',
  '',
  'Verify on the raw body, before parsing it, e.g. in Node with the `standardwebhooks` package:',
  '',
  '```js',
  "import { Webhook } from 'standardwebhooks';",
  'const wh = new Webhook(process.env.ROLLCALL_WEBHOOK_SECRET); // whsec_…',
  "app.post('/rollcall', express.raw({ type: 'application/json' }), (req, res) => {",
  '  let event;',
  '  try {',
  '    event = wh.verify(req.body, req.headers); // throws on a bad signature or timestamp',
  '  } catch {',
  '    return res.sendStatus(400);',
  '  }',
  '  // … handle event.type / event.data once per event.id …',
  '  res.sendStatus(204);',
  '});',
  '```',
].join('\n');
