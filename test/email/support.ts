import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../worker/index';
import { SEND_QUEUE, type SendMessage } from '../../worker/email/queue';
import { body, call, newSurvey, nextIp, ORIGIN } from '../helpers';

export const BROWSER_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
export const MAIL_API_URL = 'https://mail-provider.test/v1/send';

/** Messages the Worker produced, captured instead of going to a real local queue. */
export const produced: SendMessage[] = [];
const fakeQueue = {
  async send(message: SendMessage) {
    produced.push(message);
  },
  async sendBatch(messages: Iterable<MessageSendRequest<SendMessage>>) {
    for (const message of messages) produced.push(message.body);
  },
} as unknown as Queue<SendMessage>;

/** The real bindings plus the HTTP mail adapter's configuration and the capturing queue. */
export const testEnv = { ...env, EMAIL_QUEUE: fakeQueue, MAIL_API_URL, MAIL_API_TOKEN: 'test-mail-token' };

/** Calls the real Worker with `testEnv` (for calls that produce queue messages). */
export async function callWithQueue(path: string, init: RequestInit & { key: string }): Promise<Response> {
  const { key, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Authorization', `Bearer ${key}`);
  headers.set('CF-Connecting-IP', nextIp());
  const ctx = createExecutionContext();
  const response = await worker.fetch!(new Request(ORIGIN + path, { ...rest, headers }) as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Runs the Worker's queue handler on one message delivered for the `attempts`-th time. */
export async function deliver(queue: string, message: SendMessage, attempts: number, bindings: Cloudflare.Env = testEnv) {
  const batch = createMessageBatch<SendMessage>(queue, [{ id: `${message.recipientId}-${attempts}`, timestamp: new Date(), attempts, body: message }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, bindings);
  return getQueueResult(batch, ctx);
}
export const SEND = SEND_QUEUE;

export interface CampaignSetup {
  surveyId: string;
  campaignId: string;
  recipients: Array<{ id: string; email: string | null; status: string; customerId: string }>;
}

export async function newCampaign(key: string, emails: string[], overrides: Record<string, unknown> = {}): Promise<CampaignSetup> {
  const survey = await newSurvey(key);
  const created = await call('/v1/campaigns', {
    method: 'POST',
    key,
    json: { surveyId: survey.id, name: 'November NPS', fromName: 'Acme', fromEmail: 'nps@acme.test', texts: { en: { subject: 'Quick question', intro: 'Hi!' } }, ...overrides },
  });
  if (created.status !== 201) throw new Error(`campaign creation failed: ${created.status} ${await created.text()}`);
  const campaignId = (await body<{ id: string }>(created)).id;
  if (emails.length > 0) {
    const added = await call(`/v1/campaigns/${campaignId}/recipients`, { method: 'POST', key, json: { recipients: emails.map((email) => ({ email })) } });
    if (added.status !== 200) throw new Error(`adding recipients failed: ${added.status} ${await added.text()}`);
  }
  return { surveyId: survey.id, campaignId, recipients: await recipientsOf(key, campaignId) };
}

export async function recipientsOf(key: string, campaignId: string): Promise<CampaignSetup['recipients']> {
  return (await body<{ data: CampaignSetup['recipients'] }>(await call(`/v1/campaigns/${campaignId}/recipients?limit=200`, { key }))).data;
}

export interface RenderedLinks {
  scores: string[];
  honeypot: string;
  unsubscribe: string;
}

/** The links of the email a recipient gets, from the preview endpoint, as paths on the Worker. */
export async function emailLinks(key: string, campaignId: string, recipientId: string): Promise<RenderedLinks & { html: string }> {
  const html = await (await call(`/v1/campaigns/${campaignId}/recipients/${recipientId}/preview`, { key })).text();
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(ORIGIN, ''));
  return {
    html,
    scores: hrefs.filter((href) => /^\/r\/[^/]+\/\d+$/.test(href)),
    honeypot: hrefs.find((href) => /^\/r\/[^/]+\/h$/.test(href))!,
    unsubscribe: hrefs.find((href) => href.startsWith('/u/'))!,
  };
}

export const tokenOf = (link: string) => link.split('/')[2]!;

export async function campaignStats(key: string, campaignId: string) {
  return (await body<{ stats: { answered: number; filteredHits: number; filteredRecipients: number; recipients: Record<string, number> } }>(
    await call(`/v1/campaigns/${campaignId}`, { key }),
  )).stats;
}

export async function responsesOf(tenantId: string) {
  const { results } = await env.DB.prepare('SELECT score, comment, client_id AS clientId, channel FROM responses WHERE tenant_id = ?').bind(tenantId).all<{
    score: number;
    comment: string | null;
    clientId: string;
    channel: string;
  }>();
  return results;
}

/** A human's browser posting the landing page's form (works without JavaScript). */
export const postForm = (path: string, fields: Record<string, string>) =>
  call(path, { method: 'POST', headers: { 'User-Agent': BROWSER_UA, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

export const browserGet = (path: string) => call(path, { headers: { 'User-Agent': BROWSER_UA } });
