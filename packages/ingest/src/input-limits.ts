/**
 * Limits on what an input may make the ingest do, so a hostile or broken file is refused quickly
 * and in bounded memory instead of running until the machine gives out (a 2 MB zip holding one
 * 2 GB line once ran for ten minutes at 1 GB before it was stopped). Each is far above what real
 * files reach: a police.uk row is about 200 characters, a national archive a few GB.
 */

/** Characters in one CSV row, its quoted line breaks included; the parser holds a row whole. */
export const MAX_LINE_CHARS = 1_000_000;

/** Entries in one zip archive (every police.uk file of every force and month since 2010 is ~25,000). */
export const MAX_ZIP_ENTRIES = 50_000;

/** Uncompressed bytes of all the street files one zip archive holds. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 16 * 1024 ** 3;

/** Uncompressed ÷ compressed size of one entry; CSV text deflates about 5–15×, zip bombs 1000×. */
export const MAX_ZIP_RATIO = 100;

/** Entries smaller than this are not held to the ratio: tiny files of repeated text compress well. */
export const ZIP_RATIO_MIN_BYTES = 1024 * 1024;

/** Text read to judge whether a file is text at all (see text-guard.ts). */
export const TEXT_SAMPLE_CHARS = 64 * 1024;

/** Share of undecodable characters in that sample above which a file is not UTF-8 text. */
export const MAX_UNDECODABLE_SHARE = 0.01;
