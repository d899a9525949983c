import { formatNumber } from '../i18n';
import { formatShare } from './format';

export interface BarListRow {
  key: string;
  label: string;
  value: number;
  /** Secondary figure shown after the value, e.g. a revenue share. */
  note?: string;
}

/**
 * Labelled horizontal bars as an HTML list (a count and its share of the total), so every number is
 * real text that wraps on narrow screens; the bar itself is decoration.
 */
export function BarList({
  rows,
  label,
  format = formatNumber,
}: {
  rows: readonly BarListRow[];
  label: string;
  /** How a value is written (counts by default). */
  format?: (value: number) => string;
}) {
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <ul class="bar-list" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} class="bar-list-row">
          <span class="bar-list-label">{row.label}</span>
          <span class="bar-list-value">
            {format(row.value)}
            <span class="muted"> · {formatShare(total === 0 ? null : row.value / total)}</span>
            {row.note && <span class="muted"> · {row.note}</span>}
          </span>
          <svg class="bar-list-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
            <rect width={100} height={6} rx={3} fill="var(--surface-2)" />
            <rect width={(100 * row.value) / max} height={6} rx={3} fill="var(--accent)" />
          </svg>
        </li>
      ))}
    </ul>
  );
}
