import type { Database } from './db/client';
import type { ApiKeyKind, Role } from './tenants/schemas';

export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  INGEST_LIMITER: RateLimit;
  LOGIN_LIMITER: RateLimit;
  API_LIMITER: RateLimit;
  /** Email campaigns: one message per recipient to send (see worker/email/queue.ts). */
  EMAIL_QUEUE: Queue<import('./email/queue').SendMessage>;
  /** Cloudflare's send_email binding; used when MAIL_API_URL is not set. */
  EMAIL: SendEmail;
  /** HTTPS JSON mail API (secrets): when set, campaigns are sent through it instead of EMAIL. */
  MAIL_API_URL: string | undefined;
  MAIL_API_TOKEN: string | undefined;
  /** One message per tenant whose metrics snapshots need a recompute (see worker/metrics/consumer.ts). */
  METRICS_QUEUE: Queue<import('./metrics/fan-out').RecomputeMessage>;
  /** Webhook deliveries, one message per delivery (see worker/webhooks/deliver.ts). */
  WEBHOOK_QUEUE: Queue<import('./webhooks/emit').WebhookMessage>;
  /** Detractor alert emails: one message per email (an alert, or a window's digest; see worker/alerts). */
  ALERT_QUEUE: Queue<import('./alerts/schemas').AlertMessage>;
  /** Sender address of alert emails (default alerts@rapport.app); must be allowed by the mail transport. */
  ALERT_FROM_EMAIL: string | undefined;
  /** Secret: base64 of 32 random bytes; webhook and email-link signing secrets are stored sealed with it (shared/secret-box.ts). */
  DATA_ENCRYPTION_KEY: string | undefined;
  /** First retry delay of a failed webhook delivery, doubled each time (default 10). */
  WEBHOOK_RETRY_BASE_SECONDS: string | undefined;
}

/** Who is calling: a tenant's API key, or a dashboard user's session. */
export type Principal =
  | { type: 'key'; tenantId: string; keyId: string; kind: ApiKeyKind }
  | { type: 'session'; tenantId: string; userId: string; role: Role; sessionIdHash: string };

export interface AppEnv {
  Bindings: Bindings;
  Variables: { db: Database; principal: Principal; tenantId: string };
}
