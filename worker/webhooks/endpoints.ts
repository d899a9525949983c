import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { webhookEndpoints } from '../db/schema';
import { notFound } from '../http/problem';
import { pageAfter, toPage } from '../shared/cursor';
import { newId } from '../shared/ids';
import { toIso } from '../shared/time';
import type { CreateEndpoint, UpdateEndpoint, WebhookEventType } from './schemas';
import type { SecretBox } from '../shared/secret-box';
import { newSigningSecret } from './secrets';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export const endpointView = (row: EndpointRow) => ({
  id: row.id,
  url: row.url,
  events: row.events,
  active: row.active,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

const whereEndpoint = (tenantId: string, id: string) => and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id));

/** Returns the endpoint with its secret, which is shown this once and stored only encrypted. */
export async function createEndpoint(db: Database, secrets: SecretBox, tenantId: string, input: z.infer<typeof CreateEndpoint>) {
  const now = Date.now();
  const secret = newSigningSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: newId('whe', now),
      tenantId,
      url: input.url,
      events: input.events,
      secretCiphertext: await secrets.seal(secret),
      active: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { ...endpointView(row!), secret };
}

export async function findEndpoint(db: Database, tenantId: string, id: string): Promise<EndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(whereEndpoint(tenantId, id)).limit(1);
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function listEndpoints(db: Database, tenantId: string, cursor: string | undefined, limit: number) {
  const { where, orderBy } = pageAfter(webhookEndpoints, cursor);
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), where))
    .orderBy(...orderBy)
    .limit(limit + 1);
  return toPage(rows, limit, endpointView);
}

export async function updateEndpoint(
  db: Database,
  tenantId: string,
  id: string,
  patch: z.infer<typeof UpdateEndpoint>,
): Promise<EndpointRow> {
  await findEndpoint(db, tenantId, id);
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...patch, updatedAt: Date.now() })
    .where(whereEndpoint(tenantId, id))
    .returning();
  return row!;
}

/** Deliveries refer to the endpoint, so "deleting" deactivates it: nothing more is sent there. */
export async function deactivateEndpoint(db: Database, tenantId: string, id: string): Promise<void> {
  await updateEndpoint(db, tenantId, id, { active: false });
}

export async function activeEndpoints(db: Database, tenantId: string): Promise<EndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.active, true)));
}

/** The endpoints among `active` that subscribe to `type` (an empty list means all types). */
export const subscribedTo = (active: EndpointRow[], type: WebhookEventType): EndpointRow[] =>
  active.filter((row) => row.events.length === 0 || row.events.includes(type));
