import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { USAGE_ERROR_EXIT, UserError } from '../user-error.ts';
import { REFUSED_EXIT } from '../commands/reference-file-load.ts';
import { postFile } from './remote-ingest.ts';
import {
  REFERENCE_REFUSED_STATUS,
  ReferenceLoadAnswerSchema,
  type ReferenceLoadAnswer,
} from './reference-uploads.ts';

/**
 * Sends a reference file to the running `crimestats up`, which owns the embedded engine's data
 * folder: loaded, its figures recomputed and the reference read again there. A refused file exits
 * 1 with the server's message, naming the file as given here.
 */
export async function loadReferenceThroughServer(
  url: string,
  token: string,
  file: string,
): Promise<ReferenceLoadAnswer> {
  if (!(await stat(file).catch(() => undefined))?.isFile()) {
    throw new UserError(`${file}: no such file`);
  }
  const name = basename(file);
  const response = await postFile(
    `${url}/v1/reference-loads?${new URLSearchParams({ filename: name })}`,
    token,
    file,
    'text/csv',
  );
  const body: unknown = await response.json().catch(() => undefined);
  const answer = ReferenceLoadAnswerSchema.safeParse(body);
  if (response.ok && answer.success) {
    return { ...answer.data, summary: answer.data.summary.split(name).join(file) };
  }
  const error = (body as { error?: unknown } | undefined)?.error;
  const message =
    typeof error === 'string'
      ? error.split(name).join(file)
      : `the running server at ${url} answered ${response.status}: ${JSON.stringify(body)}`;
  // Refused as a local load refuses it; anything else is the server's or the request's.
  throw new UserError(
    message,
    response.status === REFERENCE_REFUSED_STATUS ? REFUSED_EXIT : USAGE_ERROR_EXIT,
  );
}
