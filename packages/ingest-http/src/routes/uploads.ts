import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { TokenRegistry } from '@crimestats/auth';
import { BatchReportSchema, InputFormatSchema } from '@crimestats/contracts';
import { requireDataLoader } from '../auth.ts';
import type { FileIngester } from '@crimestats/ingest';
import { httpStatusOf } from '../http-status.ts';
import type { IngestMetrics } from '../metrics.ts';
import { receiveUpload, safeUploadName } from '../upload.ts';

export interface UploadRouteDeps {
  tokens: TokenRegistry;
  ingestFile: FileIngester;
  metrics: IngestMetrics;
  maxUploadBytes: number;
  /** Where uploads are stored while they are ingested (default: the system's temporary folder). */
  uploadDir?: string;
}

/** The body types an upload may have; each is handed over as the raw stream, never buffered. */
export const UPLOAD_CONTENT_TYPES = ['text/csv', 'application/zip', 'application/octet-stream'];

const UploadQuerySchema = z.object({
  filename: z.string().min(1).max(255),
  format: InputFormatSchema.optional(),
  acceptValidRows: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** What to say about each bad parameter: its name and what it may be. */
const PARAMETER_HELP: Record<string, string> = {
  filename:
    "filename is required: the file's name, ending .csv or .zip (e.g. 2025-03-derbyshire-street.csv)",
  format: `format must be one of ${InputFormatSchema.options.join(', ')} (or left out to detect it from the header)`,
  acceptValidRows: 'acceptValidRows must be true or false',
};

function queryProblem(error: z.ZodError): string {
  const params = [...new Set(error.issues.map((i) => String(i.path[0] ?? '')))];
  return params.map((p) => PARAMETER_HELP[p] ?? `bad query parameter ${p}`).join('; ');
}

/**
 * `POST /v1/uploads?filename=&format=&acceptValidRows=`: one file (CSV or police.uk zip) as the
 * body, answered with the same batch report `crimestats ingest --json` prints.
 */
export const uploadRoutes: FastifyPluginAsync<UploadRouteDeps> = async (app, deps) => {
  // Only the upload types are accepted here (others get 415); JSON bodies are not parsed at all.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(UPLOAD_CONTENT_TYPES, (_req, payload, done) => done(null, payload));

  app.post('/v1/uploads', { onRequest: requireDataLoader(deps.tokens) }, async (req, reply) => {
    const query = UploadQuerySchema.safeParse(req.query);
    if (!query.success) return reply.code(400).send({ error: queryProblem(query.error) });
    const { filename, format, acceptValidRows } = query.data;
    const saved = await receiveUpload(req.body, req.headers['content-length'], {
      name: safeUploadName(filename),
      limitBytes: deps.maxUploadBytes,
      contentTypes: UPLOAD_CONTENT_TYPES,
      ...(deps.uploadDir === undefined ? {} : { parentDir: deps.uploadDir }),
    });
    if (!saved.ok) return reply.code(saved.status).send({ error: saved.error });
    let report;
    try {
      report = BatchReportSchema.parse(
        await deps.ingestFile(saved.path, { format, acceptValidRows }),
      );
    } finally {
      // Before answering, so a client that sees the report knows the copy is gone.
      await saved.cleanup();
    }
    deps.metrics.observe(report, 'upload');
    req.log.info(
      {
        principal: req.principal?.name,
        filename,
        ok: report.ok,
        files: report.files.map((f) => ({ file: f.file, status: f.status, records: f.records })),
      },
      'upload ingested',
    );
    return reply.code(httpStatusOf(report)).send(report);
  });
};
