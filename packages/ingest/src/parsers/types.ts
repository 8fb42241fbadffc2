import type { SourceKind, UnknownOffenceCode, UnmappedReason } from '@crimestats/contracts';
import type { Area, AreaRegistry, CategoryTaxonomy, PopulationRow } from '@crimestats/domain';
import type { CountAccumulator } from '../count-accumulator.ts';
import type { ProblemCollector } from '../problems.ts';

export interface ParseContext {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  /** The force whose data this is; rows in areas outside it count in no area. */
  force: Area;
  /** LSOA code → CSP area code, when a lookup is loaded; otherwise areas come from LSOA names. */
  lsoaLookup?: ReadonlyMap<string, string>;
  problems: ProblemCollector;
}

export type ParsedFile =
  | {
      kind: 'counts';
      sourceKind: SourceKind;
      counts: CountAccumulator;
      /** Months the file covers; for a whole-month source every (area, category) of them is published. */
      months: Set<string>;
      wholeMonths: boolean;
      /** The force the file turned out to be (police.uk's `Falls within`); else the context's. */
      force?: Area;
      /** Categories a whole-month file speaks for, zero where no row names them. */
      categories: string[];
      unmapped: Partial<Record<UnmappedReason, number>>;
      /** Home Office tables: offence codes the classification lacks. */
      unknownOffenceCodes?: Record<string, UnknownOffenceCode>;
    }
  | { kind: 'populations'; rows: PopulationRow[] };

export interface FormatParser {
  /** Checks and maps the header; throws when a required column is missing. */
  header(fields: string[]): void;
  /** Validates one row: adds its count, or records a problem and leaves it out. */
  row(fields: string[], line: number): void;
  /** Why the whole file must be refused, whatever its rows (e.g. another force's file). */
  refusal?(): string | undefined;
  /** True when it refuses the file for naming what the reference lacks (a force not loaded). */
  lacksReference?(): boolean;
  result(): ParsedFile;
}

export class MissingColumnsError extends Error {
  constructor(readonly missing: string[]) {
    super(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
    this.name = 'MissingColumnsError';
  }
}
