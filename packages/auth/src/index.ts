export { RoleSchema, canLoadData, cspAreaOf, type Role, type Principal } from './roles.ts';
export {
  TokenEntrySchema,
  TokenRegistry,
  hashToken,
  newToken,
  parseTokenEntries,
  type TokenEntry,
} from './tokens.ts';
export { ensureLocalToken } from './local-token.ts';
