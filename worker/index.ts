import { app } from './app';
import { ALERT_QUEUE, consumeAlertBatch } from './alerts/consumer';
import type { AlertMessage } from './alerts/schemas';
import { SEND_DEAD_LETTER_QUEUE, SEND_QUEUE, type SendMessage } from './email/queue';
import { consumeDeadLetters, consumeSendBatch } from './email/send-consumer';
import type { Bindings } from './env';
import { consumeRecomputeBatch, METRICS_QUEUE } from './metrics/consumer';
import type { RecomputeMessage } from './metrics/fan-out';
import { runScheduledJobs } from './scheduled';
import { consumeWebhookBatch, consumeWebhookDeadLetters } from './webhooks/deliver';
import { WEBHOOK_DEAD_LETTER_QUEUE, WEBHOOK_QUEUE, type WebhookMessage } from './webhooks/emit';

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    await runScheduledJobs(env, controller.scheduledTime);
  },
  /** Dispatches by queue name; each domain consumes its own queue. */
  async queue(batch, env) {
    if (batch.queue === METRICS_QUEUE) await consumeRecomputeBatch(batch as MessageBatch<RecomputeMessage>, env);
    if (batch.queue === SEND_QUEUE) await consumeSendBatch(batch as MessageBatch<SendMessage>, env);
    if (batch.queue === SEND_DEAD_LETTER_QUEUE) await consumeDeadLetters(batch as MessageBatch<SendMessage>, env);
    if (batch.queue === WEBHOOK_QUEUE) await consumeWebhookBatch(batch as MessageBatch<WebhookMessage>, env);
    if (batch.queue === WEBHOOK_DEAD_LETTER_QUEUE) await consumeWebhookDeadLetters(batch as MessageBatch<WebhookMessage>, env);
    if (batch.queue === ALERT_QUEUE) await consumeAlertBatch(batch as MessageBatch<AlertMessage>, env);
  },
} satisfies ExportedHandler<Bindings>;
