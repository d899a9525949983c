import { formatNumber, t } from '../i18n';
import { wilson } from './proportion';
import { useWidth } from './use-width';

export interface Share {
  key: string;
  label: string;
  /** 0–1 */
  share: number;
  colour: string;
}

const HEIGHT = 28;
const pct = (value: number) => `${formatNumber(100 * value)}%`;

/** Parts of one whole as a single stacked bar, each with its share, 95 % interval and the sample size. */
export function ShareBar({ label, shares, n }: { label: string; shares: readonly Share[]; n: number }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const summary = shares.map((part) => `${part.label} ${pct(part.share)}`).join(', ');
  let left = 0;
  return (
    <div ref={ref}>
      <svg class="chart" width={width} height={HEIGHT} role="img" aria-label={`${label}: ${summary}`}>
        {shares.map((part) => {
          const x = left;
          left += part.share * width;
          return part.share > 0 ? (
            <rect key={part.key} x={x} y={0} width={part.share * width} height={HEIGHT} fill={part.colour} />
          ) : null;
        })}
      </svg>
      <ul class="legend">
        {shares.map((part) => {
          const interval = wilson(part.share, n);
          return (
            <li key={part.key}>
              <span class="swatch" style={{ background: part.colour }} />
              {part.label} {pct(part.share)}
              <span class="muted">({t('chart.shareInterval', { low: pct(interval.low), high: pct(interval.high) })})</span>
            </li>
          );
        })}
        <li>{t('overview.n', { n: formatNumber(n) })}</li>
      </ul>
    </div>
  );
}
