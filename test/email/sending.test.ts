import { createScheduledController } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../worker/index';
import { SEND_DEAD_LETTER_QUEUE, type SendMessage } from '../../worker/email/queue';
import { body, call, newTenant } from '../helpers';
import { BROWSER_UA, callWithQueue, deliver, emailLinks, MAIL_API_URL, newCampaign, produced, recipientsOf, SEND, testEnv } from './support';

/** The fake HTTP mail provider: records every request and answers with the next scripted status (200 when the script runs out). */
interface ProviderRequest {
  authorization: string | null;
  idempotencyKey: string | null;
  body: { to: Array<{ email: string }>; subject: string; html: string; text: string; headers: Record<string, string> };
}
let requests: ProviderRequest[];
let script: Map<string, number[]>;
const accepted = (email: string) => requests.filter((r, i) => r.body.to[0]!.email === email && statuses[i] === 200).length;
let statuses: number[];

beforeEach(() => {
  requests = [];
  statuses = [];
  script = new Map();
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url !== MAIL_API_URL) return realFetch(input, init);
    const parsed = (await request.json()) as ProviderRequest['body'];
    requests.push({ authorization: request.headers.get('Authorization'), idempotencyKey: request.headers.get('Idempotency-Key'), body: parsed });
    const status = script.get(parsed.to[0]!.email)?.shift() ?? 200;
    statuses.push(status);
    return new Response(JSON.stringify({ status }), { status });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  produced.length = 0;
});

async function start(key: string, campaignId: string): Promise<SendMessage[]> {
  const before = produced.length;
  const response = await callWithQueue(`/v1/campaigns/${campaignId}/start`, { method: 'POST', key });
  expect(response.status).toBe(200);
  return produced.slice(before);
}

describe('sending through the queue (acceptance 6)', { timeout: 30_000 }, () => {
  it('a provider failing twice then succeeding delivers exactly one email; redelivery sends nothing', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, ['liz@example.com']);
    const messages = await start(tenant.secretKey, campaignId);
    expect(messages).toHaveLength(1);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]!.status).toBe('queued');
    script.set('liz@example.com', [503, 500]);

    const first = await deliver(SEND, messages[0]!, 1);
    const second = await deliver(SEND, messages[0]!, 2);
    expect(first.retryMessages).toHaveLength(1);
    expect(second.retryMessages).toHaveLength(1);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]).toMatchObject({ status: 'queued', attempts: 2, lastError: 'Error: mail API answered 500' });
    const third = await deliver(SEND, messages[0]!, 3);
    expect(third.explicitAcks).toHaveLength(1);
    expect(third.retryMessages).toEqual([]);

    // The queue delivers at least once: a duplicate must not email again.
    const duplicate = await deliver(SEND, messages[0]!, 1);
    expect(duplicate.explicitAcks).toHaveLength(1);
    expect(requests).toHaveLength(3);
    expect(accepted('liz@example.com')).toBe(1);
    const [recipient] = await recipientsOf(tenant.secretKey, campaignId);
    expect(recipient).toMatchObject({ status: 'sent', attempts: 3, lastError: null });

    const sent = requests[2]!;
    expect(sent.authorization).toBe('Bearer test-mail-token');
    expect(sent.idempotencyKey).toBe(recipient!.id);
    expect(sent.body.subject).toBe('Quick question');
    expect(sent.body.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(sent.body.headers['List-Unsubscribe']).toMatch(/^<https:\/\/rapport\.test\/u\/[^>]+>$/);
    expect(sent.body.text).toContain('9: https://rapport.test/r/');
    expect(sent.body.html).toContain('/h" aria-hidden="true"');
  });

  it('a provider that always fails ends in the dead-letter queue with status failed', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, ['max@example.com']);
    const [message] = await start(tenant.secretKey, campaignId);
    script.set('max@example.com', [500, 500, 500, 500, 500]);
    // max_retries = 4 in wrangler.toml: five attempts, each retried, then the runtime dead-letters the message.
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await deliver(SEND, message!, attempt)).retryMessages).toHaveLength(1);
    }
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]!.status).toBe('queued');
    const dead = await deliver(SEND_DEAD_LETTER_QUEUE, message!, 1);
    expect(dead.explicitAcks).toHaveLength(1);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]).toMatchObject({ status: 'failed', attempts: 5 });
    expect(accepted('max@example.com')).toBe(0);
  });

  it('a permanent provider refusal fails the recipient without retrying', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, ['ned@example.com']);
    const [message] = await start(tenant.secretKey, campaignId);
    script.set('ned@example.com', [422]);
    const result = await deliver(SEND, message!, 1);
    expect(result.explicitAcks).toHaveLength(1);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('422') });
  });

  it('without MAIL_API_URL the Cloudflare send_email binding delivers', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, ['una@example.com']);
    const [message] = await start(tenant.secretKey, campaignId);
    const result = await deliver(SEND, message!, 1, { ...testEnv, MAIL_API_URL: undefined });
    expect(result.explicitAcks).toHaveLength(1);
    expect(requests).toEqual([]);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]).toMatchObject({ status: 'sent', lastError: null });
  });

  it('starting twice is refused and a campaign never queues a recipient twice', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, ['ola@example.com', 'pat@example.com']);
    expect(await start(tenant.secretKey, campaignId)).toHaveLength(2);
    expect((await callWithQueue(`/v1/campaigns/${campaignId}/start`, { method: 'POST', key: tenant.secretKey })).status).toBe(409);
  });
});

