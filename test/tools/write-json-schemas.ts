import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemaFile, PUBLISHED_SCHEMAS } from '../../packages/contracts/src/json-schemas.ts';

// Rewrites docs/schemas from the zod schemas: `pnpm schemas` after changing a message schema.
const docs = join(import.meta.dirname, '../../docs/schemas');
for (const name of Object.keys(PUBLISHED_SCHEMAS) as Array<keyof typeof PUBLISHED_SCHEMAS>) {
  await writeFile(join(docs, name), jsonSchemaFile(name));
  console.log(`wrote docs/schemas/${name}`);
}
