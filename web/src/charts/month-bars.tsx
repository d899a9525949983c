import { formatNumber, t } from '../i18n';
import { ChartTable } from './chart-table';
import { MIN_SEGMENT_SIZE } from './interval-bars';
import { linear, ticks } from './scale';
import { useWidth } from './use-width';

export interface BarSeries {
  name: string;
  colour: string;
}

export interface BarPoint {
  label: string;
  /** One value per series; null = no data (drawn as nothing, listed as —). */
  values: ReadonlyArray<number | null>;
  /** Sample size behind the values, shown above the bars; periods below the usual minimum are faded. */
  n?: number;
}

interface Props {
  points: readonly BarPoint[];
  series: readonly BarSeries[];
  /** What the whole chart shows, for screen readers. */
  label: string;
  /** Axis ticks and table cells. */
  format: (value: number) => string;
  /** Column heading of the sample size; omit when `n` is not given. */
  nLabel?: string;
}

const HEIGHT = 220;
const PAD = { top: 22, right: 8, bottom: 28, left: 56 };

/** Grouped columns per period from zero (negative values go below the axis). */
export function MonthBars({ points, series, label, format, nLabel }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const values = points.flatMap((point) => point.values.filter((value): value is number => value !== null));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const axis = ticks(low, high === low ? low + 1 : high, 4);
  const y = linear(axis[0] ?? low, Math.max(high, axis[axis.length - 1] ?? high), HEIGHT - PAD.bottom, PAD.top);
  const slot = (width - PAD.left - PAD.right) / Math.max(1, points.length);
  const group = Math.min(56, slot * 0.7);
  const bar = Math.max(2, group / series.length);
  const labelEvery = Math.ceil(points.length / Math.max(1, Math.floor((width - PAD.left) / 56)));
  const zero = y(0);
  const showN = nLabel !== undefined && slot >= 16;
  return (
    <div ref={ref}>
      <svg class="chart" width={width} height={HEIGHT} role="img" aria-label={label}>
        {axis.map((tick) => (
          <g key={tick}>
            <line class="grid-line" x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 8} y={y(tick) + 4} text-anchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          const x = PAD.left + index * slot + (slot - group) / 2;
          const faded = point.n !== undefined && point.n < MIN_SEGMENT_SIZE;
          return (
            <g key={point.label} opacity={faded ? 0.45 : 1}>
              {point.values.map((value, seriesIndex) =>
                value === null ? null : (
                  <rect
                    key={seriesIndex}
                    x={x + seriesIndex * bar}
                    y={Math.min(zero, y(value))}
                    width={Math.max(1, bar - 1)}
                    height={Math.abs(zero - y(value))}
                    fill={series[seriesIndex]?.colour}
                  />
                ),
              )}
              {index % labelEvery === 0 && (
                <text x={x + group / 2} y={HEIGHT - 10} text-anchor="middle">
                  {point.label}
                </text>
              )}
              {showN && point.n !== undefined && (
                <text x={x + group / 2} y={PAD.top - 8} text-anchor="middle" class="chart-n-label">
                  {formatNumber(point.n)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {(series.length > 1 || nLabel) && (
        <ul class="legend">
          {series.length > 1 &&
            series.map((item) => (
              <li key={item.name}>
                <span class="swatch" style={{ background: item.colour }} />
                {item.name}
              </li>
            ))}
          {showN && <li class="muted">{t('analytics.nAbove', { what: nLabel })}</li>}
          {nLabel && <li class="muted">{t('analytics.smallRows', { n: MIN_SEGMENT_SIZE })}</li>}
        </ul>
      )}
      <ChartTable
        label={label}
        head={['', ...series.map((item) => item.name), ...(nLabel ? [nLabel] : [])]}
        rows={points.map((point) => [
          point.label,
          ...point.values.map((value) => (value === null ? '—' : format(value))),
          ...(nLabel ? [point.n === undefined ? '—' : formatNumber(point.n)] : []),
        ])}
      />
    </div>
  );
}
