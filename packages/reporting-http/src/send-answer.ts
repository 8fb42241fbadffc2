import type { AnswerBasis } from '@crimestats/reporting';
import type { FastifyReply } from 'fastify';
import { answerFormat, type AnswerFormat } from './negotiate.ts';

export interface AnswerOptions<T> {
  csv: (answer: T) => string;
  filename: string;
  /** Which load the answer rests on; absent for reference lists, which rest on no load. */
  basis?: AnswerBasis | undefined;
  /** Why the answer is empty, when it is. */
  message?: string | undefined;
}

// Answers are built once per data version and then shared by every request that asks (see the
// answer cache), and were checked against their schema when built; so each is turned into JSON
// once, rather than re-checked and re-serialised per request, which was most of a cached
// request's time.
const serialised = new WeakMap<object, string>();

function jsonOf(answer: unknown): string {
  if (typeof answer !== 'object' || answer === null) return JSON.stringify(answer);
  let json = serialised.get(answer);
  if (json === undefined) {
    json = JSON.stringify(answer);
    serialised.set(answer, json);
  }
  return json;
}

// Header values must be plain text: anything else (an area name in another script) becomes '?'.
const headerText = (text: string): string => text.replace(/[^\x20-\x7e]/g, '?');

/**
 * The headers saying which load an answer rests on, and why it is empty when it is, for answers
 * whose body (CSV, a workbook) has no room for them or is not read by scripts.
 */
export function sendBasis(reply: FastifyReply, basis: AnswerBasis, message: string | undefined) {
  reply.header('crimestats-latest-month', basis.latestMonth ?? 'none');
  reply.header('crimestats-loaded-at', basis.loadedAt ?? 'none');
  reply.header('crimestats-complete', String(basis.complete));
  if (message !== undefined) reply.header('crimestats-message', headerText(message));
}

/**
 * Sends an answer as JSON or CSV. The basis also goes in headers, so a CSV (which has no room for
 * it) still says which load it rests on; so does the message of an empty answer.
 */
export function sendAnswer<T>(
  reply: FastifyReply,
  request: { format: AnswerFormat | undefined; accept: string | undefined },
  answer: T,
  options: AnswerOptions<T>,
): FastifyReply {
  if (options.basis !== undefined) sendBasis(reply, options.basis, options.message);
  reply.header('vary', 'accept');
  if (answerFormat(request.format, request.accept) === 'json') {
    return reply.type('application/json; charset=utf-8').send(jsonOf(answer));
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${options.filename}"`)
    .send(options.csv(answer));
}
