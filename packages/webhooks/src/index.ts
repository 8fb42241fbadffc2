export {
  newWebhookSecret,
  webhookHeaders,
  webhookSignature,
  type SignedMessage,
} from './signature.ts';
export {
  NOTHING_ALLOWED,
  checkTargetUrl,
  parseAllowList,
  resolveTarget,
  systemLookup,
  type AllowList,
  type Lookup,
  type ResolvedTarget,
  type TargetCheck,
} from './target-guard.ts';
export { webhookConfigFields } from './config-fields.ts';
