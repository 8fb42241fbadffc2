/** The exit status of input the command refuses: a bad flag, value, path or environment. */
export const USAGE_ERROR_EXIT = 2;

/** A mistake the user can fix: printed as one line, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = USAGE_ERROR_EXIT,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
