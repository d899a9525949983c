import { fromBase64Url, randomBytes, toBase64Url } from '../shared/crypto';
import { Problem } from '../http/problem';

const SECRET_PREFIX = 'whsec_';
const IV_BYTES = 12;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** A Standard Webhooks secret: "whsec_" + base64 of 24 random bytes (the HMAC key). */
export const newSigningSecret = () => SECRET_PREFIX + toBase64(randomBytes(24));

/** The HMAC key bytes of a "whsec_…" secret. */
export const signingKeyBytes = (secret: string) => fromBase64(secret.slice(SECRET_PREFIX.length));

async function encryptionKey(keyBase64: string | undefined): Promise<CryptoKey> {
  if (!keyBase64) throw new Problem(503, 'Service unavailable', 'Webhooks are not configured on this server (WEBHOOK_SECRET_KEY is missing).');
  return crypto.subtle.importKey('raw', fromBase64(keyBase64), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Signing secrets are stored AES-GCM encrypted under the WEBHOOK_SECRET_KEY secret, never in plain text. */
export async function encryptSecret(keyBase64: string | undefined, secret: string): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await encryptionKey(keyBase64), new TextEncoder().encode(secret));
  const combined = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  combined.set(iv);
  combined.set(new Uint8Array(ciphertext), IV_BYTES);
  return toBase64Url(combined);
}

export async function decryptSecret(keyBase64: string | undefined, stored: string): Promise<string> {
  const combined = fromBase64Url(stored);
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: combined.slice(0, IV_BYTES) },
    await encryptionKey(keyBase64),
    combined.slice(IV_BYTES),
  );
  return new TextDecoder().decode(plaintext);
}
