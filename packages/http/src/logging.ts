/**
 * Logger options for an app's request logs: the authorization header never reaches a log line.
 * Fastify's request serializer leaves headers out; this is for anything that adds them.
 */
export const REDACT_AUTHORIZATION = {
  paths: ['req.headers.authorization', 'headers.authorization'],
  censor: '[redacted]',
};
