import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFile, PUBLISHED_SCHEMAS } from './json-schemas.ts';

const docs = join(import.meta.dirname, '../../../docs/schemas');

describe('published JSON Schemas', () => {
  it.each(Object.keys(PUBLISHED_SCHEMAS))(
    'docs/schemas/%s is generated from its zod schema (pnpm schemas rewrites it)',
    async (name) => {
      const file = await readFile(join(docs, name), 'utf8');
      expect(file).toBe(jsonSchemaFile(name as keyof typeof PUBLISHED_SCHEMAS));
    },
  );
});
