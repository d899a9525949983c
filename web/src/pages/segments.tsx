import { useState } from 'preact/hooks';
import { IntervalBars } from '../charts/interval-bars';
import { SelectField } from '../components/field';
import { PageHeader } from '../components/page-header';
import { PeriodPicker } from '../components/period-picker';
import { Async, EmptyState } from '../components/states';
import { type MessageKey, t } from '../i18n';
import { loadSegments, type RollingPeriod, type SegmentsSnapshot } from '../lib/metrics';
import { useResource } from '../lib/resource';
import { api, type Page } from '../api';
import { CHANNELS, type Channel } from '../../../worker/responses/schemas';
import type { Survey } from '../../../worker/surveys/schemas';

type Metric = 'nps' | 'csat';
const DOMAINS: Record<Metric, [number, number]> = { nps: [-100, 100], csat: [0, 100] };

const DIMENSION_LABELS: Record<string, MessageKey> = {
  channel: 'responses.channel',
  survey: 'responses.survey',
  device: 'segments.device',
  locale: 'segments.locale',
};

/** `channel` → "Channel"; `property.plan` → "plan"; `customer.country` → "country". */
const dimensionLabel = (dimension: string) => {
  const key = DIMENSION_LABELS[dimension];
  return key ? t(key) : dimension.slice(dimension.indexOf('.') + 1);
};

function valueLabel(dimension: string, value: string, surveys: ReadonlyMap<string, string>): string {
  if (dimension === 'channel' && CHANNELS.includes(value as Channel)) return t(`channel.${value as Channel}`);
  if (dimension === 'survey') return surveys.get(value) ?? value;
  return value;
}

function SegmentCharts({
  snapshot,
  metric,
  surveys,
}: {
  snapshot: SegmentsSnapshot;
  metric: Metric;
  surveys: ReadonlyMap<string, string>;
}) {
  const rows = snapshot[metric];
  const dimensions = [...new Set(rows.map((row) => row.dimension))];
  if (dimensions.length === 0) return <EmptyState title={t('segments.empty')} text={t('segments.emptyText')} />;
  const name = t(metric === 'nps' ? 'overview.nps' : 'overview.csat');
  return (
    <div class="grid grid-2">
      {dimensions.map((dimension) => {
        const bars = rows.flatMap((row) => {
          const value = metric === 'nps' ? row.nps : row.csat;
          return row.dimension === dimension && value
            ? [
                {
                  label: valueLabel(dimension, row.value, surveys),
                  value: value.score,
                  low: value.interval.low,
                  high: value.interval.high,
                  n: row.n,
                },
              ]
            : [];
        });
        return (
          <section key={dimension} class="card" aria-label={dimensionLabel(dimension)}>
            <h2 class="section-title section-head">{dimensionLabel(dimension)}</h2>
            <IntervalBars
              rows={bars}
              domain={DOMAINS[metric]}
              metric={name}
              label={t('chart.segmentsLabel', { metric: name, dimension: dimensionLabel(dimension).toLowerCase() })}
            />
          </section>
        );
      })}
    </div>
  );
}

export default function Segments() {
  const [period, setPeriod] = useState<RollingPeriod>('30d');
  const [metric, setMetric] = useState<Metric>('nps');
  const segments = useResource(() => loadSegments(period), [period]);
  const surveys = useResource(
    () =>
      api<Page<Survey>>('/api/surveys?limit=200').then((page) => new Map(page.data.map((survey) => [survey.id, survey.name]))),
    [],
  );
  return (
    <>
      <PageHeader title={t('segments.title')}>
        <SelectField
          label={t('segments.metric')}
          value={metric}
          onValue={setMetric}
          options={[
            { value: 'nps', label: t('overview.nps') },
            { value: 'csat', label: t('overview.csat') },
          ]}
        />
        <PeriodPicker value={period} onChange={setPeriod} />
      </PageHeader>
      <Async resource={segments}>
        {(data) =>
          data ? (
            <SegmentCharts snapshot={data} metric={metric} surveys={surveys.state === 'ready' ? surveys.data : new Map()} />
          ) : (
            <EmptyState title={t('overview.noMetrics')} text={t('overview.noMetricsText')} />
          )
        }
      </Async>
    </>
  );
}
