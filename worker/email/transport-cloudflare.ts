import type { OutgoingEmail } from './compose-email';
import type { MailTransport } from './transport';

/** Cloudflare's send_email binding (`wrangler dev` writes the messages to local files instead of sending). */
export function cloudflareTransport(binding: SendEmail): MailTransport {
  return {
    async send(email: OutgoingEmail) {
      await binding.send({
        from: email.from,
        to: email.to,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
      });
    },
  };
}
