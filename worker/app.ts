import { secureHeaders } from 'hono/secure-headers';
import { customerRoutes } from './customers/routes';
import { database } from './db/client';
import { referencePage } from './docs/reference-page';
import { campaignImportRoutes } from './email/import-routes';
import { emailLinkRoutes } from './email/public-routes';
import { campaignRoutes } from './email/routes';
import { onError, onNotFound } from './http/errors';
import { Problem } from './http/problem';
import { enforceRateLimit, limitBody } from './http/limits';
import { loyaltyRoutes } from './loyalty/routes';
import { memberPanelRoutes } from './loyalty/member-routes';
import { memberSecretRoutes } from './loyalty/member-secret-routes';
import { webhookRoutes } from './webhooks/routes';
import { metricRoutes } from './metrics/routes';
import { privacyRoutes } from './privacy/routes';
import { createRouter, SECRET_KEY_SECURITY, SESSION_SECURITY } from './http/openapi';
import { publicResponseRoutes } from './responses/public-routes';
import { responseRoutes } from './responses/routes';
import { surveyRoutes } from './surveys/routes';
import { requireApiKey, requireRoleForChanges, requireSession } from './tenants/authenticate';
import { authRoutes, keyRoutes, teamRoutes, tenantRoutes } from './tenants/routes';
import { corsOnErrors } from './widget/cors';
import { widgetRoutes } from './widget/routes';

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Rapport API',
    version: '1.0.0',
    description:
      'Surveys, responses and customers for one tenant. Authenticate `/v1` with a secret key (`Authorization: Bearer rk_sk_…`). ' +
      'Errors are RFC 9457 `application/problem+json`.',
  },
};

export const app = createRouter();

app.onError(onError);
app.notFound(onNotFound);

app.use('*', secureHeaders({ crossOriginResourcePolicy: false }));
app.use('*', async (c, next) => {
  c.set('db', database(c.env.DB));
  await next();
});

app.get('/healthz', (c) => c.json({ status: 'ok' }));
// Ready when the database answers; unlike /healthz it costs one D1 round trip.
app.get('/readyz', async (c) => {
  try {
    await c.env.DB.prepare('SELECT 1').first();
  } catch {
    throw new Problem(503, 'Service unavailable', 'The database does not answer.');
  }
  return c.json({ status: 'ok' });
});

app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
  type: 'http',
  scheme: 'bearer',
  description: 'A secret API key, `rk_sk_…`. Keep it on your server.',
});
app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
  type: 'apiKey',
  in: 'cookie',
  name: 'rapport_session',
  description: 'Dashboard session. State-changing calls also need the `X-CSRF-Token` header from `/api/auth/me`.',
});
// Registered before the /v1 auth middleware so the document itself is public.
app.doc31('/v1/openapi.json', OPENAPI_CONFIG);
app.get('/docs', (c) => c.html(referencePage(app.getOpenAPI31Document(OPENAPI_CONFIG))));

// CSV uploads exceed the JSON body limits below; these routers authenticate and limit themselves.
app.route('/v1', campaignImportRoutes(SECRET_KEY_SECURITY, requireApiKey('secret')));
app.route('/api', campaignImportRoutes(SESSION_SECURITY, requireSession, requireRoleForChanges('admin')));
app.use('/v1/*', limitBody(), requireApiKey('secret'));
app.use('/v1/*', async (c, next) => {
  await enforceRateLimit(c.env, 'API_LIMITER', `tenant:${c.var.tenantId}`);
  await next();
});
app.route('/v1', surveyRoutes(SECRET_KEY_SECURITY));
// Before customerRoutes, whose /customers/{id} would otherwise take /customers/key.
app.route('/v1', metricRoutes(SECRET_KEY_SECURITY));
app.route('/v1', customerRoutes(SECRET_KEY_SECURITY));
app.route('/v1', responseRoutes(SECRET_KEY_SECURITY));
app.route('/v1/loyalty', loyaltyRoutes(SECRET_KEY_SECURITY));
app.route('/v1/loyalty', memberSecretRoutes);
app.route('/v1', webhookRoutes(SECRET_KEY_SECURITY));
app.route('/v1', campaignRoutes(SECRET_KEY_SECURITY));
app.route('/v1', privacyRoutes(SECRET_KEY_SECURITY));

app.use('/api/*', limitBody());
app.route('/api/auth', authRoutes);
// Everything else under /api is the dashboard: a session for reads, and the admin role for changes.
app.use('/api/*', requireSession, requireRoleForChanges('admin'));
app.route('/api/keys', keyRoutes);
app.route('/api/tenant', tenantRoutes);
app.route('/api/team', teamRoutes);
app.route('/api', surveyRoutes(SESSION_SECURITY));
app.route('/api', metricRoutes(SESSION_SECURITY));
app.route('/api', customerRoutes(SESSION_SECURITY));
app.route('/api', responseRoutes(SESSION_SECURITY));
app.route('/api', webhookRoutes(SESSION_SECURITY));
app.route('/api', campaignRoutes(SESSION_SECURITY));
app.route('/api', privacyRoutes(SESSION_SECURITY));
app.route('/api/loyalty', loyaltyRoutes(SESSION_SECURITY));

app.use('/w/v1/*', corsOnErrors);
app.use('/w/v1/*', limitBody(16 * 1024));
// Before publicResponseRoutes, whose catch-all preflight does not allow the member panel's headers.
app.route('/w/v1', memberPanelRoutes);
app.route('/w/v1', publicResponseRoutes);
app.route('/w/v1', widgetRoutes);

app.route('/', emailLinkRoutes);
