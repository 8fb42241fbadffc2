export { requireToken, type RequireTokenOptions } from './bearer-token.ts';
export {
  ErrorAnswerSchema,
  HttpError,
  replyNotFound,
  replyToError,
  type ErrorAnswer,
} from './errors.ts';
export { atLeastWarn, logsInfo } from './log-level.ts';
export { REDACT_AUTHORIZATION } from './logging.ts';
export { probeRoutes, type ProbeRouteDeps } from './probes.ts';
export { probeServer } from './probe-server.ts';
export { limitRequestRate, type RateLimitSettings } from './rate-limit.ts';
export { SECURITY_HEADERS, addSecurityHeaders } from './security-headers.ts';
export { listRoutes } from './route-list.ts';
