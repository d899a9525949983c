// The member identity secret, for the tenant's server (secret key). Mounted at /v1/loyalty, where every
// mutating call takes an Idempotency-Key (the loyalty router's middleware).
import { createRoute } from '@hono/zod-openapi';
import { IdempotencyHeaders } from '../http/idempotency';
import { createRouter, jsonResponse, problems, SECRET_KEY_SECURITY } from '../http/openapi';
import { secretBox } from '../shared/secret-box';
import { readMemberSecret, rotateMemberSecret } from './member-identity';
import { MemberSecret, RotatedMemberSecret } from './member-schemas';

const tags = ['Loyalty'];
const security = SECRET_KEY_SECURITY;

export const memberSecretRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/member-secret',
      tags,
      security,
      summary: 'The secret your server signs customer ids with for the widget’s loyalty panel (created on first read)',
      description:
        "Pass `rapport('identify', { id, hash })` where `hash` is the lowercase hex HMAC-SHA256 of `id` keyed with this secret. " +
        'Only identified members with a valid hash can see their points or redeem in the widget.',
      responses: { 200: jsonResponse(MemberSecret, 'The current secret'), ...problems(401, 403, 429) },
    }),
    async (c) => c.json(await readMemberSecret(c.var.db, secretBox(c.env.DATA_ENCRYPTION_KEY), c.var.tenantId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/member-secret/rotate',
      tags,
      security,
      summary: 'Replace the member identity secret; hashes made with the old one stop working at once',
      description:
        'The response does not repeat the secret (responses to idempotent calls are kept for replays); read it with GET. ' +
        'Deploy it to your server right away: until then, members see the panel refuse their identity.',
      request: { headers: IdempotencyHeaders },
      responses: { 200: jsonResponse(RotatedMemberSecret, 'Rotated'), ...problems(400, 401, 403, 409, 422, 429) },
    }),
    async (c) => c.json(await rotateMemberSecret(c.var.db, secretBox(c.env.DATA_ENCRYPTION_KEY), c.var.tenantId), 200),
  );
