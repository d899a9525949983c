import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../worker/email/csv-records';
import { patternReason, SCAN_WINDOW_MS, userAgentReason } from '../../worker/email/scanner';
import { retryDelaySeconds } from '../../worker/email/send-consumer';
import { signLink, verifyLink, type SigningKey } from '../../worker/email/tokens';

const KEY: SigningKey = { kid: 'kA1', secret: 'secret-one' };
const claims = { tenantId: 'ten_a', campaignId: 'cmp_b', recipientId: 'rcp_c', expiresAt: 2_000_000_000_000 };
const findKey = async (tenantId: string, kid: string) => (tenantId === 'ten_a' && kid === 'kA1' ? KEY : undefined);

describe('link tokens', () => {
  it('round-trips claims and refuses anything altered', async () => {
    const token = await signLink(KEY, claims);
    expect(await verifyLink(token, findKey, 1_000)).toEqual({ ok: true, claims });
    const parts = token.split('.');
    const alter = (i: number, value: string) => parts.map((p, j) => (j === i ? value : p)).join('.');
    expect(await verifyLink(alter(3, 'rcp_d'), findKey, 1_000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyLink(alter(4, 'zzzzzz'), findKey, 1_000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyLink(alter(0, 'kB2'), findKey, 1_000)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(await verifyLink(alter(1, 'ten_b'), findKey, 1_000)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(await verifyLink(`${token}x`, findKey, 1_000)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyLink('a.b.c', findKey, 1_000)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyLink(alter(2, 'cmp<script>'), findKey, 1_000)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('reports expiry with the authentic claims (unsubscribing outlives the survey)', async () => {
    const token = await signLink(KEY, { ...claims, expiresAt: 5_000 });
    expect(await verifyLink(token, findKey, 5_000)).toEqual({ ok: false, reason: 'expired', claims: { ...claims, expiresAt: 5_000 } });
  });
});

describe('scanner judgement', () => {
  const now = 1_000_000;
  it('names scanners by user agent, but not browsers', () => {
    expect(userAgentReason('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36')).toBeNull();
    expect(userAgentReason('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36')).toBe('scanner_user_agent');
    expect(userAgentReason('Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)')).toBe('scanner_user_agent');
    expect(userAgentReason(undefined)).toBe('no_user_agent');
  });

  it('flags the honeypot and bursts of different scores inside the window only', () => {
    const open = (score: number, ago: number) => ({ kind: 'open' as const, score, createdAt: now - ago });
    expect(patternReason([open(9, 0)], now)).toBeNull();
    expect(patternReason([open(9, 0), open(9, 500), open(10, 900)], now)).toBeNull();
    expect(patternReason([open(0, 0), open(1, 100), open(2, 200)], now)).toBe('link_burst');
    expect(patternReason([open(0, SCAN_WINDOW_MS + 1), open(1, SCAN_WINDOW_MS + 2), open(2, 0)], now)).toBeNull();
    expect(patternReason([open(9, 0), { kind: 'honeypot', score: null, createdAt: now - 1000 }], now)).toBe('honeypot');
    expect(patternReason([open(9, 0), { kind: 'honeypot', score: null, createdAt: now - SCAN_WINDOW_MS - 1 }], now)).toBeNull();
  });
});

function streamOf(text: string, chunkSize: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe('CSV records', () => {
  const text = '\uFEFFemail,name\r\n"a@b.co","Smith, ""Jo"""\r\n\r\nc@d.co,Ünïcødé\n"e@f.co","two\nlines"\nlast@x.co';
  it.each([1, 2, 3, 7, 1024])('parses quotes, blank lines, line breaks and multi-byte text across %i-byte chunks', async (chunkSize) => {
    const records = [];
    for await (const record of csvRecords(streamOf(text, chunkSize))) records.push(record);
    expect(records).toEqual([
      { line: 1, cells: ['email', 'name'] },
      { line: 2, cells: ['a@b.co', 'Smith, "Jo"'] },
      { line: 4, cells: ['c@d.co', 'Ünïcødé'] },
      { line: 5, cells: ['e@f.co', 'two\nlines'] },
      { line: 7, cells: ['last@x.co'] },
    ]);
  });
});

describe('retry backoff', () => {
  it('doubles from 30 s and caps at an hour', () => {
    expect([1, 2, 3, 4, 10].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 3600]);
  });
});
