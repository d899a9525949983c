import type { OutgoingEmail } from './compose-email';

/** Hands one email to a provider. Throws `PermanentMailError` when retrying cannot help; any other error is retried. */
export interface MailTransport {
  send(email: OutgoingEmail, idempotencyKey: string): Promise<void>;
}

export class PermanentMailError extends Error {}
