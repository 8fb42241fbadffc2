export { ingestSource, type IngestOptions } from './ingest-source.ts';
export {
  expandInputs,
  sourcesInZip,
  displayFileName,
  InputError,
  type InputSource,
} from './sources.ts';
export { detectFormat, REQUIRED_COLUMNS } from './formats.ts';
export { quarterStartMonth } from './parsers/home-office-csp.ts';
export type { IngestSink } from './sink.ts';
export {
  kafkaIngestSink,
  partitionKeyOf,
  ensureIngestTopics,
  defaultIngestTopics,
  type IngestTopicNames,
} from './kafka-sink.ts';
export { summariseFileReport } from './report-summary.ts';
export { ingestSources } from './ingest-batch.ts';
export { watchDropFolder, type DropFolder, type DropFolderOptions } from './drop-folder.ts';
export { loadLsoaLookup, LsoaLookupError } from './lsoa-lookup.ts';
export { readReferenceFile, ReferenceFileError } from './reference-file.ts';
export {
  isCategoriesHeader,
  readReferenceCategoriesFile,
  referenceFileKind,
} from './reference-categories-file.ts';
export {
  fileIngester,
  type FileIngestDeps,
  type FileIngestOptions,
  type FileIngester,
} from './file-ingester.ts';
