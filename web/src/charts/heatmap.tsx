import { formatNumber, t } from '../i18n';
import { ChartTable } from './chart-table';
import { formatShare } from './format';
import { MIN_SEGMENT_SIZE } from './interval-bars';
import { useWidth } from './use-width';

export interface HeatmapCell {
  /** 0–1; null when the row is empty. */
  share: number | null;
  count: number;
  /** False while the period is still running: drawn hatched. */
  complete: boolean;
}

export interface HeatmapRow {
  label: string;
  /** The row's sample size (e.g. customers in the cohort). */
  size: number;
  cells: readonly HeatmapCell[];
}

interface Props {
  rows: readonly HeatmapRow[];
  columns: readonly string[];
  /** What the whole chart shows, for screen readers. */
  label: string;
  rowHeading: string;
}

const CELL_HEIGHT = 28;
const HEAD = 24;
const LABEL_WIDTH = 64;
const SIZE_WIDTH = 48;

/** Darker = higher share; rows smaller than the usual minimum are faded, unfinished periods outlined dashed. */
export function Heatmap({ rows, columns, label, rowHeading }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const cellWidth = Math.max(18, (width - LABEL_WIDTH - SIZE_WIDTH) / Math.max(1, columns.length));
  const svgWidth = Math.max(width, LABEL_WIDTH + SIZE_WIDTH + cellWidth * columns.length);
  const height = HEAD + rows.length * CELL_HEIGHT;
  const showText = cellWidth >= 34;
  return (
    <div ref={ref}>
      <div class="heatmap-scroll">
        <svg class="chart" width={svgWidth} height={height} role="img" aria-label={label}>
          <text x={0} y={HEAD - 8}>
            {rowHeading}
          </text>
          <text x={LABEL_WIDTH + SIZE_WIDTH - 6} y={HEAD - 8} text-anchor="end">
            n
          </text>
          {columns.map((column, index) => (
            <text key={column} x={LABEL_WIDTH + SIZE_WIDTH + (index + 0.5) * cellWidth} y={HEAD - 8} text-anchor="middle">
              {column}
            </text>
          ))}
          {rows.map((row, rowIndex) => {
            const y = HEAD + rowIndex * CELL_HEIGHT;
            return (
              <g key={row.label} opacity={row.size < MIN_SEGMENT_SIZE ? 0.55 : 1}>
                <text x={0} y={y + CELL_HEIGHT / 2 + 4}>
                  {row.label}
                </text>
                <text x={LABEL_WIDTH + SIZE_WIDTH - 6} y={y + CELL_HEIGHT / 2 + 4} text-anchor="end">
                  {formatNumber(row.size)}
                </text>
                {row.cells.map((cell, index) => {
                  const x = LABEL_WIDTH + SIZE_WIDTH + index * cellWidth;
                  const share = cell.share ?? 0;
                  return (
                    <g key={index}>
                      <rect
                        x={x + 1}
                        y={y + 1}
                        width={cellWidth - 2}
                        height={CELL_HEIGHT - 2}
                        rx={3}
                        class="heatmap-cell"
                        fill="var(--accent)"
                        fill-opacity={cell.share === null ? 0 : 0.08 + 0.92 * share}
                        stroke-dasharray={cell.complete ? undefined : '3 2'}
                      />
                      {showText && cell.share !== null && (
                        <text
                          x={x + cellWidth / 2}
                          y={y + CELL_HEIGHT / 2 + 4}
                          text-anchor="middle"
                          class={share > 0.5 ? 'heatmap-text-strong' : undefined}
                        >
                          {formatNumber(100 * share)}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <ul class="legend">
        <li>
          <span class="swatch" style={{ background: 'var(--accent)' }} />
          {t('analytics.heatmapLegend')}
        </li>
        <li class="muted">{t('analytics.heatmapPartial')}</li>
        <li class="muted">{t('analytics.smallRows', { n: MIN_SEGMENT_SIZE })}</li>
      </ul>
      <ChartTable
        label={label}
        head={[rowHeading, 'n', ...columns]}
        rows={rows.map((row) => [
          row.label,
          formatNumber(row.size),
          ...row.cells.map((cell) => `${formatShare(cell.share)} (${formatNumber(cell.count)})`),
        ])}
      />
    </div>
  );
}
