import type { AttemptResult, SendWebhook } from '@crimestats/notifier';
import { describe, expect, it } from 'vitest';
import { emailConfigFields, redactSmtpUrl } from './config-fields.ts';
import { channelOf, routeByScheme } from './route-by-scheme.ts';
import { digestSubject, pingSubject } from './subject.ts';
import { z } from 'zod';

describe('digest subjects', () => {
  it("name the area and the newest period's end month", () => {
    expect(digestSubject('South Derbyshire', '2025-12')).toBe(
      'South Derbyshire: crime figures to Dec 2025 updated',
    );
    expect(digestSubject('Derby City', '2024-01')).toBe(
      'Derby City: crime figures to Jan 2024 updated',
    );
    expect(pingSubject('Erewash')).toBe('Erewash: crime figures subscription test');
  });
});

describe('routing by scheme', () => {
  const answer = (error: string): AttemptResult => ({
    outcome: 'delivered',
    statusCode: null,
    durationMs: 0,
    error,
  });
  const fake =
    (name: string): SendWebhook =>
    async () =>
      answer(name);
  const send = routeByScheme({ webhook: fake('webhook'), email: fake('email') });
  const message = { id: 'msg_1', body: '{}' };

  it('sends mailto: targets as email and everything else as a webhook', async () => {
    expect((await send({ url: 'mailto:a@b.uk', secret: 'whsec_x' }, message)).error).toBe('email');
    for (const url of ['https://hooks.example.org/x', 'http://127.0.0.1:9/', 'ftp://x']) {
      expect((await send({ url, secret: 'whsec_x' }, message)).error).toBe('webhook');
    }
    expect(channelOf('MAILTO:a@b.uk')).toBe('webhook');
  });
});

describe('email settings', () => {
  const schema = z.object(emailConfigFields);

  it('take smtp:// and smtps:// URLs, and a default From', () => {
    expect(schema.parse({})).toEqual({ CRIMESTATS_MAIL_FROM: 'crimestats <crimestats@localhost>' });
    expect(schema.parse({ CRIMESTATS_SMTP_URL: 'smtps://u:p@mail.example.org:465' })).toMatchObject(
      { CRIMESTATS_SMTP_URL: 'smtps://u:p@mail.example.org:465' },
    );
    expect(schema.safeParse({ CRIMESTATS_SMTP_URL: 'https://mail.example.org' }).success).toBe(
      false,
    );
  });

  it('log the SMTP URL without its password', () => {
    const logged = redactSmtpUrl('smtp://crimestats:s3cr%40t-pw@mail.example.org:587');
    expect(logged).toBe('smtp://crimestats:***@mail.example.org:587');
    expect(logged).not.toContain('s3cr');
    expect(redactSmtpUrl('smtp://mail.example.org:25')).toBe('smtp://mail.example.org:25');
  });
});
