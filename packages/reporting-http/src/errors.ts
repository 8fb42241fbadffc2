import { HttpError } from '@crimestats/http';

/** A refusal a report handler decides on: a bad or unknown parameter, or a forbidden area. */
export class ReportRequestError extends HttpError {
  override name = 'ReportRequestError';

  constructor(statusCode: 400 | 403 | 404, message: string, parameter?: string) {
    super(statusCode, message, parameter);
  }
}

/** The figures store did not answer (down, or not set up): the request may succeed later. */
export class StoreReadError extends HttpError {
  override name = 'StoreReadError';

  constructor(message: string, options?: ErrorOptions) {
    super(503, message, undefined, options);
  }
}
