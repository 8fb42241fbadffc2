export { emailConfigFields, redactSmtpUrl } from './config-fields.ts';
export { digestSubject, pingSubject } from './subject.ts';
export {
  MAX_INCREASES,
  basisLine,
  biggestIncreases,
  increaseLine,
  rowsFor,
  type DigestInput,
} from './digest-parts.ts';
export { buildDigest, type Digest } from './digest.ts';
export { escapeHtml } from './digest-html.ts';
export {
  MailError,
  outboxTransport,
  smtpTransport,
  unconfiguredTransport,
  type MailTransport,
  type SmtpOptions,
} from './mail-transport.ts';
export {
  composeEmail,
  createEmailSender,
  type EmailSenderOptions,
  type ReadChanges,
} from './email-sender.ts';
export { channelOf, routeByScheme } from './route-by-scheme.ts';
export {
  changesFromStore,
  deliverySender,
  mailTransport,
  type DeliverySenderOptions,
  type MailSettings,
} from './delivery-sender.ts';
