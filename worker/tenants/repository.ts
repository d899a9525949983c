import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { apiKeys, tenants, users } from '../db/schema';
import { conflict, notFound } from '../http/problem';
import { newId } from '../shared/ids';
import { toIso, toIsoOrNull } from '../shared/time';
import { generateApiKey } from './api-keys';
import { hashPassword } from './password';
import type { z } from 'zod';
import type { ApiKeyKind, Role, UpdateTenant } from './schemas';

type TenantRow = typeof tenants.$inferSelect;
type ApiKeyRow = typeof apiKeys.$inferSelect;

export const tenantView = (row: TenantRow) => ({
  id: row.id,
  name: row.name,
  defaultLocale: row.defaultLocale,
  timezone: row.timezone,
  currency: row.currency,
  allowedOrigins: row.allowedOrigins,
  alertRecipients: row.alertRecipients,
  createdAt: toIso(row.createdAt),
});

export const apiKeyView = (row: ApiKeyRow) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  prefix: row.prefix,
  createdAt: toIso(row.createdAt),
  lastUsedAt: toIsoOrNull(row.lastUsedAt),
  revokedAt: toIsoOrNull(row.revokedAt),
});

export async function findTenant(db: Database, tenantId: string): Promise<TenantRow> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!row) throw notFound('Tenant');
  return row;
}

export interface NewTenantInput {
  tenantName: string;
  email: string;
  password: string;
  name?: string | undefined;
  locale: string;
}

type UserRow = typeof users.$inferSelect;

export const memberView = (row: UserRow) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: toIso(row.createdAt),
});

async function assertEmailFree(db: Database, email: string): Promise<void> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) throw conflict('An account with this email already exists.');
}

export async function listMembers(db: Database, tenantId: string) {
  return db.select().from(users).where(eq(users.tenantId, tenantId)).orderBy(users.createdAt);
}

export async function addMember(
  db: Database,
  tenantId: string,
  input: { email: string; name?: string | undefined; role: Role; password: string },
) {
  await assertEmailFree(db, input.email);
  const [row] = await db
    .insert(users)
    .values({
      id: newId('usr'),
      tenantId,
      email: input.email,
      name: input.name ?? null,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: Date.now(),
    })
    .returning();
  return row!;
}

/** Creates a tenant and its owner in one batch: either both exist afterwards or neither. */
export async function createTenantWithOwner(db: Database, input: NewTenantInput) {
  const now = Date.now();
  const tenantId = newId('ten', now);
  const userId = newId('usr', now);
  await assertEmailFree(db, input.email);
  await db.batch([
    db.insert(tenants).values({ id: tenantId, name: input.tenantName, defaultLocale: input.locale, createdAt: now }),
    db.insert(users).values({
      id: userId,
      tenantId,
      email: input.email,
      name: input.name ?? null,
      role: 'owner',
      passwordHash: await hashPassword(input.password),
      createdAt: now,
    }),
  ]);
  return { tenantId, userId, role: 'owner' as Role };
}

export async function updateTenant(db: Database, tenantId: string, patch: z.infer<typeof UpdateTenant>): Promise<TenantRow> {
  const [row] = await db.update(tenants).set(patch).where(eq(tenants.id, tenantId)).returning();
  if (!row) throw notFound('Tenant');
  return row;
}

export async function createApiKey(db: Database, tenantId: string, kind: ApiKeyKind, name: string) {
  const generated = await generateApiKey(kind);
  const [row] = await db
    .insert(apiKeys)
    .values({ id: newId('key'), tenantId, kind, name, keyHash: generated.hash, prefix: generated.prefix, createdAt: Date.now() })
    .returning();
  return { key: generated.key, row: row! };
}

export async function listApiKeys(db: Database, tenantId: string) {
  return db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Database, tenantId: string, keyId: string) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: Date.now() })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning();
  if (row) return row;
  const [already] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, keyId)))
    .limit(1);
  if (!already) throw notFound('API key');
  return already;
}
