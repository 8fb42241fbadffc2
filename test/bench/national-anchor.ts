// The national benchmark's physical anchor: chDB's single SELECT … FROM file(…) GROUP BY over the
// street files, by force, month, LSOA name and type (the keys the ingest counts by).
// Usage: tsx national-anchor.ts <streets folder>
import { openClickHouse } from '@crimestats/store';

const [streets] = process.argv.slice(2) as [string];
const glob = `${streets}/*/*-street.csv`.replace(/'/g, "\\'");
const client = openClickHouse({ kind: 'embedded', path: ':memory:' });
const started = performance.now();
const result = await client.query({
  query: `SELECT \`Falls within\`, \`Month\`, \`LSOA name\`, \`Crime type\`, count() AS n
          FROM file('${glob}', 'CSVWithNames')
          GROUP BY \`Falls within\`, \`Month\`, \`LSOA name\`, \`Crime type\``,
  format: 'JSONCompactEachRow',
});
const groups = (await result.json()).length;
const ms = performance.now() - started;
await client.close();
console.log(JSON.stringify({ ms, groups, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
