import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');

export const kafkaPomPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'kafka', 'pom.xml');

/** Fills `{{name}}` placeholders; an unfilled one is a bug in the caller, so it throws. */
export async function renderTemplate(
  name: string,
  values: Record<string, string | number>,
  target: string,
): Promise<void> {
  const text = await readFile(join(templatesDir, name), 'utf8');
  const rendered = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template ${name}: no value for {{${key}}}`);
    return String(value);
  });
  await writeFile(target, rendered);
}

export function templatePath(name: string): string {
  return join(templatesDir, name);
}
