import { formatNumber, t } from '../i18n';
import { ChartTable } from './chart-table';
import { linear, ticks } from './scale';
import { useWidth } from './use-width';

/** Same threshold as the metrics service: below it a number is shown greyed, as too uncertain to act on. */
export const MIN_SEGMENT_SIZE = 30;

export interface IntervalRow {
  label: string;
  value: number;
  low: number;
  high: number;
  n: number;
}

const ROW = 34;
const PAD = { top: 8, bottom: 26 };

/** Horizontal bars from zero with 95 % interval whiskers and n; small segments greyed. */
interface Props {
  rows: readonly IntervalRow[];
  domain: [number, number];
  /** Short name of the value, e.g. NPS. */
  metric: string;
  /** What the whole chart shows, for screen readers. */
  label: string;
}

export function IntervalBars({ rows, domain, metric, label }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const labelWidth = Math.min(160, Math.round(width * 0.3));
  const nWidth = 104;
  const x = linear(domain[0], domain[1], labelWidth + 8, width - nWidth);
  const zero = x(Math.max(domain[0], Math.min(0, domain[1])));
  const height = PAD.top + rows.length * ROW + PAD.bottom;
  return (
    <div ref={ref}>
      <svg class="chart" width={width} height={height} role="img" aria-label={label}>
        {ticks(domain[0], domain[1], width < 480 ? 4 : 8).map((tick) => (
          <g key={tick}>
            <line class="grid-line" x1={x(tick)} x2={x(tick)} y1={PAD.top} y2={height - PAD.bottom} />
            <text x={x(tick)} y={height - 8} text-anchor="middle">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const small = row.n < MIN_SEGMENT_SIZE;
          const middle = PAD.top + index * ROW + ROW / 2;
          const fill = small ? 'var(--chart-muted)' : 'var(--accent)';
          return (
            <g key={row.label}>
              <text x={0} y={middle + 4} style={{ fill: small ? 'var(--text-3)' : 'var(--text-2)', fontSize: '12px' }}>
                {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
              </text>
              <rect
                x={Math.min(zero, x(row.value))}
                y={middle - 8}
                width={Math.abs(x(row.value) - zero)}
                height={16}
                rx={3}
                fill={fill}
                opacity={small ? 0.7 : 0.85}
              />
              <g stroke="var(--text)" stroke-width={1.4} opacity={small ? 0.45 : 0.9}>
                <line x1={x(row.low)} x2={x(row.high)} y1={middle} y2={middle} />
                <line x1={x(row.low)} x2={x(row.low)} y1={middle - 6} y2={middle + 6} />
                <line x1={x(row.high)} x2={x(row.high)} y1={middle - 6} y2={middle + 6} />
              </g>
              <text
                x={width - 56}
                y={middle + 4}
                text-anchor="end"
                style={{ fontSize: '12px', fontWeight: 600, fill: small ? 'var(--text-3)' : 'var(--text)' }}
              >
                {formatNumber(row.value)}
              </text>
              <text x={width} y={middle + 4} text-anchor="end" style={{ fontSize: '12px' }}>
                n={formatNumber(row.n)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        <li>
          <span class="swatch" style={{ background: 'var(--accent)' }} />
          {metric}
        </li>
        <li>
          <span class="swatch" style={{ background: 'var(--chart-muted)' }} />
          {t('chart.small', { n: MIN_SEGMENT_SIZE })}
        </li>
      </ul>
      <ChartTable
        label={label}
        head={['', metric, '95%', 'n']}
        rows={rows.map((row) => [
          row.label,
          formatNumber(row.value, 1),
          `${formatNumber(row.low, 1)} … ${formatNumber(row.high, 1)}`,
          formatNumber(row.n),
        ])}
      />
    </div>
  );
}
