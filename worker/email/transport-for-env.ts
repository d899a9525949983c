import type { Bindings } from '../env';
import type { MailTransport } from './transport';
import { cloudflareTransport } from './transport-cloudflare';
import { httpTransport } from './transport-http';

/** The HTTP API when MAIL_API_URL is configured, else Cloudflare's send_email binding. */
export function mailTransport(env: Bindings): MailTransport {
  if (env.MAIL_API_URL) return httpTransport(env.MAIL_API_URL, env.MAIL_API_TOKEN);
  if (env.EMAIL) return cloudflareTransport(env.EMAIL);
  throw new Error('No mail transport: set MAIL_API_URL (and MAIL_API_TOKEN) or add the EMAIL send_email binding.');
}
