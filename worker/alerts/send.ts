import type { Database } from '../db/client';
import type { Bindings } from '../env';
import { mailTransport } from '../email/transport-for-env';
import { findTenant } from '../tenants/repository';
import { composeAlertEmail } from './compose';
import { markEmailed, pendingAlerts } from './repository';
import { isSingleAlertKey, type AlertMessage } from './schemas';

const DEFAULT_FROM = 'alerts@rapport.app';

/**
 * Sends the email of one batch (a single alert or a window's digest) to every alert recipient, then
 * marks its alerts emailed, so a redelivered message finds nothing left. Each recipient's send carries
 * a stable Idempotency-Key, so a retry after a partial failure is not delivered twice by providers
 * that honour it. Without recipients the alerts are marked all the same: nobody wanted them.
 */
export async function sendAlertBatch(db: Database, env: Bindings, message: AlertMessage, now: number): Promise<number> {
  const alerts = await pendingAlerts(db, message.tenantId, message.batchKey);
  if (alerts.length === 0) return 0;
  const tenant = await findTenant(db, message.tenantId);
  if (tenant.alertRecipients.length > 0) {
    const email = await composeAlertEmail({
      tenantName: tenant.name,
      locale: tenant.defaultLocale,
      from: { email: env.ALERT_FROM_EMAIL ?? DEFAULT_FROM, name: 'Rapport' },
      alerts,
      digest: !isSingleAlertKey(message.batchKey),
    });
    const transport = mailTransport(env);
    for (const to of tenant.alertRecipients) {
      await transport.send({ ...email, to }, `alert:${message.tenantId}:${message.batchKey}:${to}`);
    }
  }
  await markEmailed(
    db,
    message.tenantId,
    alerts.map((alert) => alert.responseId),
    now,
  );
  return tenant.alertRecipients.length;
}
