import type { Database } from './db/client';
import type { ApiKeyKind, Role } from './tenants/schemas';

export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  INGEST_LIMITER: RateLimit;
  LOGIN_LIMITER: RateLimit;
  API_LIMITER: RateLimit;
}

/** Who is calling: a tenant's API key, or a dashboard user's session. */
export type Principal =
  | { type: 'key'; tenantId: string; keyId: string; kind: ApiKeyKind }
  | { type: 'session'; tenantId: string; userId: string; role: Role; sessionIdHash: string };

export interface AppEnv {
  Bindings: Bindings;
  Variables: { db: Database; principal: Principal; tenantId: string };
}
