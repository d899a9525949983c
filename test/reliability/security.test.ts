// Security properties of the running Worker: response headers of the dashboard, session cookie flags, secrets kept out
// of logs and error bodies, and rate limits on the credential checks.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { body, call, expectProblem, newSurvey, newTenant, ORIGIN, sessionHeaders } from '../helpers';
import worker from '../../worker/index';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';

afterEach(() => vi.restoreAllMocks());

/** Directives a browser needs to refuse framing, sniffing and foreign scripts on a page. */
function expectPageProtection(response: Response, what: string): void {
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  expect(csp, `${what}: Content-Security-Policy`).toMatch(/(default-src|script-src) /);
  expect(csp, `${what}: no inline or eval scripts`).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(response.headers.get('X-Content-Type-Options'), `${what}: X-Content-Type-Options`).toBe('nosniff');
  const frameAncestors = /frame-ancestors ('none'|'self')/.test(csp);
  const frameOptions = ['DENY', 'SAMEORIGIN'].includes(response.headers.get('X-Frame-Options') ?? '');
  expect(frameAncestors || frameOptions, `${what}: frame-ancestors or X-Frame-Options`).toBe(true);
}

function setCookieAttributes(response: Response): { value: string; attributes: Set<string>; sameSite: string | null } {
  const header = response.headers.get('Set-Cookie');
  if (!header) throw new Error(`no Set-Cookie on ${response.status}`);
  const [pair, ...rest] = header.split(';').map((part) => part.trim());
  const attributes = new Set(rest.map((part) => part.split('=')[0]!.toLowerCase()));
  const sameSite = rest.find((part) => part.toLowerCase().startsWith('samesite='))?.split('=')[1] ?? null;
  return { value: pair!.split('=').slice(1).join('='), attributes, sameSite };
}

describe('security headers and cookies', () => {
  it('dashboard pages (SPA routes served from static assets) carry a CSP, nosniff and frame protection', async () => {
    // Outside run_worker_first (wrangler.toml) the asset server answers; the ASSETS binding is that server.
    for (const path of ['/', '/login', '/surveys', '/settings/api-keys', '/index.html']) {
      const response = await env.ASSETS.fetch(new Request(ORIGIN + path, { headers: { Accept: 'text/html' } }));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Content-Type'), path).toMatch(/^text\/html/);
      await response.arrayBuffer();
      expectPageProtection(response, path);
    }
  });

  it('pages and API answers rendered by the Worker carry nosniff and frame protection', async () => {
    const tenant = await newTenant();
    for (const [path, init] of [
      ['/docs', {}],
      ['/api/auth/me', { headers: sessionHeaders(tenant) }],
      ['/api/surveys', { headers: sessionHeaders(tenant) }],
      ['/api/surveys/srv_missing', { headers: sessionHeaders(tenant) }],
    ] as const) {
      const response = await call(path, init);
      await response.arrayBuffer();
      expect(response.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(['DENY', 'SAMEORIGIN'], path).toContain(response.headers.get('X-Frame-Options'));
    }
  });

  it('the session cookie is HttpOnly, Secure, SameSite and not readable by the API response body', async () => {
    const tenant = await newTenant();
    const login = await call('/api/auth/login', { method: 'POST', json: { email: tenant.email, password: tenant.password } });
    expect(login.status).toBe(200);
    const cookie = setCookieAttributes(login);
    expect(cookie.attributes).toContain('httponly');
    expect(cookie.attributes).toContain('secure');
    expect(['Lax', 'Strict']).toContain(cookie.sameSite);
    expect(cookie.value.length).toBeGreaterThanOrEqual(32);
    expect(await login.text()).not.toContain(cookie.value);

    const logout = await call('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: `rapport_session=${cookie.value}`, 'X-CSRF-Token': '' },
    });
    // Logging out needs the CSRF token as well; with it, the cookie is cleared with the same flags.
    expect(logout.status).toBe(403);
    const me = await body<{ csrfToken: string }>(
      await call('/api/auth/me', { headers: { Cookie: `rapport_session=${cookie.value}` } }),
    );
    const loggedOut = await call('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: `rapport_session=${cookie.value}`, 'X-CSRF-Token': me.csrfToken },
    });
    expect(loggedOut.status).toBe(204);
    const cleared = setCookieAttributes(loggedOut);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toContain('secure');
    await expectProblem(await call('/api/auth/me', { headers: { Cookie: `rapport_session=${cookie.value}` } }), 401);
  });
});

