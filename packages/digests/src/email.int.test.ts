import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailSubscriptionSchema, type FiguresEventData } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import {
  Dispatcher,
  createSender,
  deliveryIdOf,
  type RetryPolicy,
  type SendWebhook,
} from '@crimestats/notifier';
import { reportStore } from '@crimestats/reporting';
import type { ReportingApp } from '@crimestats/reporting-http';
import {
  LOADED_AT,
  bearer,
  buildTestApp,
  capturingLogger,
  seedPlanDatabase,
  TOKENS,
} from '../../reporting-http/src/testing/reporting-fixture.ts';
import { formatCount } from '@crimestats/stats';
import type { Store } from '@crimestats/store';
import type { TestDatabase } from '@crimestats/store/testing';
import { NOTHING_ALLOWED } from '@crimestats/webhooks';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { changesFromStore, deliverySender } from './delivery-sender.ts';
import { outboxTransport, smtpTransport, type MailTransport } from './mail-transport.ts';
import { startSmtpReceiver, type SmtpReceiver } from './testing/smtp-receiver.ts';

// A real SMTP server on 127.0.0.1, the plan's figures in a real ClickHouse, the reporting API
// in-process: each digest is parsed with mailparser (not our composer) and held up against the
// API's own answers. Nothing waits on time: a test waits for the SMTP server to accept a message,
// then stops the dispatcher, which returns once every attempt under way is recorded.

const AREA = 'E07000039';
const PUBLIC_URL = 'http://127.0.0.1:8080';
const USER = 'crimestats';
const PASSWORD = 'pw-s3cret-Xq9';
const FROM = 'Crime figures <figures@example.gov.uk>';
const analyst = bearer(TOKENS.analyst);
const fast: Partial<RetryPolicy> = { baseMs: 20, capMs: 100, retryForMs: 60 * 60_000 };
const reference = defaultReference;

const eventData: FiguresEventData = {
  area: { code: AREA, name: 'South Derbyshire' },
  periods: [
    {
      period: { start: '2025-01', end: '2025-12', months: 12 },
      // What changed in the load; the digest shows every category the subscription asked for.
      categories: [
        {
          code: 'burglary-business-and-community',
          name: 'Burglary - Business and Community',
          volume: 1,
          ratePer1000: 0.01,
          rank: 1,
          previousVolume: null,
          volumeChange: null,
          percentChange: null,
          complete: true,
          significant: null,
        },
      ],
    },
  ],
  links: {
    comparisons: `${PUBLIC_URL}/v1/comparisons?category=total-recorded-crime&period=2025-12&months=12`,
    dashboard: `${PUBLIC_URL}/?area=${AREA}&period=2025-12&months=12`,
  },
};

