import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Page, withQuery } from '../api';
import { SelectField } from '../components/field';
import { PageHeader } from '../components/page-header';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { t } from '../i18n';
import { useResource } from '../lib/resource';
import { CATEGORIES, CHANNELS, type SurveyResponse } from '../../../worker/responses/schemas';
import { SENTIMENTS, TOPICS } from '../../../worker/sentiment/types';
import { useLocation } from '../lib/router';
import { ResponseItem } from './responses/response-item';
import type { Survey } from '../../../worker/surveys/schemas';

const PERIOD_DAYS = ['7', '30', '90', '365', ''] as const;
type PeriodDays = (typeof PERIOD_DAYS)[number];

interface Filters {
  surveyId: string;
  channel: string;
  category: string;
  sentiment: string;
  topic: string;
  hasComment: '' | 'true' | 'false';
  days: PeriodDays;
}

const NO_FILTERS: Filters = { surveyId: '', channel: '', category: '', sentiment: '', topic: '', hasComment: '', days: '30' };

/** Filters given in the address, e.g. from the overview's detractor topics: `?category=detractor&topic=delivery`. */
function filtersFrom(query: URLSearchParams): Filters {
  const pick = <V extends string>(name: string, allowed: readonly V[]): V | '' => {
    const value = query.get(name) as V | null;
    return value !== null && allowed.includes(value) ? value : '';
  };
  return {
    ...NO_FILTERS,
    surveyId: query.get('surveyId') ?? '',
    channel: pick('channel', CHANNELS),
    category: pick('category', CATEGORIES),
    sentiment: pick('sentiment', SENTIMENTS),
    topic: pick('topic', TOPICS),
  };
}
const DAY_MS = 86_400_000;

function query(filters: Filters) {
  return {
    surveyId: filters.surveyId,
    channel: filters.channel,
    category: filters.category,
    sentiment: filters.sentiment,
    topic: filters.topic,
    hasComment: filters.hasComment,
    from: filters.days ? new Date(Date.now() - Number(filters.days) * DAY_MS).toISOString() : undefined,
  };
}

function FilterBar({
  filters,
  surveys,
  onChange,
}: {
  filters: Filters;
  surveys: Survey[];
  onChange: (filters: Filters) => void;
}) {
  const set =
    <K extends keyof Filters>(field: K) =>
    (value: Filters[K]) =>
      onChange({ ...filters, [field]: value });
  const any = { value: '' as const, label: t('responses.any') };
  return (
    <form class="filters card" aria-label={t('responses.filters')} onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label={t('responses.survey')}
        value={filters.surveyId}
        onValue={set('surveyId')}
        options={[any, ...surveys.map((survey) => ({ value: survey.id, label: survey.name }))]}
      />
      <SelectField
        label={t('responses.channel')}
        value={filters.channel}
        onValue={set('channel')}
        options={[any, ...CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))]}
      />
      <SelectField
        label={t('responses.category')}
        value={filters.category}
        onValue={set('category')}
        options={[any, ...CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))]}
      />
      <SelectField
        label={t('responses.sentiment')}
        value={filters.sentiment}
        onValue={set('sentiment')}
        options={[any, ...SENTIMENTS.map((sentiment) => ({ value: sentiment, label: t(`sentiment.${sentiment}`) }))]}
      />
      <SelectField
        label={t('responses.topic')}
        value={filters.topic}
        onValue={set('topic')}
        options={[any, ...TOPICS.map((topic) => ({ value: topic, label: t(`topic.${topic}`) }))]}
      />
      <SelectField
        label={t('responses.hasComment')}
        value={filters.hasComment}
        onValue={set('hasComment')}
        options={[
          any,
          { value: 'true', label: t('responses.withComment') },
          { value: 'false', label: t('responses.withoutComment') },
        ]}
      />
      <SelectField
        label={t('responses.period')}
        value={filters.days}
        onValue={set('days')}
        options={PERIOD_DAYS.map((days) => ({
          value: days,
          label: days ? t('overview.days', { n: days }) : t('responses.allTime'),
        }))}
      />
      <button type="button" class="button" onClick={() => onChange(NO_FILTERS)}>
        {t('responses.reset')}
      </button>
    </form>
  );
}

/** Pages of responses for `filters`, newest first; `more()` appends the next page. */
function useFeed(filters: Filters) {
  const [items, setItems] = useState<SurveyResponse[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const generationRef = useRef(0);

  const load = (after: string | null, replace: boolean, mine: number) => {
    setError(null);
    setState(replace ? 'loading' : 'more');
    api<Page<SurveyResponse>>(withQuery('/api/responses', { ...query(filters), limit: 50, cursor: after })).then(
      (page) => {
        if (mine !== generationRef.current) return;
        setItems((current) => (replace ? page.data : [...current, ...page.data]));
        setCursor(page.nextCursor);
        setState('ready');
      },
      (caught: unknown) => {
        if (mine !== generationRef.current) return;
        setError(caught instanceof ApiError ? caught : new ApiError({ title: String(caught), status: 0 }));
        setState('ready');
      },
    );
  };
  useEffect(() => {
    generationRef.current += 1;
    load(null, true, generationRef.current);
  }, [filters, generation]);
  return {
    items,
    cursor,
    state,
    error,
    more: () => load(cursor, false, generationRef.current),
    retry: () => setGeneration(generation + 1),
  };
}

export default function Responses() {
  const { query: address } = useLocation();
  const [filters, setFilters] = useState(() => filtersFrom(address));
  const surveys = useResource(() => api<Page<Survey>>('/api/surveys?limit=200').then((page) => page.data), []);
  const feed = useFeed(filters);
  const surveyList = surveys.state === 'ready' ? surveys.data : [];
  const byId = new Map(surveyList.map((survey) => [survey.id, survey]));
  return (
    <>
      <PageHeader title={t('responses.title')}>
        <a class="button" href={withQuery('/api/responses.csv', query(filters))} download>
          {t('responses.export')}
        </a>
      </PageHeader>
      <FilterBar filters={filters} surveys={surveyList} onChange={setFilters} />
      {feed.state === 'loading' ? (
        <Loading />
      ) : feed.error && feed.items.length === 0 ? (
        <ErrorState error={feed.error} onRetry={feed.retry} />
      ) : feed.items.length === 0 ? (
        <EmptyState title={t('responses.empty')} text={t('responses.emptyText')} />
      ) : (
        <>
          <p class="muted" role="status" style={{ marginBottom: '10px', fontSize: '13px' }}>
            {t('responses.count', { n: feed.items.length })}
          </p>
          <ul class="feed">
            {feed.items.map((response) => (
              <ResponseItem key={response.id} response={response} survey={byId.get(response.surveyId)} />
            ))}
          </ul>
          {feed.error && <ErrorState error={feed.error} onRetry={feed.more} />}
          {feed.cursor && (
            <div class="feed-more">
              <button type="button" class="button" onClick={feed.more} disabled={feed.state === 'more'}>
                {feed.state === 'more' ? t('state.loading') : t('responses.loadMore')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
