import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, customers, responses, sessions, surveys, tenants, users } from '../../worker/db/schema';
import { newId } from '../../worker/shared/ids';
import { Email } from '../../worker/shared/schemas';
import { DAY_MS } from '../../worker/shared/time';
import type { NewSecrets } from './credentials';
import { generateCustomers, type DemoCustomer } from './customers';
import { Prng } from './prng';
import { generateResponses, type DemoResponse } from './responses';
import { chunks, queryBuilder as db, toSqlText } from './sql';
import { CSAT_SURVEY, NPS_SURVEY, type DemoSurvey } from './surveys';

/** The fixed login that identifies the demo tenant. */
export const DEMO_EMAIL = Email.parse('demo@rapport.local');
const DEMO_TENANT = { name: 'Demo Shop', defaultLocale: 'ru', timezone: 'Europe/Moscow', currency: 'RUB' };
const CUSTOMER_COUNT = 600;
/** Any constant: the same seed gives the same customers, scores and comments everywhere. */
export const DATA_SEED = 0x5eed_2026;

/** The demo shop page is served on a port of its own, so the widget really runs cross-origin. */
export function demoOrigins(demoPort: number): string[] {
  const ports = [...new Set([8788, demoPort])];
  return ports.flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export interface ExistingDemoTenant {
  tenantId: string;
  userId: string;
  allowedOrigins: string[];
}

export const findDemoTenantSql = () =>
  toSqlText(
    db
      .select({ userId: users.id, tenantId: users.tenantId, allowedOrigins: tenants.allowedOrigins })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(eq(users.email, DEMO_EMAIL)),
  );

/** Reads the row of `findDemoTenantSql` as wrangler returns it (raw column names, JSON as text). */
export function parseDemoTenant(rows: Record<string, unknown>[]): ExistingDemoTenant | null {
  const [row] = rows;
  if (!row) return null;
  return { userId: String(row.id), tenantId: String(row.tenant_id), allowedOrigins: JSON.parse(String(row.allowed_origins)) as string[] };
}

function keyRows(tenantId: string, secrets: NewSecrets, now: number) {
  return [
    { kind: 'secret' as const, name: 'Demo secret key', key: secrets.secretKey },
    { kind: 'publishable' as const, name: 'Demo publishable key', key: secrets.publishableKey },
  ].map(({ kind, name, key }) => ({ id: newId('key', now), tenantId, kind, name, keyHash: key.hash, prefix: key.prefix, createdAt: now }));
}

function surveyRow(tenantId: string, survey: DemoSurvey, createdAt: number) {
  return { id: newId('srv', createdAt), tenantId, status: 'active' as const, ...survey, createdAt, updatedAt: createdAt };
}

/** A customer exists a little before their first answer and was last updated by their latest one. */
function customerRows(tenantId: string, list: DemoCustomer[], answers: DemoResponse[], rng: Prng, now: number) {
  const times = list.map(() => [] as number[]);
  for (const answer of answers) if (answer.customer !== null) times[answer.customer]!.push(answer.createdAt);
  return list.map((customer, index) => {
    const answered = times[index]!;
    const createdAt = answered.length > 0 ? Math.min(...answered) - rng.int(1, 90) * DAY_MS : now - rng.int(1, 420) * DAY_MS;
    return {
      id: newId('cus', createdAt),
      tenantId,
      externalId: customer.externalId,
      email: customer.email,
      name: customer.name,
      locale: customer.locale,
      birthday: customer.birthday,
      properties: { plan: customer.plan, country: customer.country, source: customer.source },
      createdAt,
      updatedAt: Math.max(createdAt, ...answered),
    };
  });
}

/**
 * Everything the demo tenant needs, as SQL for one atomic D1 batch. The user row, which marks the
 * tenant as seeded, is one of its statements, so a failed run leaves no half-seeded tenant behind.
 */
export function createDemoTenantSql(secrets: NewSecrets, origins: string[], now: number): { sql: string; tenantId: string } {
  const rng = new Prng(DATA_SEED);
  const since = now - 380 * DAY_MS;
  const tenantId = newId('ten', since);
  const surveyRows = { nps: surveyRow(tenantId, NPS_SURVEY, since + DAY_MS), csat: surveyRow(tenantId, CSAT_SURVEY, since + 2 * DAY_MS) };
  const demoCustomers = generateCustomers(rng, CUSTOMER_COUNT);
  const answers = generateResponses(rng, demoCustomers, now);
  const customerList = customerRows(tenantId, demoCustomers, answers, rng, now);

  const responseRows = answers.map((answer) => ({
    id: newId('rsp', answer.createdAt),
    tenantId,
    surveyId: answer.kind === 'nps' ? surveyRows.nps.id : surveyRows.csat.id,
    customerId: answer.customer === null ? null : customerList[answer.customer]!.id,
    clientId: answer.clientId,
    score: answer.score,
    category: answer.category,
    comment: answer.comment,
    channel: answer.channel,
    locale: answer.locale,
    pageUrl: answer.pageUrl,
    referrer: answer.referrer,
    device: answer.device,
    properties: answer.properties,
    createdAt: answer.createdAt,
    updatedAt: answer.createdAt,
  }));

  const statements = [
    db.insert(tenants).values({ id: tenantId, ...DEMO_TENANT, allowedOrigins: origins, createdAt: since }),
    db.insert(users).values({
      id: newId('usr', since),
      tenantId,
      email: DEMO_EMAIL,
      name: 'Demo Owner',
      role: 'owner',
      passwordHash: secrets.passwordHash,
      createdAt: since,
    }),
    db.insert(apiKeys).values(keyRows(tenantId, secrets, now)),
    db.insert(surveys).values([surveyRows.nps, surveyRows.csat]),
    ...chunks(customerList, 100).map((rows) => db.insert(customers).values(rows)),
    ...chunks(responseRows, 50).map((rows) => db.insert(responses).values(rows)),
  ];
  return { sql: statements.map(toSqlText).join('\n'), tenantId };
}

/** New password and keys for an existing demo tenant; the old keys are revoked and old sessions ended. */
export function rotateSecretsSql(existing: ExistingDemoTenant, secrets: NewSecrets, now: number): string {
  const { tenantId, userId } = existing;
  return [
    db.update(users).set({ passwordHash: secrets.passwordHash }).where(and(eq(users.tenantId, tenantId), eq(users.id, userId))),
    db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId))),
    db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.tenantId, tenantId), isNull(apiKeys.revokedAt))),
    db.insert(apiKeys).values(keyRows(tenantId, secrets, now)),
  ]
    .map(toSqlText)
    .join('\n');
}

/** Adds the demo page origins when the tenant lacks them (another RAPPORT_DEMO_PORT, or edited in the dashboard). */
export function missingOriginsSql(existing: ExistingDemoTenant, origins: string[]): string | null {
  const missing = origins.filter((origin) => !existing.allowedOrigins.includes(origin));
  if (missing.length === 0) return null;
  return toSqlText(db.update(tenants).set({ allowedOrigins: [...existing.allowedOrigins, ...missing] }).where(eq(tenants.id, existing.tenantId)));
}
