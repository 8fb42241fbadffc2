import { MonthSchema } from '@crimestats/domain';
import { z } from 'zod';

export const InputFormatSchema = z.enum([
  'police-uk',
  'monthly-counts',
  'population',
  'home-office-csp',
]);
export type InputFormat = z.infer<typeof InputFormatSchema>;

/** One bad value in an input file: enough to find it and fix it. */
export const ProblemSchema = z.object({
  /** 1-based line number counting the header as line 1. */
  line: z.number().int().positive(),
  field: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Why a row counted in no area. */
export const UnmappedReasonSchema = z.enum([
  'no-lsoa',
  'outside-force',
  'unknown-lsoa',
  'unknown-offence',
]);
export type UnmappedReason = z.infer<typeof UnmappedReasonSchema>;

/**
 * A Home Office offence code the offence classification lacks (a later year's, say): how many rows
 * and offences named it, and the category its first row was counted in by its subgroup or group
 * label, null when neither is known (such rows are also in `unmapped['unknown-offence']`).
 */
export const UnknownOffenceCodeSchema = z.object({
  rows: z.number().int().positive(),
  offences: z.number().int().nonnegative(),
  countedIn: z.string().nullable(),
});
export type UnknownOffenceCode = z.infer<typeof UnknownOffenceCodeSchema>;

export const FileStatusSchema = z.enum([
  /** Every row valid; everything published. */
  'accepted',
  /** Some rows invalid; the valid ones were published because the user asked for that. */
  'accepted-with-rejections',
  /** Some rows invalid, or the file unreadable; nothing from it was published. */
  'refused',
  /** Valid, but publishing failed after retries; the records were not (all) published. */
  'publish-failed',
]);
export type FileStatus = z.infer<typeof FileStatusSchema>;

/** What happened to one input file: the answer of `crimestats ingest` and of the upload endpoint. */
export const FileReportSchema = z.object({
  file: z.string(),
  format: InputFormatSchema.nullable(),
  status: FileStatusSchema,
  batchId: z.string().uuid(),
  rows: z.number().int().nonnegative(),
  rejectedRows: z.number().int().nonnegative(),
  /** The first problems found (capped); `problemCount` is the total. */
  problems: z.array(ProblemSchema),
  problemCount: z.number().int().nonnegative(),
  /** A reason the whole file could not be read (no known header, unreadable, …). */
  error: z.string().optional(),
  unmapped: z.partialRecord(UnmappedReasonSchema, z.number().int().nonnegative()),
  /** Home Office tables only: offence codes the classification lacks, by code. */
  unknownOffenceCodes: z.record(z.string(), UnknownOffenceCodeSchema).optional(),
  months: z.array(MonthSchema),
  records: z.number().int().nonnegative(),
  populations: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type FileReport = z.infer<typeof FileReportSchema>;

export const BatchReportSchema = z.object({
  files: z.array(FileReportSchema),
  ok: z.boolean(),
});
export type BatchReport = z.infer<typeof BatchReportSchema>;
