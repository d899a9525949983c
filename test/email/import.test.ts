import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { body, call, expectProblem, newTenant } from '../helpers';
import { callWithQueue, deliver, MAIL_API_URL, newCampaign, produced, recipientsOf, SEND } from './support';

interface Report {
  accepted: number;
  rejected: Array<{ line: number; reason: string; message: string }>;
}

const upload = (key: string, campaignId: string, csv: string) =>
  call(`/v1/campaigns/${campaignId}/recipients.csv`, { method: 'POST', key, headers: { 'Content-Type': 'text/csv' }, body: csv });

beforeEach(() => {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) =>
    new Request(input, init).url === MAIL_API_URL ? new Response('{}', { status: 200 }) : realFetch(input, init),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  produced.length = 0;
});

/** Emails `email` through another campaign, so it is inside the resurvey window afterwards. */
async function emailedRecently(key: string, email: string) {
  const { campaignId } = await newCampaign(key, [email]);
  const before = produced.length;
  expect((await callWithQueue(`/v1/campaigns/${campaignId}/start`, { method: 'POST', key })).status).toBe(200);
  await deliver(SEND, produced[before]!, 1);
}

describe('CSV import (acceptance 5)', { timeout: 60_000 }, () => {
  it('imports the good rows and reports each bad one by line', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    await call('/v1/email/suppressions', { method: 'POST', key, json: { email: 'gone@example.com', reason: 'unsubscribed' } });
    await emailedRecently(key, 'recent@example.com');
    const { campaignId } = await newCampaign(key, []);

    const csv = [
      '\uFEFFEmail,Name,Locale,Plan',
      'ann@example.com,Ann,en,gold',
      'not-an-email,Bob,,',
      'ANN@example.com,Ann again,,',
      '"cat@example.com","Cat, the Great",ru,',
      'gone@example.com,,,',
      'recent@example.com,,,',
      'dee@example.com,Dee,english,',
      '',
      'eve@example.com,,,',
      '"fin@example.com","Fin',
      'on two lines",en,',
      'x@,,,',
    ].join('\r\n');
    const response = await upload(key, campaignId, csv);
    expect(response.status).toBe(200);
    const report = await body<Report>(response);
    expect(report.accepted).toBe(4);
    expect(report.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 3, reason: 'invalid_email' },
      { line: 4, reason: 'duplicate' },
      { line: 6, reason: 'unsubscribed' },
      { line: 7, reason: 'resurvey_window' },
      { line: 8, reason: 'invalid_row' },
      { line: 13, reason: 'invalid_email' },
    ]);
    const recipients = await recipientsOf(key, campaignId);
    expect(recipients.map((r) => r.email).sort()).toEqual(['ann@example.com', 'cat@example.com', 'eve@example.com', 'fin@example.com']);
    expect(recipients.every((r) => r.status === 'pending')).toBe(true);
    const cat = await body<{ data: Array<{ name: string; locale: string }> }>(await call('/v1/customers?email=cat@example.com', { key }));
    expect(cat.data[0]).toMatchObject({ name: 'Cat, the Great', locale: 'ru' });

    // Uploading the same file again adds nothing: everyone is already a recipient.
    const again = await body<Report>(await upload(key, campaignId, csv));
    expect(again.accepted).toBe(0);
    expect(again.rejected.filter((r) => r.reason === 'duplicate').map((r) => r.line)).toEqual([2, 4, 5, 10, 11]);
  });

  it('the resurvey window is a tenant setting (0 turns it off)', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    expect(await body(await call('/v1/email/settings', { key }))).toEqual({ resurveyDays: 90 });
    await emailedRecently(key, 'ray@example.com');
    await call('/v1/email/settings', { method: 'PUT', key, json: { resurveyDays: 0 } });
    const { campaignId } = await newCampaign(key, []);
    expect(await body<Report>(await upload(key, campaignId, 'email\nray@example.com\n'))).toEqual({ accepted: 1, rejected: [] });
    await expectProblem(await call('/v1/email/settings', { method: 'PUT', key, json: { resurveyDays: -1 } }), 422);
  });

  it('streams a large upload in batches', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, []);
    const rows = Array.from({ length: 1500 }, (_, i) => (i % 500 === 7 ? `broken-${i}` : `user${i}@example.com,User ${i}`));
    const report = await body<Report>(await upload(tenant.secretKey, campaignId, ['email,name', ...rows].join('\n')));
    expect(report.accepted).toBe(1497);
    expect(report.rejected.map((r) => r.line)).toEqual([9, 509, 1009]);
    const count = await body<{ stats: { recipients: { pending: number } } }>(await call(`/v1/campaigns/${campaignId}`, { key: tenant.secretKey }));
    expect(count.stats.recipients.pending).toBe(1497);
  });

  it('refuses a file without an email column, and campaigns that already started, writing nothing', async () => {
    const tenant = await newTenant();
    const { campaignId } = await newCampaign(tenant.secretKey, ['vic@example.com']);
    await expectProblem(await upload(tenant.secretKey, campaignId, 'name\nVic\n'), 422);
    await expectProblem(await upload(tenant.secretKey, campaignId, ''), 422);
    await expectProblem(await call(`/v1/campaigns/${campaignId}/recipients.csv`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'email\na@b.co\n' }), 401);
    expect((await callWithQueue(`/v1/campaigns/${campaignId}/start`, { method: 'POST', key: tenant.secretKey })).status).toBe(200);
    await expectProblem(await upload(tenant.secretKey, campaignId, 'email\nwes@example.com\n'), 409);
    expect((await recipientsOf(tenant.secretKey, campaignId)).map((r) => r.email)).toEqual(['vic@example.com']);
  });
});
