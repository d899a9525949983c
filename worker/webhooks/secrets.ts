import { randomBytes } from '../shared/crypto';

const SECRET_PREFIX = 'whsec_';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** A Standard Webhooks secret: "whsec_" + base64 of 24 random bytes (the HMAC key). */
export const newSigningSecret = () => SECRET_PREFIX + toBase64(randomBytes(24));

/** The HMAC key bytes of a "whsec_…" secret. */
export const signingKeyBytes = (secret: string) => fromBase64(secret.slice(SECRET_PREFIX.length));