describe('email digests', () => {
  let db: TestDatabase;
  let store: Store;
  let app: ReportingApp;
  let mail: MailTransport;
  let send: SendWebhook;
  const log = capturingLogger();
  const links = { publicUrl: PUBLIC_URL };
  const smtp: { receiver?: SmtpReceiver } = {};

  /** A sender over the plan's figures whose email goes to `transport`. */
  const senderTo = (transport: MailTransport): SendWebhook =>
    deliverySender({
      webhook: createSender({ allow: NOTHING_ALLOWED }),
      mail: transport,
      from: FROM,
      reference,
      readChanges: changesFromStore(reportStore(db.client, db.database), reference),
      links,
    });

  beforeAll(async () => {
    ({ db, store } = await seedPlanDatabase('server', inject('clickhouseUrl')));
    smtp.receiver = await startSmtpReceiver({
      user: USER,
      password: PASSWORD,
      // The first recipient of the retry test's mail is refused for now, once.
      rcpt: (n) => (refuseNext.has(n) ? 451 : undefined),
    });
    mail = smtpTransport({ url: smtp.receiver.url, timeoutMs: 10_000 });
    send = senderTo(mail);
    app = await buildTestApp(db, {
      subscriptions: {
        allow: NOTHING_ALLOWED,
        send,
        retry: async () => Promise.reject(new Error('unused')),
        publicUrl: PUBLIC_URL,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp.receiver?.close();
    await db?.cleanup();
  });
  const refuseNext = new Set<number>();

  const api = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: analyst });
    expect(res.statusCode, url).toBe(200);
    return res;
  };

  async function subscribe(email: string, categories?: string[]) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: analyst,
      payload: { area: AREA, email, ...(categories === undefined ? {} : { categories }) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).not.toHaveProperty('secret');
    return EmailSubscriptionSchema.parse(res.json());
  }

  /** A stored figures event for these subscriptions, with their pending deliveries. */
  async function publish(eventId: string, subscriptionIds: string[]): Promise<string[]> {
    const createdAtMs = Date.now() - 1_000;
    const at = new Date(createdAtMs).toISOString();
    const source = { name: 'in-process', partition: 0, offset: 1 };
    await store.figureEvents.insert([
      { id: eventId, area: AREA, createdAtMs, data: eventData, subscriptionIds, source },
    ]);
    const deliveries = subscriptionIds.map((subscriptionId) => ({
      id: deliveryIdOf(eventId, subscriptionId),
      eventId,
      subscriptionId,
      area: AREA,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    }));
    await store.deliveries.saveStates(deliveries);
    return deliveries.map((d) => d.id);
  }

  const dispatcher = (sender: SendWebhook) =>
    new Dispatcher({ store, send: sender, policy: fast, random: () => 0.5, logger: log.logger });

  /** A header's value as sent, unfolded (mailparser folds every List-* header into one). */
  const headerLine = (parsed: ParsedMail, key: string): string | undefined =>
    parsed.headerLines
      .find((h) => h.key === key)
      ?.line.replace(/\r?\n\s+/g, ' ')
      .replace(/^[^:]+:\s*/, '');

  const to = (parsed: ParsedMail): string =>
    (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)!.value[0]!.address!;

  /** The HTML table's cells by category code: Volume, Rate, Rank, Previous, Change, %. */
  function htmlRows(html: string): Map<string, string[]> {
    const rows = new Map<string, string[]>();
    for (const [, code, cells] of html.matchAll(/<tr data-category="([^"]+)">(.*?)<\/tr>/g)) {
      rows.set(
        code!,
        [...cells!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!),
      );
    }
    return rows;
  }

  it("sends each subscriber one digest that matches the API's answers, with one-click unsubscribe", async () => {
    const everything = await subscribe('officer@example.gov.uk');
    const some = await subscribe('burglary@example.gov.uk', [
      'burglary-business-and-community',
      'anti-social-behaviour',
    ]);
    const before = smtp.receiver!.received.length;
    await publish('evt_digest', [everything.id, some.id]);
    const d = dispatcher(send);
    await d.start();
    const got = (await smtp.receiver!.seen(before + 2)).slice(before);
    await d.stop(10_000);

    const parsed = await Promise.all(got.map((m) => simpleParser(m.raw)));
    const byTo = new Map(parsed.map((p) => [to(p), p]));
    const all = byTo.get('officer@example.gov.uk')!;
    const few = byTo.get('burglary@example.gov.uk')!;
    expect(all.subject).toBe('South Derbyshire: crime figures to Dec 2025 updated');
    expect(few.subject).toBe(all.subject);
    expect(all.from?.value).toEqual([{ name: 'Crime figures', address: 'figures@example.gov.uk' }]);

    // The table is the area-changes answer for the area and period, rounded as the API's CSV.
    const changes = (await api(`/v1/areas/${AREA}/changes?period=2025-12&months=12`)).json();
    const csv = (await api(`/v1/areas/${AREA}/changes?period=2025-12&months=12&format=csv`))
      .payload;
    expect(all.attachments).toHaveLength(1);
    const attachment = all.attachments[0]!;
    expect(attachment.filename).toBe(`changes-${AREA}-2025-12-12m.csv`);
    expect(attachment.contentType).toBe('text/csv');
    expect(attachment.content.toString('utf8')).toBe(csv);
    expect(changes.rows.length).toBe(4);

    // Every category is in the HTML table, volumes as the comparison API gives them.
    const table = htmlRows(all.html as string);
    expect([...table.keys()]).toEqual(
      changes.rows.map((r: { category: { code: string } }) => r.category.code),
    );
    for (const row of changes.rows) {
      const code = row.category.code as string;
      const comparison = (
        await api(`/v1/comparisons?category=${code}&period=2025-12&months=12`)
      ).json();
      const areaRow = comparison.rows.find((r: { area: { code: string } }) => r.area.code === AREA);
      expect(areaRow.volume).toBe(row.volume);
      const cells = table.get(code)!;
      expect(cells[0]).toBe(formatCount(areaRow.volume));
      expect(cells[2]).toBe(row.rank === null ? '' : `${row.rank} of 9`);
      expect(cells[3]).toBe(formatCount(row.previousVolume));
    }
    // The same in the text part, with the basis and the dashboard link.
    expect(all.text).toContain(
      'South Derbyshire (E07000039): changes by category, Jan 2025 – Dec 2025 (12 months)',
    );
    expect(all.text).toContain(
      `latest month Dec 2025, loaded ${LOADED_AT.toISOString().slice(0, 10)} ${LOADED_AT.toISOString().slice(11, 16)} UTC`,
    );
    expect(all.text).toContain(`Dashboard: ${eventData.links.dashboard}`);
    expect(all.html).toContain(`href="${eventData.links.dashboard.replace(/&/g, '&amp;')}"`);

    // A subscription to some categories sees only those.
    expect([...htmlRows(few.html as string).keys()].sort()).toEqual([
      'anti-social-behaviour',
      'burglary-business-and-community',
    ]);
    const fewCsv = few.attachments[0]!.content.toString('utf8').trim().split('\n');
    expect(
      fewCsv
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(['anti-social-behaviour', 'burglary-business-and-community']);

    // RFC 8058 one-click unsubscribe, its link signed for this subscription.
    const header = all.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const link = /<(http[^>]+)>/.exec(header.replace(/\r?\n\s+/g, ''))![1]!;
    expect(link.startsWith(`${PUBLIC_URL}/unsubscribe/${everything.id}?token=`)).toBe(true);
    expect(headerLine(all, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const path = link.slice(PUBLIC_URL.length);

    // A GET (a mail scanner following the link) only shows the button.
    const page = await app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.payload).toContain('<form method="post"');
    expect((await api(`/v1/subscriptions/${everything.id}`)).json().email).toBe(
      'officer@example.gov.uk',
    );

    // A wrong token, or another subscription's, answers as an unknown id does.
    const oneClick = (url: string) =>
      app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
    const token = new URL(link).searchParams.get('token')!;
    const wrong = await oneClick(`/unsubscribe/${everything.id}?token=${token.slice(1)}x`);
    const elsewhere = await oneClick(`/unsubscribe/${some.id}?token=${token}`);
    const unknown = await oneClick(`/unsubscribe/sub_nobody?token=${token}`);
    for (const res of [wrong, elsewhere, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(res.payload).toBe(unknown.payload);
    }
    expect((await store.subscriptions.list(AREA)).map((s) => s.id)).toContain(everything.id);

    const done = await oneClick(path);
    expect(done.statusCode).toBe(200);
    expect(done.payload).toContain('unsubscribed');
    const gone = await app.inject({
      method: 'GET',
      url: `/v1/subscriptions/${everything.id}`,
      headers: analyst,
    });
    expect(gone.statusCode).toBe(404);
    expect((await store.subscriptions.list(AREA)).map((s) => s.id)).toContain(some.id);
    await store.subscriptions.remove(some.id);
  });

  it('retries a recipient the server refuses for now, records each attempt, then delivers', async () => {
    const sub = await subscribe('retry@example.gov.uk');
    const before = smtp.receiver!.received.length;
    refuseNext.add(smtp.receiver!.recipients() + 1);
    const [deliveryId] = await publish('evt_retry', [sub.id]);
    const d = dispatcher(send);
    await d.start();
    const [got] = (await smtp.receiver!.seen(before + 1)).slice(before);
    await d.stop(10_000);

    expect(got!.to).toEqual(['retry@example.gov.uk']);
    const attempts = await store.deliveries.attempts(sub.id, 10);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [2, 'delivered', 250],
      [1, 'failed', 451],
    ]);
    expect(attempts[1]!.error).toMatch(/^SMTP 451/);
    expect(await store.deliveries.get(deliveryId!)).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
    // Both attempts carried one Message-ID: a receiver can tell a repeat.
    expect((await simpleParser(got!.raw)).messageId).toBe(`<${deliveryId}@example.gov.uk>`);
    await store.subscriptions.remove(sub.id);
  });

  it('records a refused login without the password, and never logs it', async () => {
    const sub = await subscribe('login@example.gov.uk');
    const wrong = smtpTransport({
      url: smtp.receiver!.url.replace(encodeURIComponent(PASSWORD), 'not-the-pw-77'),
      timeoutMs: 10_000,
    });
    expect(wrong.description).toBe(
      `sent through ${smtp.receiver!.url.replace(encodeURIComponent(PASSWORD), '***')}`,
    );
    expect(mail.description).not.toContain(PASSWORD);
    const attempt = await senderTo(wrong)(
      {
        url: 'mailto:login@example.gov.uk',
        secret: (await store.subscriptions.get(sub.id))!.secret,
        subscription: { id: sub.id, categories: [] },
      },
      {
        id: 'msg_login',
        body: JSON.stringify({
          type: 'figures.updated',
          timestamp: new Date().toISOString(),
          data: eventData,
        }),
      },
    );
    expect(attempt.outcome).toBe('failed');
    expect(attempt.error).toMatch(/535|auth|login/i);
    expect(attempt.error).not.toContain('not-the-pw-77');
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
    await store.subscriptions.remove(sub.id);
  });

  it('writes the digest to the outbox as an .eml file when no SMTP server is configured', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crimestats-outbox-'));
    try {
      const sub = await subscribe('outbox@example.gov.uk');
      const [deliveryId] = await publish('evt_outbox', [sub.id]);
      const d = dispatcher(senderTo(outboxTransport(join(dir, 'outbox'))));
      await d.start();
      await d.stop(10_000);
      expect(await store.deliveries.get(deliveryId!)).toMatchObject({ status: 'delivered' });
      const files = await readdir(join(dir, 'outbox'));
      expect(files).toEqual([
        expect.stringMatching(new RegExp(`^\\d{8}T\\d{6}Z-${deliveryId}examplegovuk\\.eml$`)),
      ]);
      const parsed = await simpleParser(await readFile(join(dir, 'outbox', files[0]!)));
      expect(parsed.subject).toBe('South Derbyshire: crime figures to Dec 2025 updated');
      expect(to(parsed)).toBe('outbox@example.gov.uk');
      expect(parsed.text).toContain('Biggest increases');
      expect(parsed.html).toContain('<table');
      expect(parsed.attachments[0]!.filename).toBe(`changes-${AREA}-2025-12-12m.csv`);
      expect(headerLine(parsed, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(headerLine(parsed, 'list-unsubscribe')).toMatch(
        /^<http:\/\/127\.0\.0\.1:8080\/unsubscribe\//,
      );
      await store.subscriptions.remove(sub.id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
