import { unprocessable } from '../http/problem';
import { csvRecords } from './csv-records';
import type { RecipientRow } from './recipients';

export const MAX_CSV_ROWS = 50_000;
const COLUMNS = ['email', 'name', 'locale'] as const;

/**
 * Recipient rows of a CSV upload whose header names an `email` column (and optionally `name`,
 * `locale`; other columns are ignored). Empty cells count as absent. Stops after MAX_CSV_ROWS
 * rows and calls `onOverflow` with the line of the first row not read.
 */
export async function* csvRecipientRows(stream: ReadableStream<Uint8Array>, onOverflow: (line: number) => void): AsyncGenerator<RecipientRow> {
  let positions: Partial<Record<(typeof COLUMNS)[number], number>> | undefined;
  let rows = 0;
  for await (const record of csvRecords(stream)) {
    if (!positions) {
      const header = record.cells.map((cell) => cell.trim().toLowerCase());
      const found: Partial<Record<(typeof COLUMNS)[number], number>> = Object.fromEntries(
        COLUMNS.map((column) => [column, header.indexOf(column)] as const).filter(([, at]) => at >= 0),
      );
      positions = found;
      if (found.email === undefined) throw unprocessable('The first line must be a header naming an `email` column.', [{ path: 'line 1', message: 'no email column' }]);
      continue;
    }
    if (++rows > MAX_CSV_ROWS) {
      onOverflow(record.line);
      return;
    }
    const input: Record<string, string> = {};
    for (const [column, at] of Object.entries(positions)) {
      const value = record.cells[at]?.trim();
      if (value) input[column] = value;
    }
    input.email ??= '';
    yield { line: record.line, input };
  }
  if (!positions) throw unprocessable('The upload is empty; expected a header line naming an `email` column.');
}
