import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, webhookHeaders, webhookSignature } from './signature.ts';

// Proven against an independent implementation: the Standard Webhooks reference library.

const message = (body: string) => ({
  id: 'msg_2Lh9KsqN3FQ6Ck0pA1DeLwDzv0Y',
  timestamp: Math.floor(Date.now() / 1000),
  body,
});

describe('webhook signatures', () => {
  it('are verified by the Standard Webhooks library', () => {
    const secret = newWebhookSecret();
    const signed = message(
      JSON.stringify({ type: 'figures.updated', data: { area: 'E07000039' } }),
    );
    const payload = new Webhook(secret).verify(signed.body, webhookHeaders(signed, secret));
    expect(payload).toEqual({ type: 'figures.updated', data: { area: 'E07000039' } });
  });

  it('fail verification under another secret, or for another body', () => {
    const secret = newWebhookSecret();
    const signed = message('{"a":1}');
    const headers = webhookHeaders(signed, secret);
    expect(() => new Webhook(newWebhookSecret()).verify(signed.body, headers)).toThrow();
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
  });

  it('match the specification example', () => {
    // standardwebhooks.com's worked example.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signed = {
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    };
    expect(webhookSignature(signed, secret)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('come from secrets of 32 random bytes, each new', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    expect(() => webhookSignature(message('{}'), 'not-a-secret')).toThrow(RangeError);
  });
});
