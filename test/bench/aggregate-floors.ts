// What ClickHouse itself takes for the two halves of any recompute that stores its figures, as
// physical floors beside the recompute and the GROUP BY anchor (issue 14 item 5): writing as many
// figure rows as the recompute stores, made on the server (no client, no transfer), and computing
// every series' twelve-month window sums there and reading them into the client (the issue's
// "let ClickHouse compute the windowed sums"). Both run on ClickHouse 18.16 as on 26.x.
import type { openClickHouse } from '@crimestats/store';

type Client = ReturnType<typeof openClickHouse>;

/** Figure-shaped rows made from numbers: the same columns and about the same widths. */
const figureRowsSql = (rows: number) => `
  SELECT
    concat('category-', toString(number % 60)) AS category,
    toUInt8(12) AS months,
    concat('20', toString(20 + intDiv(number, 300000) % 6), '-', toString(10 + intDiv(number, 25000) % 3)) AS period_end,
    concat('E07', toString(100000 + intDiv(number, 60) % 415)) AS area_code,
    concat('Area ', toString(intDiv(number, 60) % 415)) AS area_name,
    'csp' AS area_kind,
    toUInt64(number % 5000) AS volume,
    toNullable(toUInt64(100000 + number % 50000)) AS population,
    toNullable(toFloat64(number % 5000) / 1.37) AS rate_per_1000,
    toNullable(toUInt8(number % 12)) AS rank,
    toNullable(toUInt64(number % 4000)) AS previous_volume,
    toNullable(toInt64(number % 5000) - 2000) AS volume_change,
    toNullable(toFloat64(number % 1000) / 7.3) AS percent_change,
    toNullable(toFloat64(number % 700) / 91.1) AS z_score,
    toNullable(toUInt8(number % 2)) AS significant,
    toUInt8(1) AS complete,
    toDateTime(1700000000) AS computed_at,
    toUInt64(1) AS version
  FROM numbers(${rows})`;

/** The server writing `rows` figure rows into a copy of the figures table. */
export async function writeFloor(
  client: Client,
  database: string,
  rows: number,
): Promise<Record<string, unknown>> {
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`write-floor: bad row count ${rows}`);
  const scratch = `${database}.figures_write_floor`;
  await client.command({ query: `DROP TABLE IF EXISTS ${scratch}` });
  await client.command({ query: `CREATE TABLE ${scratch} AS ${database}.figures` });
  try {
    const started = performance.now();
    await client.command({ query: `INSERT INTO ${scratch} ${figureRowsSql(rows)}` });
    return { ms: performance.now() - started, figures: rows };
  } finally {
    await client.command({ query: `DROP TABLE IF EXISTS ${scratch}` });
  }
}

/**
 * Every (area, category) series' twelve-month sums at every period end, computed by the server
 * and read by the client as text: the counts and the windows only, without the categories'
 * descendants, populations, previous windows, rollups or ranks the recompute also makes.
 */
export async function windowSums(
  client: Client,
  database: string,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const result = await client.query({
    // Each series' counts in month order as running sums, so each window is one subtraction:
    // one GROUP BY, as the anchor's. The benchmark has one record per area, category and month;
    // the recompute also chooses among sources, which this leaves out.
    query: `
      SELECT area_code, category,
        arrayMap(i -> sums[i + 13] - sums[i + 1],
                 range(toUInt32(greatest(length(sums), 12) - 12))) AS volumes
      FROM (
        SELECT area_code, category,
          arrayCumSum(arrayConcat([toUInt64(0)],
                                  arrayMap(t -> t.2, arraySort(groupArray((month, count)))))) AS sums
        FROM ${database}.monthly_records FINAL
        GROUP BY area_code, category
      )`,
    format: 'TabSeparated',
  });
  let series = 0;
  let sums = 0;
  for (const line of (await result.text()).split('\n')) {
    if (line === '') continue;
    series += 1;
    const volumes = line.slice(line.lastIndexOf('\t') + 2, -1);
    sums += volumes === '' ? 0 : volumes.split(',').map(Number).length;
  }
  return { ms: performance.now() - started, series, figures: sums };
}
