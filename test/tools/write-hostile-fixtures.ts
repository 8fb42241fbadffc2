import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileFixtures } from './hostile-fixtures.ts';

// Writes test/fixtures/hostile's files again from hostile-fixtures.ts (the README is kept by hand).
const folder = join(import.meta.dirname, '..', 'fixtures', 'hostile');
for (const { name, bytes } of hostileFixtures()) {
  writeFileSync(join(folder, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
