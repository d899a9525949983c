import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { signLink } from '../../worker/email/tokens';
import { secretBox } from '../../worker/shared/secret-box';
import { body, call, expectProblem, newTenant } from '../helpers';
import { BROWSER_UA, browserGet, campaignStats, emailLinks, newCampaign, postForm, recipientsOf, responsesOf, tokenOf } from './support';

/** The tenant's signing key as the Worker sees it; the stored column holds only the sealed form. */
async function signingKeyOf(tenantId: string) {
  const row = (await env.DB.prepare('SELECT kid, secret FROM email_signing_keys WHERE tenant_id = ?').bind(tenantId).first<{ kid: string; secret: string }>())!;
  const secret = await secretBox(env.DATA_ENCRYPTION_KEY).open(row.secret);
  expect(secret).not.toBe(row.secret);
  return { kid: row.kid, secret };
}

async function hitCount(tenantId: string): Promise<number> {
  return (await env.DB.prepare('SELECT count(*) AS n FROM email_hits WHERE tenant_id = ?').bind(tenantId).first<{ n: number }>())!.n;
}

describe('campaign API and rendered email', { timeout: 30_000 }, () => {
  it('renders an email with one signed link per score, a hidden honeypot and a plain-text part, without personal data in URLs', async () => {
    const tenant = await newTenant();
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['ann@example.com']);
    const links = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    expect(links.scores.map((link) => Number(link.split('/')[3]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(links.scores.map(tokenOf)).size).toBe(1);
    expect(links.html).toContain('<table role="presentation"');
    expect(links.html).toContain('name="color-scheme"');
    expect(links.html).toMatch(/href="[^"]+\/r\/[^"]+\/h" aria-hidden="true" tabindex="-1" style="display:none/);
    expect(links.html).toContain('0 = Not likely');
    expect(links.html).toContain('10 = Very likely');
    for (const link of [...links.scores, links.honeypot, links.unsubscribe]) {
      expect(link).toMatch(/^\/[ru]\/[\w.-]+(\/(\d+|h))?$/);
      expect(decodeURIComponent(link)).not.toContain('ann@example.com');
      expect(link).not.toContain(btoa('ann@example.com').slice(0, 12));
    }
    const text = await (await call(`/v1/campaigns/${campaignId}/recipients/${recipients[0]!.id}/preview?format=text`, { key: tenant.secretKey })).text();
    expect(text).toContain('How likely are you to recommend us to a friend?');
    // A draft's links expire relative to the moment of rendering, so the token may differ between the two previews.
    expect(text).toMatch(/\n10: https:\/\/rapport\.test\/r\/[\w.-]+\/10\n/);
  });

  it('validates campaigns and keeps tenants apart', async () => {
    const tenant = await newTenant();
    const other = await newTenant();
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['bob@example.com']);
    await expectProblem(await call('/v1/campaigns', { method: 'POST', key: tenant.secretKey, json: { name: 'x' } }), 422);
    await expectProblem(await call(`/v1/campaigns/${campaignId}`, { key: other.secretKey }), 404);
    await expectProblem(await call(`/v1/campaigns/${campaignId}/recipients/${recipients[0]!.id}/preview`, { key: other.secretKey }), 404);
  });
});

describe('scanner defence (acceptance 1)', { timeout: 30_000 }, () => {
  it('a scanner that opens all 11 score links and the honeypot without running scripts records nothing, and the campaign shows the hits as filtered', async () => {
    const tenant = await newTenant();
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['carol@example.com']);
    const links = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    // Scanners often pose as ordinary browsers; the hit pattern gives them away.
    const pages = await Promise.all([...links.scores, links.honeypot].map((link) => browserGet(link)));
    for (const page of pages.slice(0, 11)) expect(page.status).toBe(200);
    expect(await responsesOf(tenant.tenantId)).toEqual([]);
    const stats = await campaignStats(tenant.secretKey, campaignId);
    expect(stats).toMatchObject({ answered: 0, filteredHits: 12, filteredRecipients: 1 });

    // A scanner that also runs the page's script confirms inside the same burst: still filtered.
    const confirm = await call(`${links.scores[4]!.replace(/\/\d+$/, '')}/confirm`, {
      method: 'POST',
      headers: { 'User-Agent': BROWSER_UA, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'score=4',
    });
    expect(confirm.status).toBe(204);
    expect(await responsesOf(tenant.tenantId)).toEqual([]);
    expect((await campaignStats(tenant.secretKey, campaignId)).filteredHits).toBe(13);
  });

  it('filters self-declared scanners even on a single link', async () => {
    const tenant = await newTenant();
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['dan@example.com']);
    const links = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    const path = links.scores[9]!;
    await call(path, { headers: { 'User-Agent': 'Mozilla/5.0 (compatible; Barracuda Sentinel)' } });
    const posted = await call(path.replace(/\/\d+$/, ''), {
      method: 'POST',
      headers: { 'User-Agent': 'python-requests/2.31', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'score=9',
    });
    expect(posted.status).toBe(200);
    expect(await responsesOf(tenant.tenantId)).toEqual([]);
    expect((await campaignStats(tenant.secretKey, campaignId)).filteredHits).toBe(2);
  });
});

describe('humans (acceptance 3)', { timeout: 30_000 }, () => {
  it('a bare GET counts nothing; the no-JS form post counts, and later choices replace the one response', async () => {
    const tenant = await newTenant();
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['erin@example.com']);
    const links = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    const landing = await browserGet(links.scores[9]!);
    expect(landing.status).toBe(200);
    const page = await landing.text();
    expect(page).toContain('value="9" data-cat="promoter" checked');
    expect(page).toContain('What is the main reason for your score?');
    expect(page).toContain('<noscript>');
    expect(landing.headers.get('Content-Security-Policy')).toContain("script-src 'nonce-");
    expect(await responsesOf(tenant.tenantId)).toEqual([]);

    const formAction = page.match(/<form id="f" method="post" action="([^"]+)"/)![1]!;
    const thanks = await postForm(formAction, { score: '9', comment: 'Fast delivery' });
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Thank you!');
    expect(await responsesOf(tenant.tenantId)).toEqual([
      { score: 9, comment: 'Fast delivery', clientId: `email:${campaignId}:${recipients[0]!.id}`, channel: 'email' },
    ]);

    await postForm(formAction, { score: '3', comment: 'Actually, slow support' });
    await call(`${formAction}/confirm`, { method: 'POST', headers: { 'User-Agent': BROWSER_UA, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'score=2' });
    expect(await responsesOf(tenant.tenantId)).toMatchObject([{ score: 2, comment: 'Actually, slow support' }]);
    expect((await recipientsOf(tenant.secretKey, campaignId))[0]!.status).toBe('answered');
    const stats = await campaignStats(tenant.secretKey, campaignId);
    expect(stats).toMatchObject({ answered: 1, filteredHits: 0 });
    const customer = await body<{ data: Array<{ email: string }> }>(await call('/v1/customers?email=erin@example.com', { key: tenant.secretKey }));
    expect(customer.data).toHaveLength(1);
  });
});

