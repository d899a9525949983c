/**
 * Spreadsheet apps execute cells that start with = + - @ (and tab/CR, which some strip first).
 * Prefixing a quote makes them text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: ReadonlyArray<string | number | null | undefined>): string => cells.map(csvCell).join(',') + '\r\n';

/** Excel reads UTF-8 (Cyrillic comments included) correctly only with a byte-order mark. */
export const CSV_BOM = '\uFEFF';
