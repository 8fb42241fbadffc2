import { ALL_FORCES } from '@crimestats/reporting';
import type { Area, AreaRegistry, Category, CategoryTaxonomy } from '@crimestats/domain';
import { ReportRequestError } from './errors.ts';

/** The area a well-formed code names, or a 404 that says where the codes are listed. */
export function knownArea(areas: AreaRegistry, code: string): Area {
  const area = areas.byCode(code);
  if (area === undefined) {
    throw new ReportRequestError(
      404,
      `unknown area "${code}"; see /v1/areas for the codes`,
      'code',
    );
  }
  return area;
}

/** The category a well-formed code names, or a 404 listing the codes (as the CLI does). */
export function knownCategory(categories: CategoryTaxonomy, code: string): Category {
  const category = categories.byCode(code);
  if (category === undefined) {
    const codes = categories.all().map((known) => known.code);
    throw new ReportRequestError(
      404,
      `unknown category "${code}"; one of: ${codes.join(', ')}`,
      'category',
    );
  }
  return category;
}

/**
 * The force `force=` names, when given, or `all` where every force is asked for (a route that
 * takes only one force says `{ all: false }`); a 404 listing the forces otherwise.
 */
export function knownForce(
  areas: AreaRegistry,
  code: string | undefined,
  { all = true }: { all?: boolean } = {},
): string | undefined {
  if (code === undefined) return undefined;
  if (code === ALL_FORCES && all) return code;
  if (areas.byCode(code)?.kind !== 'force') {
    const forces = areas.forces().map((force) => force.code);
    throw new ReportRequestError(
      404,
      `unknown force "${code}"; one of: ${[...forces, ...(all ? [ALL_FORCES] : [])].join(', ')}`,
      'force',
    );
  }
  return code;
}
