import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreatedSubscriptionSchema, SubscriptionSchema } from '@crimestats/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../testing/cli-process.ts';

// The commands as a user runs them, in single-machine mode on the embedded engine: what they
// print and how they exit. That both stores and a running server answer alike is for
// clients.int.test.ts.

const folder = mkdtempSync(join(tmpdir(), 'crimestats-subscriptions-'));
const home = join(folder, 'home');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the CLI in single-machine mode on this test's own home. */
const crimestats = (...args: string[]) => runCli(home, args);

describe('crimestats subscriptions', () => {
  it('adds one, printing its id and secret, lists it without the secret, and removes it', async () => {
    const add = await crimestats(
      'subscriptions',
      'add',
      '--area',
      'E07000039',
      '--url',
      'https://hooks.example.org/x',
      '--category',
      'drugs',
      '--category',
      'anti-social-behaviour',
    );
    expect(add.code).toBe(0);
    const id = /^id +(sub_\S+)$/m.exec(add.stdout)?.[1];
    const secret = /^secret +(whsec_\S+)$/m.exec(add.stdout)?.[1];
    expect(id).toBeDefined();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(add.stdout).toMatch(/^area +E07000039 \(South Derbyshire\)$/m);
    expect(add.stdout).toMatch(/^categories +drugs anti-social-behaviour$/m);
    expect(add.stderr).toMatch(/shown only now/);

    const json = await crimestats(
      'subscriptions',
      'add',
      '--area',
      'E06000015',
      '--url',
      'https://hooks.example.org/y',
      '--format',
      'json',
    );
    expect(json.code).toBe(0);
    const created = CreatedSubscriptionSchema.parse(JSON.parse(json.stdout));
    expect(created.categories).toEqual([]);

    const list = await crimestats('subscriptions', 'list', '--format', 'json');
    expect(list.code).toBe(0);
    const { subscriptions } = z
      .object({ subscriptions: z.array(SubscriptionSchema) })
      .parse(JSON.parse(list.stdout));
    expect(subscriptions.map((s) => s.id)).toEqual([id, created.id]);
    expect(list.stdout).not.toContain('whsec_');
    const table = await crimestats('subscriptions', 'list', '--area', 'E07000039');
    expect(table.stdout.split('\n')[0]).toMatch(/^id +area +status +created +categories +url$/);
    expect(table.stdout).toContain(id);
    expect(table.stdout).not.toContain(created.id);

    const remove = await crimestats('subscriptions', 'remove', id!);
    expect(remove).toMatchObject({ code: 0, stdout: `removed ${id}\n` });
    const again = await crimestats('subscriptions', 'remove', id!);
    expect(again).toMatchObject({ code: 1, stderr: `crimestats: no subscription "${id}"\n` });
  }, 240_000);

  it('adds an email subscription with --email: no secret shown, listed as mailto:', async () => {
    const add = await crimestats(
      'subscriptions',
      'add',
      '--area',
      'E07000039',
      '--email',
      'officer@example.gov.uk',
    );
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^email +officer@example\.gov\.uk$/m);
    expect(add.stdout).not.toContain('whsec_');
    expect(add.stderr).not.toMatch(/shown only now/);
    const list = await crimestats('subscriptions', 'list', '--area', 'E07000039');
    expect(list.stdout).toMatch(/ mailto:officer@example\.gov\.uk$/m);
    const both = await crimestats(
      'subscriptions',
      'add',
      '--area',
      'E07000039',
      '--email',
      'officer@example.gov.uk',
      '--url',
      'https://hooks.example.org/x',
    );
    expect(both).toMatchObject({
      code: 2,
      stderr: 'crimestats: give exactly one of --url <url> or --email <address>\n',
    });
    const bad = await crimestats('subscriptions', 'add', '--area', 'E07000039', '--email', 'nope');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/^crimestats: --email: /) });
  }, 240_000);

  it('refuses a target that is not public, and bad flags, with exit 2', async () => {
    const ssrf = await crimestats(
      'subscriptions',
      'add',
      '--area',
      'E07000039',
      '--url',
      'https://169.254.169.254/',
    );
    expect(ssrf).toMatchObject({
      code: 2,
      stderr: 'crimestats: --url: the URL is refused: the address 169.254.169.254 is linkLocal\n',
    });
    const status = await crimestats('subscriptions', 'deliveries', '--status', 'lost');
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/--status: expected one of pending, delivered, dead, cancelled/);
    const missing = await crimestats('subscriptions', 'add', '--url', 'https://hooks.example.org/');
    expect(missing.code).toBe(2);
  }, 240_000);

  it('lists no dead deliveries as such, and refuses to retry an unknown one with exit 1', async () => {
    const deliveries = await crimestats('subscriptions', 'deliveries', '--status', 'dead');
    expect(deliveries).toMatchObject({ code: 0, stdout: 'no deliveries\n' });
    const retry = await crimestats('subscriptions', 'retry', 'msg_nobody');
    expect(retry).toMatchObject({ code: 1, stderr: 'crimestats: no delivery "msg_nobody"\n' });
  }, 240_000);
});