describe('loyalty hook', { timeout: 30_000 }, () => {
  it('an email answer earns the survey_answered reward once, however often the score changes', async () => {
    const tenant = await newTenant();
    const rule = await call('/v1/loyalty/rules', {
      method: 'POST',
      key: tenant.secretKey,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      json: { eventType: 'survey_answered', name: 'Feedback', points: 15 },
    });
    expect(rule.status).toBe(201);
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['lou@example.com']);
    const links = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    const action = links.scores[0]!.replace(/\/\d+$/, '');
    await postForm(action, { score: '9' });
    await postForm(action, { score: '3', comment: 'changed my mind' });
    await postForm(action, { score: '10' });
    const entries = await env.DB.prepare('SELECT count(*) AS n, sum(available_delta + pending_delta) AS points FROM loyalty_entries WHERE tenant_id = ?')
      .bind(tenant.tenantId)
      .first<{ n: number; points: number }>();
    expect(entries).toEqual({ n: 1, points: 15 });
    expect(await responsesOf(tenant.tenantId)).toMatchObject([{ score: 10, comment: 'changed my mind' }]);
  });
});

describe('bad links (acceptance 4)', { timeout: 30_000 }, () => {
  it('forged, tampered, expired and cross-tenant tokens show the friendly page and record nothing', async () => {
    const tenant = await newTenant();
    const other = await newTenant();
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['fay@example.com']);
    const otherSetup = await newCampaign(other.secretKey, ['gus@example.com']);
    const links = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    await emailLinks(other.secretKey, otherSetup.campaignId, otherSetup.recipients[0]!.id);
    const token = tokenOf(links.scores[0]!);
    const parts = token.split('.');
    const key = await signingKeyOf(tenant.tenantId);
    const otherKey = await signingKeyOf(other.tenantId);

    const forged = await signLink({ kid: key.kid, secret: 'guessed-secret' }, { tenantId: tenant.tenantId, campaignId, recipientId: recipients[0]!.id, expiresAt: Date.now() + 86_400_000 });
    const tampered = [...parts.slice(0, 3), otherSetup.recipients[0]!.id, ...parts.slice(4)].join('.');
    const flippedSignature = [...parts.slice(0, 5), parts[5]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))].join('.');
    const expired = await signLink(key, { tenantId: tenant.tenantId, campaignId, recipientId: recipients[0]!.id, expiresAt: Date.now() - 1000 });
    // Other tenant's valid key, claiming this tenant's recipient; and this tenant's token claiming the other tenant.
    const crossTenant = await signLink(otherKey, { tenantId: tenant.tenantId, campaignId, recipientId: recipients[0]!.id, expiresAt: Date.now() + 86_400_000 });
    const claimsOther = await signLink(key, { tenantId: other.tenantId, campaignId: otherSetup.campaignId, recipientId: otherSetup.recipients[0]!.id, expiresAt: Date.now() + 86_400_000 });

    for (const bad of ['nonsense', forged, tampered, flippedSignature, expired, crossTenant, claimsOther]) {
      const page = await browserGet(`/r/${bad}/9`);
      expect([404, 410]).toContain(page.status);
      expect(page.headers.get('Content-Type')).toContain('text/html');
      expect(await page.text()).toMatch(/nothing was recorded/i);
      const posted = await postForm(`/r/${bad}`, { score: '9', comment: 'hi' });
      expect([404, 410]).toContain(posted.status);
      await call(`/r/${bad}/confirm`, { method: 'POST', headers: { 'User-Agent': BROWSER_UA, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'score=9' });
    }
    expect((await browserGet(`/r/${expired}/9`)).status).toBe(410);
    expect(await responsesOf(tenant.tenantId)).toEqual([]);
    expect(await responsesOf(other.tenantId)).toEqual([]);
    expect(await hitCount(tenant.tenantId)).toBe(0);
    expect(await hitCount(other.tenantId)).toBe(0);
  });

  it('rotating keys keeps old links working unless they are retired', async () => {
    const tenant = await newTenant();
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['hal@example.com']);
    const before = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    await call('/v1/email/signing-keys/rotate', { method: 'POST', key: tenant.secretKey, json: {} });
    const after = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    expect(tokenOf(after.scores[0]!).split('.')[0]).not.toBe(tokenOf(before.scores[0]!).split('.')[0]);
    expect((await browserGet(before.scores[8]!)).status).toBe(200);
    await call('/v1/email/signing-keys/rotate', { method: 'POST', key: tenant.secretKey, json: { retirePrevious: true } });
    expect((await browserGet(before.scores[8]!)).status).toBe(404);
    expect((await browserGet(after.scores[8]!)).status).toBe(404);
  });
});

describe('unsubscribe (acceptance 7)', { timeout: 30_000 }, () => {
  it('the one-click POST suppresses the address for every later campaign', async () => {
    const tenant = await newTenant();
    const first = await newCampaign(tenant.secretKey, ['ivy@example.com', 'jon@example.com']);
    const ivy = first.recipients.find((r) => r.email === 'ivy@example.com')!;
    const links = await emailLinks(tenant.secretKey, first.campaignId, ivy.id);
    expect((await browserGet(links.unsubscribe)).status).toBe(200);
    const oneClick = await call(links.unsubscribe, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await recipientsOf(tenant.secretKey, first.campaignId)).find((r) => r.id === ivy.id)!.status).toBe('unsubscribed');

    const later = await newCampaign(tenant.secretKey, []);
    const report = await body<{ accepted: number; rejected: Array<{ line: number; reason: string }> }>(
      await call(`/v1/campaigns/${later.campaignId}/recipients`, { method: 'POST', key: tenant.secretKey, json: { recipients: [{ email: 'IVY@example.com' }, { email: 'kim@example.com' }] } }),
    );
    expect(report).toEqual({ accepted: 1, rejected: [{ line: 1, reason: 'unsubscribed', message: expect.any(String) }] });
  });
});
