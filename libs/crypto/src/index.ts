export {
  SecretBox,
  SecretBoxError,
  ENCRYPTION_KEY_BYTES,
  generateEncryptionKey,
  parseEncryptionKey,
} from './secret-box';
