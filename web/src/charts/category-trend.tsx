import { formatNumber, t } from '../i18n';
import { ChartTable } from './chart-table';
import { linear } from './scale';
import { useWidth } from './use-width';
import { MIN_SEGMENT_SIZE } from './interval-bars';

export interface CategoryPoint {
  label: string;
  promoters: number;
  passives: number;
  detractors: number;
}

const HEIGHT = 220;
const PAD = { top: 22, right: 8, bottom: 28, left: 40 };
const BANDS = ['detractors', 'passives', 'promoters'] as const;
const COLOURS = { promoters: 'var(--promoter)', passives: 'var(--passive)', detractors: 'var(--detractor)' };
const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

/** Share of each category per period as 100 % stacked columns; periods with few answers are faded. */
export function CategoryTrend({ points }: { points: readonly CategoryPoint[] }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const y = linear(0, 100, HEIGHT - PAD.bottom, PAD.top);
  const slot = (width - PAD.left - PAD.right) / Math.max(1, points.length);
  const barWidth = Math.min(44, Math.max(6, slot * 0.62));
  const labelEvery = Math.ceil(points.length / Math.max(1, Math.floor((width - PAD.left) / 56)));
  return (
    <div ref={ref}>
      <svg class="chart" width={width} height={HEIGHT} role="img" aria-label={t('chart.trendLabel')}>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line class="grid-line" x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 8} y={y(tick) + 4} text-anchor="end">
              {tick}%
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          const n = point.promoters + point.passives + point.detractors;
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          let top = 100;
          return (
            <g key={point.label} opacity={n < MIN_SEGMENT_SIZE ? 0.4 : 1}>
              {n > 0 &&
                [...BANDS].reverse().map((band) => {
                  const share = percent(point[band], n);
                  const rect = (
                    <rect
                      key={band}
                      x={x}
                      y={y(top)}
                      width={barWidth}
                      height={Math.max(0, y(top - share) - y(top))}
                      fill={COLOURS[band]}
                    />
                  );
                  top -= share;
                  return rect;
                })}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={HEIGHT - 10} text-anchor="middle">
                  {point.label}
                </text>
              )}
              {slot >= 40 && n > 0 && (
                <text x={x + barWidth / 2} y={PAD.top - 8} text-anchor="middle">
                  {formatNumber(n)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {[...BANDS].reverse().map((band) => (
          <li key={band}>
            <span class="swatch" style={{ background: COLOURS[band] }} />
            {t(`category.${band.slice(0, -1) as 'promoter' | 'passive' | 'detractor'}`)}
          </li>
        ))}
        <li class="muted">{t('chart.small', { n: MIN_SEGMENT_SIZE })}</li>
      </ul>
      <ChartTable
        label={t('chart.trendLabel')}
        head={['', t('category.promoter'), t('category.passive'), t('category.detractor'), 'n']}
        rows={points.map((point) => {
          const n = point.promoters + point.passives + point.detractors;
          return [
            point.label,
            `${formatNumber(percent(point.promoters, n))}%`,
            `${formatNumber(percent(point.passives, n))}%`,
            `${formatNumber(percent(point.detractors, n))}%`,
            formatNumber(n),
          ];
        })}
      />
    </div>
  );
}
