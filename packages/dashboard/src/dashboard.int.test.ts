import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PLAN_CATEGORIES } from '@crimestats/domain';
import type { ComparisonResponse } from '@crimestats/reporting';
import {
  expectedComparisonCells,
  packTable,
  readPackWorkbook,
} from '@crimestats/reporting/testing';
import { singleMachineProcessEnv } from '@crimestats/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The dashboard in a real headless Chromium against a real `crimestats up` (single-machine mode:
// embedded engine, bundled sample of the plan's 2024-2025 data), as an analyst would open it.

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ARTIFACTS = join(REPO, 'test-results', 'dashboard');
const CHROMIUM = process.env['CRIMESTATS_CHROMIUM'] ?? '/usr/bin/chromium';
// Debian's Chromium on a machine with a closed network: no sandbox (root), no GPU, and none of
// the background connections it would otherwise try at every start. Playwright gives every
// launch a fresh, empty profile of its own.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SOUTH_DERBYSHIRE = 'E07000039';

interface Running {
  child: ChildProcess;
  /** The server's base address, without the trailing slash. */
  url: string;
  /** The address `up` prints for the dashboard, token in the fragment. */
  dashboardUrl: string;
  output: () => string;
}

/** Starts `crimestats up --port 0` in single-machine mode and reads its addresses from stdout. */
async function startUp(home: string): Promise<Running> {
  const env = singleMachineProcessEnv(home, {
    CRIMESTATS_HOST: '127.0.0.1',
    // Subscriptions made here point at loopback, where nothing listens.
    CRIMESTATS_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'services/cli/src/main.ts', 'up', '--port', '0'],
    { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const output = () => `--- stdout\n${stdout}\n--- stderr\n${stderr.slice(-4000)}`;
  return new Promise<Running>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crimestats up did not start within 100 s\n${output()}`));
    }, 100_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`crimestats up exited (${code}) before it was running\n${output()}`));
    };
    child.once('exit', onExit);
    child.stdout?.on('data', () => {
      const running = /crimestats is running at (http:\/\/\S+?)\/?$/m.exec(stdout);
      const dashboard = /^dashboard: (http:\/\/\S+)$/m.exec(stdout);
      if (running?.[1] === undefined || dashboard?.[1] === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ child, url: running[1], dashboardUrl: dashboard[1], output });
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(deadline);
}

// The browser's globals, as far as these tests reach into the page.
interface ChartLike {
  data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
}
interface PageGlobals {
  document: { getElementById(id: string): unknown };
  sessionStorage: { getItem(key: string): string | null };
  Chart: { getChart(canvas: unknown): ChartLike | undefined };
}

/** What a chart on the page draws: its labels and each dataset's label and values. */
function chartOf(page: Page, canvasId: string) {
  return page.evaluate((id) => {
    const page = globalThis as unknown as PageGlobals;
    const chart = page.Chart.getChart(page.document.getElementById(id));
    if (chart === undefined) return null;
    return {
      labels: [...chart.data.labels],
      datasets: chart.data.datasets.map((set) => ({ label: set.label, data: [...set.data] })),
    };
  }, canvasId);
}

/** Waits until the refresh a picker started has drawn everything. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('#dashboard:not([hidden]):not([aria-busy])', { timeout: 30_000 });
}

/** The cells of one area's row in the comparison table: the name, then the six figures. */
async function comparisonRow(page: Page, areaCode: string): Promise<string[]> {
  const row = page.locator(`#comparison-body tr[data-area="${areaCode}"]`);
  const cells = await row.locator('th, td').allTextContents();
  return cells.map((text) => text.trim());
}

async function areaColumn(page: Page): Promise<string[]> {
  return (await page.locator('#comparison-body th').allTextContents()).map((text) =>
    text.replace(' †', '').trim(),
  );
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('the dashboard, in Chromium, against crimestats up', () => {
  let home: string;
  let running: Running | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];
  const killChild = () => running?.child.kill('SIGKILL');

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed (no ${CHROMIUM}); the dashboard's browser tests need it. ` +
          "Install Debian's package: apt-get install chromium " +
          '(as root; or set CRIMESTATS_CHROMIUM to a Chromium binary).',
      );
    }
    await mkdir(ARTIFACTS, { recursive: true });
    home = await mkdtemp(join(tmpdir(), 'crimestats-dashboard-'));
    const [started, launched] = await Promise.all([
      startUp(home),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }),
    ]);
    running = started;
    browser = launched;
    // If this test process dies, the server must not outlive it.
    process.once('exit', killChild);
    token = (await readFile(join(home, 'local-token'), 'utf8')).trim();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (running) await stop(running.child);
    process.off('exit', killChild);
    if (home) await rm(home, { recursive: true, force: true });
  }, 60_000);

  it('opens from the address up prints, keeps the token for the tab and drops it from the address bar', async () => {
    const { dashboardUrl, url } = running!;
    expect(dashboardUrl).toBe(`${url}/#token=${token}`);
    await page.goto(dashboardUrl);
    await settled(page);
    expect(page.url()).not.toContain(token);
    expect(page.url()).not.toContain('#');
    const kept = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).sessionStorage.getItem('crimestats.token'),
    );
    expect(kept).toBe(token);
    // No period asked for: the latest loaded month, from the answer's basis.
    expect(await page.inputValue('#period')).toBe('2025-12');
    expect(await page.textContent('#currency')).toContain('Data to Dec 2025');
    expect(await page.getAttribute('#currency', 'data-complete')).toBe('true');
  });

  it("shows the plan's total-crime table for 2025, South Derbyshire's row as printed", async () => {
    await page.selectOption('#area', SOUTH_DERBYSHIRE);
    await settled(page);
    expect(await page.textContent('#comparison-title')).toBe(
      'Total recorded crime, Jan 2025 to Dec 2025',
    );
    expect(await comparisonRow(page, SOUTH_DERBYSHIRE)).toEqual([
      'South Derbyshire',
      '6,267',
      '58.76',
      '6',
      '6,448',
      '-181',
      '-2.8',
    ]);
    expect(await comparisonRow(page, 'E06000015')).toEqual([
      'Derby City',
      '30,526',
      '111.35',
      '1',
      '29,891',
      '635',
      '2.1',
    ]);
    // The plan's order: CSP areas by rate, then the County Council area and the Force area.
    expect(await areaColumn(page)).toEqual([
      'Derby City',
      'Chesterfield',
      'Erewash',
      'Bolsover',
      'Amber Valley',
      'South Derbyshire',
      'High Peak',
      'North East Derbyshire',
      'Derbyshire Dales',
      'County Council area',
      'Force area',
    ]);
    expect((await comparisonRow(page, 'E23000018')).slice(0, 4)).toEqual([
      'Force area',
      '84,621',
      '77.17',
      '',
    ]);
    const rates = await chartOf(page, 'rates-chart');
    expect(rates?.labels[5]).toBe('South Derbyshire');
    expect(rates?.datasets[0]?.data[5]).toBe(58.76);
    // County and force marked across the bars.
    expect(rates?.datasets.slice(1).map((set) => set.label)).toEqual([
      'County Council area: 65.78',
      'Force area: 77.17',
    ]);
    await shot(page, 'total-crime-2025-12');
  });

  it('shows the area’s trend against county and force, and its biggest increases', async () => {
    const trend = await chartOf(page, 'trend-chart');
    expect(trend?.datasets.map((set) => set.label)).toEqual([
      'South Derbyshire',
      'County Council area',
      'Force area',
    ]);
    expect(trend?.labels.at(-1)).toBe('Dec 2025');
    expect(trend?.datasets[0]?.data.at(-1)).toBe(58.76);
    expect(trend?.datasets[2]?.data.at(-1)).toBe(77.17);
    // Windows that hold only the sample's first months are not drawn as a trend.
    expect(trend?.labels[0]).toBe('Dec 2024');

    const first = page.locator('#changes-body tr').first();
    expect(await first.getAttribute('data-category')).toBe('burglary-business-and-community');
    const cells = (await first.locator('th, td').allTextContents()).map((text) => text.trim());
    expect(cells).toEqual([
      'Burglary - business and community',
      '62',
      '35',
      '27',
      '77.1',
      '▲ Significant increase',
    ]);
    // The sample's four categories, and the three parents derived from theft of a motor vehicle
    // alone (vehicle offences, vehicle crime, theft offences), incomplete.
    expect(await page.locator('#changes-body tr').count()).toBe(7);
  });

  it('redraws the chart and the table when the category changes', async () => {
    const before = await chartOf(page, 'rates-chart');
    await page.selectOption('#category', 'anti-social-behaviour');
    await settled(page);
    expect(await page.getAttribute('#rates-figure', 'data-category')).toBe('anti-social-behaviour');
    const after = await chartOf(page, 'rates-chart');
    expect(after?.labels).not.toEqual(before?.labels);
    expect(after?.labels[0]).toBe('Chesterfield');
    const at = after?.labels.indexOf('South Derbyshire') ?? -1;
    expect(after?.datasets[0]?.data[at]).toBe(10.13);
    expect((await comparisonRow(page, SOUTH_DERBYSHIRE)).slice(0, 3)).toEqual([
      'South Derbyshire',
      '1,080',
      '10.13',
    ]);
    expect(page.url()).toContain('category=anti-social-behaviour');
    await shot(page, 'anti-social-behaviour-2025-12');
  });

  it('downloads the same CSV as the API gives', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-comparison'),
    ]);
    expect(download.suggestedFilename()).toBe('comparison-anti-social-behaviour-2025-12-12m.csv');
    const saved = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(saved);
    const fromPage = await readFile(saved, 'utf8');

    const response = await fetch(
      `${running!.url}/v1/comparisons?category=anti-social-behaviour&period=2025-12&months=12&format=csv`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    const fromApi = await response.text();
    expect(fromPage).toBe(fromApi);
    expect(fromApi).toContain('E07000039,South Derbyshire,csp,1080,');
  });

  it('downloads the Board pack for the chosen period, holding the comparison API', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#download-pack'),
    ]);
    expect(download.suggestedFilename()).toBe('board-pack-2025-12-12m.xlsx');
    const saved = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(saved);
    const book = await readPackWorkbook(await readFile(saved));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Contents',
      ...PLAN_CATEGORIES.map((category) => category.shortTitle),
      'Area changes',
      'Notes',
    ]);
    const response = await fetch(
      `${running!.url}/v1/comparisons?category=anti-social-behaviour&period=2025-12&months=12`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const answer = (await response.json()) as ComparisonResponse;
    const table = packTable(book.getWorksheet('Anti-social behaviour')!, 10);
    expect(table.rows).toEqual(expectedComparisonCells(answer.rows));
    expect(await page.textContent('#status')).toBe('Saved board-pack-2025-12-12m.xlsx.');
  });

  it('sorts the table from the keyboard, with aria-sort, the rollups kept last', async () => {
    const areaHeading = page.locator('#comparison thead th').first();
    await areaHeading.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await areaHeading.getAttribute('aria-sort')).toBe('ascending');
    const names = await areaColumn(page);
    expect(names.slice(0, 2)).toEqual(['Amber Valley', 'Bolsover']);
    expect(names.slice(-2)).toEqual(['County Council area', 'Force area']);
    await page.keyboard.press('Enter');
    expect(await areaHeading.getAttribute('aria-sort')).toBe('descending');
    expect((await areaColumn(page))[0]).toBe('South Derbyshire');

    await page.click('button[data-sort="volume"]');
    const volumeHeading = page.locator('#comparison thead th', {
      has: page.locator('[data-sort="volume"]'),
    });
    expect(await volumeHeading.getAttribute('aria-sort')).toBe('descending');
    expect(await areaHeading.getAttribute('aria-sort')).toBeNull();
    expect((await areaColumn(page))[0]).toBe('Derby City');
    // Back to the plan's order (the category is anti-social behaviour now).
    await page.click('button[data-sort="rank"]');
    expect((await areaColumn(page))[0]).toBe('Chesterfield');
    expect(await page.getAttribute('#comparison thead th:nth-child(4)', 'aria-sort')).toBe(
      'ascending',
    );
  });

  it('prints the figures without the pickers and buttons', async () => {
    await page.selectOption('#category', 'total-recorded-crime');
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#pickers')).toBe(false);
    expect(await page.isVisible('#download-comparison')).toBe(false);
    expect(await page.isVisible('#comparison')).toBe(true);
    const colours = await page.evaluate(() => {
      const page = globalThis as unknown as {
        document: { querySelector(s: string): unknown };
        getComputedStyle(e: unknown): { color: string; backgroundColor: string };
      };
      const style = page.getComputedStyle(page.document.querySelector('#comparison-body td'));
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colours).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
    await shot(page, 'print');
    await page.pdf({ path: join(ARTIFACTS, 'print.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('picks a force: all forces shows the national table, in the address and every request', async () => {
    const asked: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/v1/')) asked.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await page.goto(`${running!.url}/?category=total-recorded-crime&area=${SOUTH_DERBYSHIRE}`);
      await settled(page);
      // The loaded forces by name, then all of them; the deployment's force chosen.
      const options = await page
        .locator('#force option')
        .evaluateAll((found) =>
          found.map((option) => [
            (option as unknown as { value: string }).value,
            (option as unknown as { textContent: string }).textContent,
          ]),
        );
      expect(options).toEqual([
        ['E23000018', 'Force area'],
        ['all', 'All forces'],
      ]);
      expect(await page.inputValue('#force')).toBe('E23000018');
      expect(page.url()).not.toContain('force=');

      asked.length = 0;
      await page.selectOption('#force', 'all');
      await settled(page);
      expect(new URL(page.url()).searchParams.get('force')).toBe('all');
      // Every report request of the refresh names the force.
      const reports = asked.filter((url) =>
        /\/v1\/(comparisons|areas\/[^/]+\/(changes|trend))/.test(url),
      );
      expect(reports.length).toBeGreaterThanOrEqual(3);
      for (const url of reports) expect(new URL(url).searchParams.get('force')).toBe('all');
      // The CSP areas of every loaded force ranked together, then each force's row: no county.
      const api = await fetch(
        `${running!.url}/v1/comparisons?category=total-recorded-crime&period=2025-12&force=all`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const national = (await api.json()) as ComparisonResponse;
      expect(await areaColumn(page)).toEqual(national.rows.map((row) => row.area.name));
      expect(national.rows.map((row) => row.area.kind)).toEqual([...Array(9).fill('csp'), 'force']);
      expect(await page.locator('#comparison-body tr[data-kind="county"]').count()).toBe(0);
      expect(await comparisonRow(page, SOUTH_DERBYSHIRE)).toEqual([
        'South Derbyshire',
        '6,267',
        '58.76',
        '6',
        '6,448',
        '-181',
        '-2.8',
      ]);
      expect(await page.textContent('#comparison-note')).toContain(
        "every loaded force's CSP areas",
      );
      expect(await page.isDisabled('#download-pack')).toBe(true);
      // The national table has no county rows: the chosen area's force alone is marked.
      const rates = await chartOf(page, 'rates-chart');
      expect(rates?.datasets.slice(1).map((set) => set.label)).toEqual(['Force area: 77.17']);
      await shot(page, 'all-forces');

      // Reloaded, the address keeps the choice; back to the force, its table and address again.
      await page.reload();
      await settled(page);
      expect(await page.inputValue('#force')).toBe('all');
      await page.selectOption('#force', 'E23000018');
      await settled(page);
      expect(page.url()).not.toContain('force=');
      expect(await page.locator('#comparison-body tr[data-kind="county"]').count()).toBe(1);
      expect(await page.isDisabled('#download-pack')).toBe(false);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('asks for a token when there is none, refuses a wrong one, and goes on with the right one', async () => {
    const fresh = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const other = await fresh.newPage();
      const errors: string[] = [];
      other.on('pageerror', (error) => errors.push(error.message));
      await other.goto(`${running!.url}/`);
      await other.waitForSelector('#token-form', { state: 'visible' });
      expect(await other.isVisible('#dashboard')).toBe(false);
      // The field has the focus; before it in keyboard order comes only the skip link.
      const focused = () =>
        other.evaluate(() => {
          const { activeElement } = (
            globalThis as unknown as {
              document: { activeElement: { id: string; className: string } };
            }
          ).document;
          return activeElement.id || activeElement.className;
        });
      expect(await focused()).toBe('token-input');
      await other.keyboard.press('Shift+Tab');
      expect(await focused()).toBe('skip-link');
      await shot(other, 'no-token');

      await other.fill('#token-input', 'cs_not-a-token');
      await other.press('#token-input', 'Enter');
      await other.waitForSelector('#token-error:not([hidden])');
      expect(await other.textContent('#token-error')).toContain('refused');

      await other.fill('#token-input', token);
      await other.press('#token-input', 'Enter');
      await settled(other);
      expect(await comparisonRow(other, SOUTH_DERBYSHIRE)).toContain('58.76');
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('marks incomplete rows and says so in the currency line when a month is missing', async () => {
    // One more month for South Derbyshire only: the latest month becomes 2026-01, and every
    // other area's window to 2026-01 misses it.
    const upload = await fetch(`${running!.url}/v1/uploads?filename=jan-2026.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'month,area_code,category,count\n2026-01,E07000039,burglary-business-and-community,7\n',
    });
    expect(upload.status).toBe(200);
    await page.goto(`${running!.url}/?category=burglary-business-and-community&area=E07000039`);
    await settled(page);
    expect(await page.inputValue('#period')).toBe('2026-01');
    expect(await page.getAttribute('#currency', 'data-complete')).toBe('false');
    expect(await page.textContent('#currency')).toMatch(/^Data to Jan 2026, .*Incomplete/);
    const southDerbyshire = page.locator(`#comparison-body tr[data-area="${SOUTH_DERBYSHIRE}"]`);
    expect(await southDerbyshire.getAttribute('data-complete')).toBe('true');
    const chesterfield = page.locator('#comparison-body tr[data-area="E07000034"]');
    expect(await chesterfield.getAttribute('data-complete')).toBe('false');
    expect(await chesterfield.locator('th').textContent()).toBe('Chesterfield † (incomplete)');
    expect(await page.textContent('#comparison-note')).toContain('incomplete');
    await shot(page, 'incomplete-2026-01');
  });

  it("manages the chosen area's subscriptions: a webhook and an email, a private address refused, removal", async () => {
    await page.goto(`${running!.url}/?area=${SOUTH_DERBYSHIRE}`);
    await settled(page);
    await page.waitForSelector('#subscribe-form:not([hidden])');
    expect(await page.textContent('#subscriptions-title')).toBe('Subscriptions: South Derbyshire');
    await page.check('input[name="channel"][value="webhook"]');
    await page.fill('#subscribe-target', 'http://127.0.0.1:9/hook');
    await page.click('#subscribe-button');
    await page.waitForSelector('#subscriptions-body tr');
    const cells = await page.locator('#subscriptions-body tr td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['http://127.0.0.1:9/hook', 'All', 'active']);
    expect(await page.textContent('#subscribe-result')).toMatch(
      /signing secret, shown only now, is whsec_/,
    );
    await shot(page, 'subscriptions');

    // Refused by the API before anything is stored or sent, with its reason.
    await page.fill('#subscribe-target', 'https://10.0.0.1/hook');
    await page.click('#subscribe-button');
    await page.waitForSelector('#subscriptions-error:not([hidden])');
    expect(await page.textContent('#subscriptions-error')).toContain('private');
    expect(await page.locator('#subscriptions-body tr').count()).toBe(1);

    // An email digest instead: no secret to show; up writes it to its outbox without SMTP.
    await page.check('input[name="channel"][value="email"]');
    await page.fill('#subscribe-target', 'officer@example.gov.uk');
    await page.click('#subscribe-button');
    await expect.poll(() => page.locator('#subscriptions-body tr').count()).toBe(2);
    expect(await page.textContent('#subscribe-result')).toContain(
      'Subscribed officer@example.gov.uk: a digest is sent after each load',
    );
    expect(await page.locator('#subscriptions-body tr td:first-child').allTextContents()).toEqual([
      'http://127.0.0.1:9/hook',
      'officer@example.gov.uk',
    ]);

    await page.click('#subscriptions-body tr:first-child button');
    await expect.poll(() => page.locator('#subscriptions-body tr').count()).toBe(1);
    expect(await page.textContent('#subscribe-result')).toContain('Removed');
    await page.click('#subscriptions-body button');
    await expect.poll(() => page.locator('#subscriptions-body tr').count()).toBe(0);

    // The county is no CSP area: nothing to subscribe to there.
    await page.selectOption('#area', 'E10000007');
    await expect
      .poll(() => page.textContent('#subscriptions-intro'))
      .toContain('Subscriptions are to a CSP area');
    expect(await page.isHidden('#subscribe-form')).toBe(true);
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
