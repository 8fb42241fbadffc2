import type { TokenRegistry } from '@crimestats/auth';
import { receiveUpload, requireDataLoader, safeUploadName } from '@crimestats/ingest-http';
import type { SingleMachine } from '@crimestats/single-machine';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  loadReferenceFile,
  ReferenceRefusedError,
  ReferenceUnreadableError,
} from '../commands/reference-file-load.ts';

/** What `POST /v1/reference-loads` answers: the load's summary and the recompute it made. */
export const ReferenceLoadAnswerSchema = z.object({
  summary: z.string(),
  /** The forces whose figures the load moved, recomputed before the answer. */
  forces: z.array(z.string()),
  figures: z.number().int().nonnegative(),
  updates: z.number().int().nonnegative(),
});
export type ReferenceLoadAnswer = z.infer<typeof ReferenceLoadAnswerSchema>;

/** A refused file's status: read, but its content cannot be loaded (the CLI exits 1). */
export const REFERENCE_REFUSED_STATUS = 422;

export interface ReferenceUploadDeps {
  tokens: TokenRegistry;
  pipeline: SingleMachine;
  maxUploadBytes: number;
}

/** The body types a reference file may have; handed over as the raw stream, never buffered. */
const REFERENCE_CONTENT_TYPES = ['text/csv', 'application/octet-stream'];

const QuerySchema = z.object({ filename: z.string().min(1).max(255) });

/**
 * `POST /v1/reference-loads?filename=`: a reference file (areas or categories) as the body, loaded
 * into the store `crimestats up` holds, as `crimestats reference load` would load it: the figures
 * it moves recomputed, and the pipeline's reference read again, before the answer.
 */
export const referenceUploadRoutes: FastifyPluginAsync<ReferenceUploadDeps> = async (app, deps) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(REFERENCE_CONTENT_TYPES, (_req, payload, done) => done(null, payload));
  app.post(
    '/v1/reference-loads',
    { onRequest: requireDataLoader(deps.tokens) },
    async (req, reply) => {
      const query = QuerySchema.safeParse(req.query);
      if (!query.success) {
        return reply
          .code(400)
          .send({ error: "filename is required: the file's name, e.g. exampleshire-areas.csv" });
      }
      const name = safeUploadName(query.data.filename);
      const saved = await receiveUpload(req.body, req.headers['content-length'], {
        name,
        limitBytes: deps.maxUploadBytes,
        contentTypes: REFERENCE_CONTENT_TYPES,
      });
      if (!saved.ok) return reply.code(saved.status).send({ error: saved.error });
      // Messages name the file as it was sent, not the server's copy.
      const named = (text: string) => text.split(saved.path).join(name);
      try {
        const { pipeline } = deps;
        const loaded = await loadReferenceFile(pipeline.store, saved.path);
        await pipeline.reloadReference();
        const done =
          loaded.forces.length > 0
            ? await pipeline.processor.recomputeAll({ forceCodes: loaded.forces })
            : { figures: 0, updates: 0 };
        // The changes' events, at once, as after an ingest.
        await pipeline.notifier.flushAll();
        req.log.info(
          { principal: req.principal?.name, filename: name, forces: loaded.forces },
          'reference loaded',
        );
        return ReferenceLoadAnswerSchema.parse({
          summary: named(loaded.summary),
          forces: loaded.forces,
          figures: done.figures,
          updates: done.updates,
        });
      } catch (error) {
        if (error instanceof ReferenceRefusedError) {
          return reply.code(REFERENCE_REFUSED_STATUS).send({ error: named(error.message) });
        }
        if (error instanceof ReferenceUnreadableError) {
          return reply.code(400).send({ error: named(error.message) });
        }
        throw error;
      } finally {
        await saved.cleanup();
      }
    },
  );
};
