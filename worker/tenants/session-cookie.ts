import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hmacSha256, randomBytes, sha256Hex, toBase64Url } from '../shared/crypto';
import { DAY_MS } from '../shared/time';

export const SESSION_COOKIE = 'rapport_session';
export const SESSION_TTL_MS = 14 * DAY_MS;
export const CSRF_HEADER = 'X-CSRF-Token';

export interface NewSession {
  id: string;
  idHash: string;
}

export async function newSession(): Promise<NewSession> {
  const id = toBase64Url(randomBytes(32));
  return { id, idHash: await sha256Hex(id) };
}

export const hashSessionId = sha256Hex;

/**
 * The CSRF token is derived from the session id, so it needs no storage and dies with the session.
 * A cross-site page can make the browser send the cookie, but cannot read this value.
 */
export async function csrfTokenFor(sessionId: string): Promise<string> {
  return toBase64Url(await hmacSha256(sessionId, 'rapport-csrf'));
}

export function writeSessionCookie(c: Context, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export const readSessionCookie = (c: Context) => getCookie(c, SESSION_COOKIE);
export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
