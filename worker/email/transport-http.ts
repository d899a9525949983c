import type { OutgoingEmail } from './compose-email';
import { PermanentMailError, type MailTransport } from './transport';

/** A provider that has not answered by then is treated as down: the send is retried (its Idempotency-Key prevents doubles). */
const TIMEOUT_MS = 10_000;

/** Statuses worth retrying: the provider's own trouble, timeouts and rate limits. */
const isTransient = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * A generic HTTPS JSON mail API: POSTs the email as JSON with a bearer token. The recipient id
 * goes along as Idempotency-Key, so providers that honour it drop a resend after a lost reply.
 */
export function httpTransport(url: string, token: string | undefined): MailTransport {
  return {
    async send(email: OutgoingEmail, idempotencyKey: string) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          from: email.from,
          to: [{ email: email.to }],
          ...(email.replyTo ? { reply_to: { email: email.replyTo } } : {}),
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.ok) return;
      const message = `mail API answered ${response.status}`;
      throw isTransient(response.status) ? new Error(message) : new PermanentMailError(message);
    },
  };
}
