import { z } from 'zod';

/**
 * The contract's category code: the label lower-cased, every run of non-alphanumerics turned
 * into one `-`, trimmed of leading and trailing `-`.
 * `Burglary - business and community` → `burglary-business-and-community`.
 * Alphanumeric means ASCII a–z and 0–9: codes travel in URLs and command lines.
 */
export function categoryCodeFromLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A category code as `categoryCodeFromLabel` forms it: lower-case words joined by `-`. */
export const CATEGORY_CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const CategoryCodeSchema = z
  .string()
  .regex(CATEGORY_CODE_PATTERN, 'expected a category code such as vehicle-crime');
