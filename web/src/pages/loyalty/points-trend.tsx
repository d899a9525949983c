import { formatMonthShort } from '../../charts/format';
import { MonthBars } from '../../charts/month-bars';
import { Async, EmptyState } from '../../components/states';
import { formatNumber, t } from '../../i18n';
import { loadTrend } from '../../lib/metrics';
import { useResource } from '../../lib/resource';

/** Points issued, redeemed and expired per month, from the metrics snapshots. */
export function PointsOverTime() {
  const trend = useResource(() => loadTrend(13), []);
  return (
    <section class="card section" aria-labelledby="points-trend-title">
      <h2 class="section-title section-head" id="points-trend-title">
        {t('loyalty.pointsOverTime')}
      </h2>
      <Async resource={trend}>
        {(data) => {
          const months = data?.months ?? [];
          if (!months.some((month) => month.snapshot?.points))
            return <EmptyState title={t('loyalty.noPoints')} text={t('analytics.notComputedText')} />;
          return (
            <MonthBars
              label={t('loyalty.pointsOverTime')}
              format={(value) => formatNumber(value)}
              series={[
                { name: t('loyalty.issued'), colour: 'var(--accent)' },
                { name: t('loyalty.redeemed'), colour: 'var(--promoter)' },
                { name: t('loyalty.expired'), colour: 'var(--detractor)' },
              ]}
              points={months.map(({ month, snapshot }) => {
                const points = snapshot?.points;
                return {
                  label: formatMonthShort(month),
                  values: points ? [points.issued, points.redeemed, points.expired] : [null, null, null],
                };
              })}
            />
          );
        }}
      </Async>
    </section>
  );
}
