import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, expectProblem, newTenant, sessionHeaders } from '../helpers';

describe('dashboard auth', () => {
  it('signs up, reads /me, logs out and back in', async () => {
    const tenant = await newTenant('Signup Co');
    const me = await body<{ user: { email: string; role: string }; tenant: { name: string } }>(
      await call('/api/auth/me', { headers: { Cookie: tenant.cookie } }),
    );
    expect(me.user).toMatchObject({ email: tenant.email, role: 'owner' });
    expect(me.tenant.name).toBe('Signup Co');

    const logout = await call('/api/auth/logout', { method: 'POST', headers: sessionHeaders(tenant) });
    expect(logout.status).toBe(204);
    await expectProblem(await call('/api/auth/me', { headers: { Cookie: tenant.cookie } }), 401);

    const login = await call('/api/auth/login', { method: 'POST', json: { email: tenant.email, password: tenant.password } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const tenant = await newTenant();
    const wrong = await expectProblem(
      await call('/api/auth/login', { method: 'POST', json: { email: tenant.email, password: 'nope-nope-nope' } }),
      401,
    );
    const unknown = await expectProblem(
      await call('/api/auth/login', { method: 'POST', json: { email: 'nobody@example.com', password: 'nope-nope-nope' } }),
      401,
    );
    expect(wrong.detail).toBe(unknown.detail);
  });

  it('refuses a second account with the same email', async () => {
    const tenant = await newTenant();
    await expectProblem(
      await call('/api/auth/signup', {
        method: 'POST',
        json: { tenantName: 'Copy', email: tenant.email, password: 'another password' },
      }),
      409,
    );
  });

  it('requires the CSRF token on state-changing calls', async () => {
    const tenant = await newTenant();
    await expectProblem(
      await call('/api/keys', { method: 'POST', headers: { Cookie: tenant.cookie }, json: { name: 'x', kind: 'secret' } }),
      403,
    );
    await expectProblem(
      await call('/api/keys', {
        method: 'POST',
        headers: { Cookie: tenant.cookie, 'X-CSRF-Token': 'forged' },
        json: { name: 'x', kind: 'secret' },
      }),
      403,
    );
    const keys = await body<{ data: unknown[] }>(await call('/api/keys', { headers: { Cookie: tenant.cookie } }));
    expect(keys.data).toHaveLength(2);
  });

  it('rate limits repeated login attempts for one address', async () => {
    const tenant = await newTenant();
    const attempt = () =>
      call('/api/auth/login', {
        method: 'POST',
        headers: { 'CF-Connecting-IP': '203.0.113.9' },
        json: { email: tenant.email, password: 'wrong-password' },
      });
    // 10 per 60 s window: 25 attempts exceed the limit even if they straddle a window boundary.
    const responses: Response[] = [];
    for (let i = 0; i < 25; i++) responses.push(await attempt());
    const limited = responses.find((r) => r.status === 429);
    expect(limited).toBeDefined();
    await expectProblem(limited!, 429);
    expect(limited!.headers.get('Retry-After')).toBe('60');
  });
});

describe('API keys', () => {
  it('shows a key once, lists only its prefix, and stops accepting it once revoked', async () => {
    const tenant = await newTenant();
    const list = await body<{ data: Array<{ id: string; prefix: string; kind: string; lastUsedAt: string | null }> }>(
      await call('/api/keys', { headers: { Cookie: tenant.cookie } }),
    );
    expect(JSON.stringify(list)).not.toContain(tenant.secretKey);
    const secret = list.data.find((k) => k.kind === 'secret')!;
    expect(tenant.secretKey.startsWith(secret.prefix)).toBe(true);

    expect((await call('/v1/surveys', { key: tenant.secretKey })).status).toBe(200);
    const revoked = await call(`/api/keys/${secret.id}`, { method: 'DELETE', headers: sessionHeaders(tenant) });
    expect(revoked.status).toBe(200);
    await expectProblem(await call('/v1/surveys', { key: tenant.secretKey }), 401);
  });

  it('answers 403 for a publishable key on a secret-key route', async () => {
    const tenant = await newTenant();
    await expectProblem(await call('/v1/surveys', { key: tenant.publishableKey }), 403);
  });

  it('needs a session to manage keys', async () => {
    await expectProblem(await call('/api/keys'), 401);
  });
});

describe('secrets at rest', () => {
  it('stores passwords, session ids and API keys only as hashes', async () => {
    const tenant = await newTenant();
    const sessionId = decodeURIComponent(tenant.cookie.split('=')[1]!);
    const user = await env.DB.prepare('SELECT password_hash FROM users WHERE tenant_id = ?')
      .bind(tenant.tenantId)
      .first<{ password_hash: string }>();
    expect(user!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    expect(user!.password_hash).not.toContain(tenant.password);

    const sessions = await env.DB.prepare('SELECT * FROM sessions WHERE tenant_id = ?').bind(tenant.tenantId).all();
    const keys = await env.DB.prepare('SELECT * FROM api_keys WHERE tenant_id = ?').bind(tenant.tenantId).all();
    const stored = JSON.stringify([sessions.results, keys.results]);
    expect(sessions.results.length).toBeGreaterThan(0);
    expect(stored).not.toContain(sessionId);
    expect(stored).not.toContain(tenant.secretKey);
    expect(stored).not.toContain(tenant.publishableKey);
    for (const key of keys.results) expect(key.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
