import { Problem } from '../http/problem';
import { fromBase64Url, randomBytes, toBase64Url } from './crypto';

/** Encrypts secrets that must be readable again (signing keys), so a copy of the database alone reveals none. */
export interface SecretBox {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

const IV_BYTES = 12;

/** AES-256-GCM under `DATA_ENCRYPTION_KEY` (base64 of 32 random bytes, set with `wrangler secret put`). */
export function secretBox(keyBase64: string | undefined): SecretBox {
  let key: Promise<CryptoKey> | undefined;
  const cryptoKey = () => {
    if (!keyBase64) throw new Problem(503, 'Service unavailable', 'DATA_ENCRYPTION_KEY is not configured on this server.');
    key ??= crypto.subtle.importKey(
      'raw',
      Uint8Array.from(atob(keyBase64), (c) => c.charCodeAt(0)),
      'AES-GCM',
      false,
      ['encrypt', 'decrypt'],
    );
    return key;
  };
  return {
    async seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        await cryptoKey(),
        new TextEncoder().encode(plaintext),
      );
      const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
      sealed.set(iv);
      sealed.set(new Uint8Array(ciphertext), IV_BYTES);
      return toBase64Url(sealed);
    },
    async open(sealed) {
      const bytes = fromBase64Url(sealed);
      const plaintext = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES) },
        await cryptoKey(),
        bytes.slice(IV_BYTES),
      );
      return new TextDecoder().decode(plaintext);
    },
  };
}
