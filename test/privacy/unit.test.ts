import { describe, expect, it } from 'vitest';
import { erasedReferralCode, identifyingNeedles } from '../../worker/privacy/erasure-values';
import { ndjsonLine, pullStream } from '../../worker/privacy/ndjson';

describe('NDJSON lines and the pull stream', () => {
  it('writes one line per value, newlines inside strings escaped', () => {
    expect(ndjsonLine({ type: 'response', data: { comment: 'two\nlines' } })).toBe(
      '{"type":"response","data":{"comment":"two\\nlines"}}\n',
    );
  });

  it('produces chunks only as the reader pulls, and stops the producer when the download is cancelled', async () => {
    const produced: number[] = [];
    let finished = false;
    async function* chunks() {
      try {
        for (let i = 0; i < 100; i++) {
          produced.push(i);
          yield `${i}\n`;
        }
      } finally {
        finished = true;
      }
    }
    const reader = pullStream(chunks()).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('0\n');
    // A stream's default high-water mark lets it pull one chunk ahead; never the whole source.
    expect(produced.length).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it('closes after the last chunk', async () => {
    async function* chunks() {
      yield 'a\n';
      yield 'b\n';
    }
    const text = await new Response(pullStream(chunks())).text();
    expect(text).toBe('a\nb\n');
  });
});

describe('erasure values', () => {
  it('finds the customer in stored JSON by id and email as JSON strings, and by external id only as one', () => {
    const needles = identifyingNeedles({ id: 'cus_1', email: 'ann@example.com', externalId: 'm1' });
    expect(needles).toEqual(['"cus_1"', '"ann@example.com"', '"externalId":"m1"']);
    const matches = (body: string) => needles.some((needle) => body.includes(needle));
    expect(matches('{"customerId":"cus_1","points":5}')).toBe(true);
    expect(matches('{"customer":{"externalId":"m1"}}')).toBe(true);
    expect(matches('{"orderId":"m1","customerId":"cus_10"}')).toBe(false);
    expect(identifyingNeedles({ id: 'cus_2', email: null, externalId: null })).toEqual(['"cus_2"']);
  });

  it('gives erased members a referral code that no one can type, since entered codes are upper-cased', () => {
    const code = erasedReferralCode('cus_0abc');
    expect(code).toBe('erased:cus_0abc');
    expect(code.toUpperCase()).not.toBe(code);
  });
});
