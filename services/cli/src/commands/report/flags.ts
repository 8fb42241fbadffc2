import {
  AreaCodeSchema,
  type Area,
  type AreaRegistry,
  type Category,
  type CategoryTaxonomy,
} from '@crimestats/domain';
import {
  ForceParamSchema,
  REPORT_FORMATS,
  ReportFormatSchema,
  type ReportFormat,
} from '@crimestats/reporting';
import type { z } from 'zod';
import { UserError } from '../../user-error.ts';

/** The report format asked for; a table unless said otherwise. */
export function formatFrom(flags: { format?: string }): ReportFormat {
  const parsed = ReportFormatSchema.safeParse(flags.format ?? 'table');
  if (!parsed.success) {
    throw new UserError(
      `--format: expected one of ${REPORT_FORMATS.join(', ')}, got "${flags.format}"`,
    );
  }
  return parsed.data;
}

/** A flag checked with the API's schema for the same parameter, so both say the same. */
export function flagValue<S extends z.ZodType>(
  schema: S,
  flag: string,
  value: string | undefined,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UserError(`--${flag}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

/** The area a well-formed code names, or a message listing the codes. */
export function knownAreaFlag(areas: AreaRegistry, code: string): Area {
  const area = areas.byCode(code);
  if (area === undefined) {
    const codes = areas.all().map((known) => `${known.code} (${known.name})`);
    throw new UserError(`--area: unknown area "${code}"; one of: ${codes.join(', ')}`);
  }
  return area;
}

/** The category a well-formed code names, or a message listing the codes. */
export function knownCategoryFlag(categories: CategoryTaxonomy, code: string): Category {
  const category = categories.byCode(code);
  if (category === undefined) {
    const codes = categories.all().map((known) => known.code);
    throw new UserError(`--category: unknown category "${code}"; one of: ${codes.join(', ')}`);
  }
  return category;
}

/**
 * `--force`, a well-formed area code when given (whether it is a force, the reference says), or
 * `all` where every force may be asked for (`{ all: false }` where not).
 */
export function forceFlag(
  value: string | undefined,
  { all = true }: { all?: boolean } = {},
): string | undefined {
  if (value === undefined) return undefined;
  if (all) return flagValue(ForceParamSchema, 'force', value);
  return flagValue(AreaCodeSchema, 'force', value);
}
