import { z } from 'zod';
import { DeadLetterSchema } from './dead-letter.ts';
import { FiguresEventSchema } from './figures-event.ts';
import { FiguresUpdatedSchema } from './figures-updated.ts';

/**
 * The JSON Schemas partners read beside the topic and webhook documentation, generated from the
 * zod schemas every boundary parses with, so the two cannot drift (a test compares them with the
 * files in docs/schemas).
 */
export const PUBLISHED_SCHEMAS = {
  'figures-updated.v1.json': FiguresUpdatedSchema,
  'figures-event.json': FiguresEventSchema,
  'dead-letter.json': DeadLetterSchema,
} as const;

export function jsonSchemaFile(name: keyof typeof PUBLISHED_SCHEMAS): string {
  // Output form: what a message's reader sees (defaults applied, transforms done).
  const schema = z.toJSONSchema(PUBLISHED_SCHEMAS[name], { io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify({ $id: `https://crimestats.example/schemas/${name}`, ...schema }, null, 2)}\n`;
}
