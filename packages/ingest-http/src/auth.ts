import { canLoadData, type TokenRegistry } from '@crimestats/auth';
import { requireToken } from '@crimestats/http';

/** An `onRequest` hook: only analysts load data. */
export const requireDataLoader = (tokens: TokenRegistry) =>
  requireToken({
    tokens,
    wanted: 'an analyst token',
    refuse: (principal) =>
      canLoadData(principal)
        ? undefined
        : `only analysts may upload data; this token's role is ${principal.role}`,
  });
