import { z } from 'zod';

/**
 * What a process says when its configuration does not parse: every variable at fault with the
 * reason, so one run tells the operator everything to fix. Configuration is parsed at boot only,
 * so a ZodError there is always a configuration error.
 */
export function describeConfigError(name: string, error: z.ZodError): string {
  return `${name}: bad configuration\n${z.prettifyError(error)}`;
}

/** The exit status of a process that could not start because of its configuration. */
export const CONFIG_ERROR_EXIT = 2;
