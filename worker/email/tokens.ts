import { hmacSha256, timingSafeEqual, toBase64Url } from '../shared/crypto';

const encoder = new TextEncoder();

/** What a link in an email identifies. Only ids: no address or name ever goes into a URL. */
export interface LinkClaims {
  tenantId: string;
  campaignId: string;
  recipientId: string;
  /** Epoch ms after which the link no longer records anything. */
  expiresAt: number;
}

export interface SigningKey {
  kid: string;
  secret: string;
}

export type TokenFailure = 'malformed' | 'unknown_key' | 'bad_signature' | 'expired';
/** An expired token still carries its (authentic) claims: unsubscribing must keep working after a survey closes. */
export type VerifiedToken =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'expired'; claims: LinkClaims }
  | { ok: false; reason: Exclude<TokenFailure, 'expired'> };

const ID = /^[A-Za-z0-9_]{1,64}$/;
const KID = /^[A-Za-z0-9]{1,16}$/;

/** `<kid>.<tenant>.<campaign>.<recipient>.<expiry seconds, base36>.<HMAC-SHA256 of the rest, base64url>` */
export async function signLink(key: SigningKey, claims: LinkClaims): Promise<string> {
  const body = [key.kid, claims.tenantId, claims.campaignId, claims.recipientId, Math.floor(claims.expiresAt / 1000).toString(36)].join('.');
  return `${body}.${toBase64Url(await hmacSha256(key.secret, body))}`;
}

/**
 * Checks the signature with the key the token names, fetched for the tenant the token claims:
 * a token signed by another tenant's key fails as a bad signature. Comparison is constant-time.
 */
export async function verifyLink(
  token: string,
  findKey: (tenantId: string, kid: string) => Promise<SigningKey | undefined>,
  now: number,
): Promise<VerifiedToken> {
  const parts = token.split('.');
  if (parts.length !== 6) return { ok: false, reason: 'malformed' };
  const [kid, tenantId, campaignId, recipientId, expiry, signature] = parts as [string, string, string, string, string, string];
  if (!KID.test(kid) || ![tenantId, campaignId, recipientId].every((id) => ID.test(id)) || !/^[0-9a-z]{1,10}$/.test(expiry)) {
    return { ok: false, reason: 'malformed' };
  }
  const key = await findKey(tenantId, kid);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const expected = toBase64Url(await hmacSha256(key.secret, parts.slice(0, 5).join('.')));
  // Comparing the canonical encodings also refuses alternative spellings of the same bytes.
  if (!timingSafeEqual(encoder.encode(signature), encoder.encode(expected))) return { ok: false, reason: 'bad_signature' };
  const claims = { tenantId, campaignId, recipientId, expiresAt: parseInt(expiry, 36) * 1000 };
  return claims.expiresAt <= now ? { ok: false, reason: 'expired', claims } : { ok: true, claims };
}
