import { signingKeyBytes } from './secrets';

/**
 * Standard Webhooks signature: base64 HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}"
 * with the secret's key bytes, sent as "v1,<signature>".
 */
export async function signPayload(secret: string, id: string, timestampSeconds: number, payload: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', signingKeyBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestampSeconds}.${payload}`)));
  return `v1,${btoa(String.fromCharCode(...mac))}`;
}
