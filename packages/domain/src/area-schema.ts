import { z } from 'zod';
import { AreaCodeSchema } from './area-code.ts';

export const AREA_KINDS = ['csp', 'county', 'force'] as const;
export const AreaKindSchema = z.enum(AREA_KINDS);
export type AreaKind = z.infer<typeof AreaKindSchema>;

/** How a force names itself, and the value police.uk puts in `Falls within` / `Reported by`. */
export const PoliceForceSchema = z.object({
  name: z.string().min(1),
  policeUkName: z.string().min(1),
});
export type PoliceForce = z.infer<typeof PoliceForceSchema>;

/** One reference area row: a CSP area, or a rollup made of other areas. */
export const AreaSchema = z.object({
  code: AreaCodeSchema,
  name: z.string().min(1),
  kind: AreaKindSchema,
  /** Other exact names the area goes by, e.g. `Derby` in LSOA names for Derby City. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Codes of the areas a rollup is made of; they may themselves be rollups. */
  members: z.array(AreaCodeSchema).default([]),
  policeForce: PoliceForceSchema.optional(),
  note: z.string().optional(),
});
export type Area = z.infer<typeof AreaSchema>;

/** The whole areas file, with the cross-row rules a single row cannot check. */
export const AreaListSchema = z.array(AreaSchema).superRefine((areas, ctx) => {
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const seenCodes = new Set<string>();
  const seenNames = new Set<string>();

  areas.forEach((area, index) => {
    const issue = (message: string): void => {
      ctx.addIssue({ code: 'custom', path: [index], message: `${area.code}: ${message}` });
    };
    if (seenCodes.has(area.code)) issue('duplicate area code');
    seenCodes.add(area.code);
    for (const name of [area.name, ...area.aliases]) {
      if (seenNames.has(name)) issue(`name "${name}" is used by more than one area`);
      seenNames.add(name);
    }
    if (area.kind === 'csp' && area.members.length > 0) issue('a CSP area cannot have members');
    if (area.kind !== 'csp' && area.members.length === 0) issue('a rollup needs members');
    if (area.kind === 'force' && area.policeForce === undefined) issue('a force needs policeForce');
    for (const member of area.members) {
      if (!byCode.has(member)) issue(`unknown member ${member}`);
    }
    if (reachesItself(area.code, byCode)) issue('membership cycle');
  });
});

function reachesItself(start: string, byCode: ReadonlyMap<string, Area>): boolean {
  const seen = new Set<string>();
  const pending = [...(byCode.get(start)?.members ?? [])];
  while (pending.length > 0) {
    const code = pending.pop() as string;
    if (code === start) return true;
    if (seen.has(code)) continue;
    seen.add(code);
    pending.push(...(byCode.get(code)?.members ?? []));
  }
  return false;
}
