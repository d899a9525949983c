import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../worker/responses/csv';

describe('csvCell', () => {
  it.each(['=1+1', '+7 999', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises the formula start of %j', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it('quotes separators, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });
  it('writes numbers and empty values plainly', () => {
    expect(csvRow([1, null, undefined, 'x'])).toBe('1,,,x\r\n');
  });
});
