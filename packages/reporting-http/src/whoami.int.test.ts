import { TokenHolderSchema } from '@crimestats/contracts';
import { migrate } from '@crimestats/store';
import { createTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportingApp } from './app.ts';
import { bearer, buildTestApp, TOKENS } from './testing/reporting-fixture.ts';

describe('GET /v1/whoami', () => {
  let db: TestDatabase;
  let app: ReportingApp;
  beforeAll(async () => {
    db = await createTestDatabase('server', inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const holder = async (token: string) => {
    const res = await app.inject({ method: 'GET', url: '/v1/whoami', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    return TokenHolderSchema.parse(res.json());
  };

  it('says whose token it is and whether it manages subscriptions, never the token', async () => {
    expect(await holder(TOKENS.analyst)).toMatchObject({
      role: 'analyst',
      area: null,
      managesSubscriptions: true,
    });
    expect(await holder(TOKENS.board)).toMatchObject({
      role: 'board',
      area: null,
      managesSubscriptions: false,
    });
    const csp = await holder(TOKENS.southDerbyshire);
    expect(csp).toMatchObject({ area: 'E07000039', managesSubscriptions: true });
    expect(JSON.stringify(csp)).not.toContain(TOKENS.southDerbyshire);
    const refused = await app.inject({ method: 'GET', url: '/v1/whoami' });
    expect(refused.statusCode).toBe(401);
  });
});