describe('scheduled campaigns', { timeout: 30_000 }, () => {
  it('a campaign with a future sendAt waits, and the cron starts it once its time has come', async () => {
    const tenant = await newTenant();
    const sendAt = Date.now() + 3_600_000;
    const { campaignId } = await newCampaign(tenant.secretKey, ['tia@example.com'], { sendAt: new Date(sendAt).toISOString() });
    expect(await start(tenant.secretKey, campaignId)).toEqual([]);
    const scheduled = await body<{ status: string }>(await call(`/v1/campaigns/${campaignId}`, { key: tenant.secretKey }));
    expect(scheduled.status).toBe('scheduled');

    const cron = (time: number) => worker.scheduled!(createScheduledController({ scheduledTime: new Date(time), cron: '*/15 * * * *' }), testEnv);
    await cron(sendAt - 60_000);
    expect(produced).toEqual([]);
    await cron(sendAt + 60_000);
    await cron(sendAt + 120_000);
    expect(produced.filter((m) => m.campaignId === campaignId)).toHaveLength(1);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]!.status).toBe('queued');
  });
});

describe('suppression and resurvey protection at send time (acceptance 7)', { timeout: 30_000 }, () => {
  it('an address unsubscribed after it was added to a later campaign is not emailed by it; recently emailed customers are skipped', async () => {
    const tenant = await newTenant();
    const first = await newCampaign(tenant.secretKey, ['quin@example.com']);
    const later = await newCampaign(tenant.secretKey, ['quin@example.com', 'rae@example.com']);
    const links = await emailLinks(tenant.secretKey, first.campaignId, first.recipients[0]!.id);
    await call(links.unsubscribe, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': BROWSER_UA }, body: 'List-Unsubscribe=One-Click' });

    // Meanwhile rae got another campaign's email: inside the 90-day resurvey window.
    const other = await newCampaign(tenant.secretKey, ['rae@example.com']);
    const [raeMessage] = await start(tenant.secretKey, other.campaignId);
    await deliver(SEND, raeMessage!, 1);

    expect(await start(tenant.secretKey, later.campaignId)).toEqual([]);
    const statuses = Object.fromEntries((await recipientsOf(tenant.secretKey, later.campaignId)).map((r) => [r.email, r.status]));
    expect(statuses).toEqual({ 'quin@example.com': 'unsubscribed', 'rae@example.com': 'skipped' });
    expect(requests.map((r) => r.body.to[0]!.email)).toEqual(['rae@example.com']);
    const campaign = await body<{ status: string; stats: { recipients: Record<string, number> } }>(await call(`/v1/campaigns/${later.campaignId}`, { key: tenant.secretKey }));
    expect(campaign.status).toBe('sent');
    expect(campaign.stats.recipients).toMatchObject({ unsubscribed: 1, skipped: 1 });
  });

  it('a suppression that arrives while the message waits in the queue still stops the email', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, ['sam@example.com']);
    const [message] = await start(tenant.secretKey, campaignId);
    await call('/v1/email/suppressions', { method: 'POST', key: tenant.secretKey, json: { email: 'sam@example.com', reason: 'bounced' } });
    expect((await deliver(SEND, message!, 1)).explicitAcks).toHaveLength(1);
    expect(requests).toEqual([]);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]!.status).toBe('bounced');
  });
});
