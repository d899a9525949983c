import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../db/schema';
import type { AppEnv } from '../env';
import { clientIp, enforceRateLimit } from '../http/limits';
import { createRouter, jsonBody, jsonResponse, problems, SESSION_SECURITY } from '../http/openapi';
import { unauthorized } from '../http/problem';
import { IdParam } from '../shared/schemas';
import { requireSession } from './authenticate';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import {
  addMember,
  apiKeyView,
  createApiKey,
  createTenantWithOwner,
  findTenant,
  listApiKeys,
  listMembers,
  memberView,
  revokeApiKey,
  tenantView,
  updateTenant,
} from './repository';
import { ApiKey, CreateApiKey, CreateMember, Login, Member, Role, Signup, Tenant, UpdateTenant } from './schemas';
import {
  clearSessionCookie,
  csrfTokenFor,
  newSession,
  readSessionCookie,
  hashSessionId,
  SESSION_TTL_MS,
  writeSessionCookie,
} from './session-cookie';

const Me = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable(), role: Role }),
  tenant: Tenant,
  csrfToken: z.string().meta({ description: 'Send as X-CSRF-Token on every state-changing /api call.' }),
});

const tags = ['Dashboard auth'];

async function startSession(c: Context<AppEnv>, tenantId: string, userId: string) {
  const session = await newSession();
  const now = Date.now();
  await c.var.db
    .insert(sessions)
    .values({ idHash: session.idHash, tenantId, userId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
  writeSessionCookie(c, session.id);
  return session.id;
}

async function meBody(c: Context<AppEnv>, userId: string, sessionId: string) {
  const [user] = await c.var.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw unauthorized();
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    tenant: tenantView(await findTenant(c.var.db, user.tenantId)),
    csrfToken: await csrfTokenFor(sessionId),
  };
}

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/signup',
      tags,
      summary: 'Create a tenant and its owner, and log in',
      request: { body: jsonBody(Signup) },
      responses: { 201: jsonResponse(Me, 'Signed up and logged in'), ...problems(400, 409, 413, 422, 429) },
    }),
    async (c) => {
      await enforceRateLimit(c.env, 'LOGIN_LIMITER', `signup:${clientIp(c.req.raw)}`);
      const input = c.req.valid('json');
      const { tenantId, userId } = await createTenantWithOwner(c.var.db, input);
      const sessionId = await startSession(c, tenantId, userId);
      return c.json(await meBody(c, userId, sessionId), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags,
      summary: 'Log in with email and password',
      request: { body: jsonBody(Login) },
      responses: { 200: jsonResponse(Me, 'Logged in'), ...problems(400, 401, 413, 422, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      await enforceRateLimit(c.env, 'LOGIN_LIMITER', `login:${clientIp(c.req.raw)}:${email}`);
      const [user] = await c.var.db.select().from(users).where(eq(users.email, email)).limit(1);
      const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
      if (!user || !valid) throw unauthorized('Wrong email or password.');
      const sessionId = await startSession(c, user.tenantId, user.id);
      return c.json(await meBody(c, user.id, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags,
      summary: 'End the current session',
      security: SESSION_SECURITY,
      middleware: [requireSession] as const,
      responses: { 204: { description: 'Logged out' }, ...problems(401, 403) },
    }),
    async (c) => {
      const principal = c.var.principal;
      if (principal.type === 'session') {
        await c.var.db
          .delete(sessions)
          .where(and(eq(sessions.tenantId, principal.tenantId), eq(sessions.idHash, principal.sessionIdHash)));
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags,
      summary: 'The logged-in user, their tenant and the CSRF token',
      security: SESSION_SECURITY,
      middleware: [requireSession] as const,
      responses: { 200: jsonResponse(Me, 'Current user'), ...problems(401) },
    }),
    async (c) => {
      const principal = c.var.principal;
      const sessionId = readSessionCookie(c);
      if (principal.type !== 'session' || !sessionId || (await hashSessionId(sessionId)) !== principal.sessionIdHash)
        throw unauthorized();
      return c.json(await meBody(c, principal.userId, sessionId), 200);
    },
  );

const CreatedApiKey = ApiKey.extend({ key: z.string().meta({ description: 'The full key. Shown only in this response.' }) });

export const keyRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['API keys'],
      summary: 'List API keys (never the keys themselves)',
      security: SESSION_SECURITY,
      responses: { 200: jsonResponse(z.object({ data: z.array(ApiKey) }), 'Keys'), ...problems(401) },
    }),
    async (c) => c.json({ data: (await listApiKeys(c.var.db, c.var.tenantId)).map(apiKeyView) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['API keys'],
      summary: 'Create an API key; the key is shown once',
      security: SESSION_SECURITY,
      request: { body: jsonBody(CreateApiKey) },
      responses: { 201: jsonResponse(CreatedApiKey, 'Created'), ...problems(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      const { kind, name } = c.req.valid('json');
      const { key, row } = await createApiKey(c.var.db, c.var.tenantId, kind, name);
      return c.json({ ...apiKeyView(row), key }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['API keys'],
      summary: 'Revoke an API key',
      security: SESSION_SECURITY,
      request: { params: IdParam },
      responses: { 200: jsonResponse(ApiKey, 'Revoked'), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(apiKeyView(await revokeApiKey(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
  );

export const tenantRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Tenant'],
      summary: 'Tenant settings',
      security: SESSION_SECURITY,
      responses: { 200: jsonResponse(Tenant, 'Tenant'), ...problems(401) },
    }),
    async (c) => c.json(tenantView(await findTenant(c.var.db, c.var.tenantId)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags: ['Tenant'],
      summary: 'Change tenant settings (name, locale, time zone, currency, allowed widget origins, alert recipients)',
      security: SESSION_SECURITY,
      request: { body: jsonBody(UpdateTenant) },
      responses: { 200: jsonResponse(Tenant, 'Updated'), ...problems(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      return c.json(tenantView(await updateTenant(c.var.db, c.var.tenantId, c.req.valid('json'))), 200);
    },
  );

export const teamRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Team'],
      summary: 'Members of this tenant and their roles',
      security: SESSION_SECURITY,
      responses: { 200: jsonResponse(z.object({ data: z.array(Member) }), 'Members'), ...problems(401) },
    }),
    async (c) => c.json({ data: (await listMembers(c.var.db, c.var.tenantId)).map(memberView) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Team'],
      summary: 'Add a member (owner, admin or viewer) with an initial password',
      security: SESSION_SECURITY,
      request: { body: jsonBody(CreateMember) },
      responses: { 201: jsonResponse(Member, 'Added'), ...problems(400, 401, 403, 409, 413, 415, 422) },
    }),
    async (c) => c.json(memberView(await addMember(c.var.db, c.var.tenantId, c.req.valid('json'))), 201),
  );