describe('secrets in logs and error bodies', () => {
  it('passwords, API keys, session ids, CSRF tokens and webhook secrets never appear in console output or error answers', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      });
    }
    const tenant = await newTenant('Secrets');
    const survey = await newSurvey(tenant.secretKey);
    const endpoint = await body<{ secret: string }>(
      await call('/v1/webhooks/endpoints', {
        method: 'POST',
        key: tenant.secretKey,
        json: { url: 'https://hooks.example.test/x' },
      }),
    );
    const sessionId = tenant.cookie.split('=')[1]!;
    const secrets = {
      password: tenant.password,
      secretKey: tenant.secretKey,
      sessionId,
      csrf: tenant.csrf,
      webhookSecret: endpoint.secret,
    };
    expect(endpoint.secret).toMatch(/^whsec_/);

    const errorBodies: string[] = [];
    const expectError = async (response: Response) => {
      expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
      errorBodies.push(
        `${response.status} ${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${await response.text()}`,
      );
    };
    // Wrong credentials of every kind, each carrying a real secret somewhere in the request.
    await expectError(
      await call('/api/auth/login', { method: 'POST', json: { email: tenant.email, password: `${tenant.password}x` } }),
    );
    await expectError(
      await call('/api/auth/login', { method: 'POST', json: { email: 'nobody@example.com', password: tenant.password } }),
    );
    await expectError(
      await call('/api/auth/signup', {
        method: 'POST',
        json: { tenantName: 'x', email: tenant.email, password: tenant.password },
      }),
    );
    await expectError(
      await call('/api/auth/signup', { method: 'POST', json: { tenantName: 'x', email: 'not an email', password: 'short' } }),
    );
    await expectError(await call('/v1/surveys', { key: `${tenant.secretKey}x` }));
    await expectError(await call('/v1/surveys', { key: tenant.publishableKey }));
    await expectError(await call('/v1/surveys', { headers: { Authorization: tenant.secretKey } }));
    await expectError(
      await call('/api/keys', {
        method: 'POST',
        headers: { Cookie: tenant.cookie, 'X-CSRF-Token': `${tenant.csrf}x` },
        json: { name: 'k', kind: 'secret' },
      }),
    );
    await expectError(await call('/api/surveys', { headers: { Cookie: `rapport_session=${sessionId}x` } }));
    // Secrets inside invalid bodies: validation errors must describe the field, not echo its value.
    await expectError(
      await call('/v1/surveys', {
        method: 'POST',
        key: tenant.secretKey,
        json: { kind: tenant.secretKey, name: endpoint.secret },
      }),
    );
    await expectError(
      await call('/v1/webhooks/endpoints', {
        method: 'POST',
        key: tenant.secretKey,
        json: { url: `http://${sessionId}.example/`, events: [tenant.password] },
      }),
    );
    await expectError(
      await call('/v1/responses', {
        method: 'POST',
        key: tenant.secretKey,
        json: { surveyId: survey.id, score: tenant.secretKey },
      }),
    );
    await expectError(
      await call('/w/v1/responses', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'https://evil.example' },
        body: JSON.stringify({ key: tenant.publishableKey, id: 'x', surveyId: survey.id, score: 5, visitorId: tenant.secretKey }),
      }),
    );

    // An outage inside the Worker (the database fails) while the request carries a key and a password: the 500 and
    // the log line describe the failure, not the request.
    const failingDb = new Proxy(env.DB, {
      get(target, property) {
        if (property === 'prepare' || property === 'batch' || property === 'exec') {
          return () => {
            throw new Error('D1_ERROR: simulated outage');
          };
        }
        return Reflect.get(target, property);
      },
    });
    for (const request of [
      new Request(`${ORIGIN}/v1/surveys`, {
        headers: { Authorization: `Bearer ${tenant.secretKey}`, 'CF-Connecting-IP': '192.0.2.1' },
      }),
      new Request(`${ORIGIN}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '192.0.2.2', Cookie: tenant.cookie },
        body: JSON.stringify({ email: tenant.email, password: tenant.password }),
      }),
    ]) {
      const ctx = createExecutionContext();
      const response = await worker.fetch!(
        request as Request<unknown, IncomingRequestCfProperties>,
        { ...env, DB: failingDb },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(response.status).toBe(500);
      await expectError(response);
    }
    expect(logged.join('\n')).toContain('simulated outage');

    const everything = `${logged.join('\n')}\n${errorBodies.join('\n')}`;
    for (const [name, secret] of Object.entries(secrets)) expect(everything.includes(secret), `${name} leaked`).toBe(false);
  });
});

describe('rate limits on credential checks', { timeout: 120_000 }, () => {
  const attempts = async (count: number, send: () => Promise<Response>) => {
    const responses: Response[] = [];
    for (let i = 0; i < count; i++) responses.push(await send());
    return responses;
  };

  it('logins for one address from one IP are refused with 429 problem+json after ten a minute', async () => {
    const tenant = await newTenant();
    // 10 per 60 s window: 25 attempts exceed it even when they straddle a window boundary.
    const responses = await attempts(25, () =>
      call('/api/auth/login', {
        method: 'POST',
        headers: { 'CF-Connecting-IP': '203.0.113.77' },
        json: { email: tenant.email, password: 'wrong password!' },
      }),
    );
    const limited = responses.find((response) => response.status === 429);
    expect(limited, responses.map((r) => r.status).join(',')).toBeDefined();
    await expectProblem(limited!, 429);
    expect(limited!.headers.get('Retry-After')).toBeTruthy();
  });

  it('guessing secret API keys from one IP is refused with 429 problem+json', async () => {
    const responses = await attempts(25, () =>
      call('/v1/surveys', {
        headers: { 'CF-Connecting-IP': '203.0.113.78' },
        key: `rk_sk_${crypto.randomUUID().replace(/-/g, '')}`,
      }),
    );
    expect(responses[0]!.status).toBe(401);
    const limited = responses.find((response) => response.status === 429);
    expect(limited, responses.map((r) => r.status).join(',')).toBeDefined();
    await expectProblem(limited!, 429);
    // Other addresses are not affected.
    await expectProblem(await call('/v1/surveys', { key: 'rk_sk_0000000000000000000000000000000000' }), 401);
  });

  it('guessing publishable keys on the widget ingest from one IP is refused with 429 problem+json', async () => {
    const responses = await attempts(150, () =>
      call('/w/v1/responses', {
        method: 'POST',
        headers: {
          'Content-Type': 'text/plain;charset=UTF-8',
          Origin: 'https://shop.example',
          'CF-Connecting-IP': '203.0.113.79',
        },
        body: JSON.stringify({
          key: `rk_pk_${crypto.randomUUID().replace(/-/g, '')}`,
          id: crypto.randomUUID(),
          surveyId: 'srv_x',
          score: 5,
          visitorId: 'v',
        }),
      }),
    );
    const limited = responses.find((response) => response.status === 429);
    expect(limited, [...new Set(responses.map((r) => r.status))].join(',')).toBeDefined();
    await expectProblem(limited!, 429);
  });
});
