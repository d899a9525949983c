/** One CSV record and the line it starts on (1-based, counting physical lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) from a stream,
 * chunk by chunk, so a large upload is never held in memory whole. A leading BOM is dropped
 * and blank lines are skipped.
 */
export async function* csvRecords(stream: ReadableStream<Uint8Array>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8');
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quotePending = false;
  let line = 1;
  let recordLine = 1;
  let recordHasContent = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  function* endRecord(): Generator<CsvRecord> {
    endCell();
    if (recordHasContent || cells.length > 1) yield { line: recordLine, cells };
    cells = [];
    recordHasContent = false;
  }

  function* consume(text: string): Generator<CsvRecord> {
    for (const char of text) {
      if (quotePending) {
        quotePending = false;
        if (char === '"') {
          cell += '"';
          continue;
        }
        inQuotes = false;
      }
      if (inQuotes) {
        if (char === '"') quotePending = true;
        else {
          if (char === '\n') line++;
          cell += char;
        }
        continue;
      }
      if (char === '"' && cell === '') {
        inQuotes = true;
        recordHasContent = true;
      } else if (char === ',') endCell();
      else if (char === '\n') {
        yield* endRecord();
        line++;
        recordLine = line;
      } else if (char !== '\r') {
        cell += char;
        recordHasContent = true;
      }
    }
  }

  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield* consume(decoder.decode(value, { stream: true }));
  }
  yield* consume(decoder.decode());
  yield* endRecord();
}
