import { createHmac, randomBytes } from 'node:crypto';

// Deliveries are signed by the Standard Webhooks specification (standardwebhooks.com), so that any
// of its libraries verifies them: HMAC-SHA256 of "{id}.{timestamp}.{body}" under the secret's
// decoded bytes, sent as `webhook-signature: v1,<base64>`.

const SECRET_PREFIX = 'whsec_';

/** A new subscription secret: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The key bytes of a `whsec_` secret; a RangeError for anything else. */
function secretBytes(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new RangeError('a webhook secret starts whsec_');
  const bytes = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  if (bytes.length < 24) throw new RangeError('a webhook secret holds at least 24 bytes');
  return bytes;
}

export interface SignedMessage {
  /** The idempotency key: a retry of the same event keeps it. */
  id: string;
  /** Seconds since the epoch when this attempt is sent. */
  timestamp: number;
  /** The exact bytes sent as the body. */
  body: string;
}

/** The `v1,<base64>` signature of one message under a secret. */
export function webhookSignature(message: SignedMessage, secret: string): string {
  const mac = createHmac('sha256', secretBytes(secret))
    .update(`${message.id}.${message.timestamp}.${message.body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** The three headers a signed delivery carries. */
export function webhookHeaders(message: SignedMessage, secret: string): Record<string, string> {
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': webhookSignature(message, secret),
  };
}
