/**
 * The part of a pino logger the store uses; a pino logger (or a child of one) fits as it is. The
 * store never writes to the console itself.
 */
export interface StoreLogger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
}

export const silentLogger: StoreLogger = {
  info: () => {},
  warn: () => {},
};
