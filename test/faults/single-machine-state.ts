// Prints a single-machine home's figures and loads as one JSON line. It runs in a process of its
// own: chDB binds one data folder per process, and the test's process must not hold the home's.
import { createStore, openClickHouse } from '@crimestats/store';
import { embeddedDataPath } from '@crimestats/single-machine';
import { everyFigure } from './figures.ts';

const [home, database] = process.argv.slice(2);
if (!home || !database) throw new Error('usage: single-machine-state.ts <home> <database>');
const client = openClickHouse({ kind: 'embedded', path: embeddedDataPath(home) }, database);
try {
  const store = createStore(client, database);
  const figures = await everyFigure(store);
  const loads = (await store.loads.recent(1_000)).map((l) => `${l.sourceFile}|${l.batchId}`);
  console.log(JSON.stringify({ figures, loads: loads.sort() }));
} finally {
  await client.close();
}
