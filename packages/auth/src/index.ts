export { RoleSchema, canLoadData, cspAreaOf, type Principal, type Role } from './roles.ts';
export {
  TokenEntrySchema,
  TokenRegistry,
  hashToken,
  newToken,
  parseTokenEntries,
  type TokenCheck,
  type TokenEntry,
} from './tokens.ts';
export { ensureLocalToken } from './local-token.ts';
