export {
  allIdentities,
  type AnnounceKey,
  type BackoffPolicy,
  type ClientIdentity,
  DEFAULT_IDENTITY_ID,
  escapeBytes,
  escapeText,
  generateKey,
  generatePeerId,
  glibRandom,
  identityById,
  type RandomInt,
} from './ClientIdentity.ts';
