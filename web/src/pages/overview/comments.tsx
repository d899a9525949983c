import { ShareBar } from '../../charts/share-bar';
import { formatNumber, t } from '../../i18n';
import type { MetricsSnapshot } from '../../lib/metrics';
import { Link } from '../../lib/router';

const COLOURS = { positive: 'var(--promoter)', neutral: 'var(--passive)', negative: 'var(--detractor)' };

function DetractorTopics({ topics }: { topics: MetricsSnapshot['detractorTopics'] }) {
  if (topics.length === 0) return <p class="muted">{t('comments.noTopics')}</p>;
  const most = Math.max(...topics.map((topic) => topic.count));
  return (
    <ol class="count-bars">
      {topics.map(({ topic, count }) => (
        <li key={topic}>
          <Link href={`/responses?category=detractor&topic=${topic}`} class="count-label">
            {t(`topic.${topic}`)}
          </Link>
          <svg class="count-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect width={(100 * count) / most} height={10} rx={2} />
          </svg>
          <span class="num">{formatNumber(count)}</span>
        </li>
      ))}
    </ol>
  );
}

/** The tone of the period's comments, and what detractors write about most. */
export function CommentInsights({ snapshot }: { snapshot: MetricsSnapshot }) {
  const { sentiment, detractorTopics } = snapshot;
  if (!sentiment && detractorTopics.length === 0) return null;
  return (
    <div class="grid grid-2 section">
      <section class="card" aria-labelledby="sentiment-title">
        <h2 class="section-title section-head" id="sentiment-title">
          {t('comments.sentiment')}
        </h2>
        {sentiment ? (
          <ShareBar
            label={t('comments.sentiment')}
            n={sentiment.n}
            shares={(['positive', 'neutral', 'negative'] as const).map((key) => ({
              key,
              label: t(`sentiment.${key}`),
              share: sentiment[key],
              colour: COLOURS[key],
            }))}
          />
        ) : (
          <p class="muted">{t('comments.noComments')}</p>
        )}
      </section>
      <section class="card" aria-labelledby="topics-title">
        <h2 class="section-title section-head" id="topics-title">
          {t('comments.detractorTopics')}
        </h2>
        <DetractorTopics topics={detractorTopics} />
      </section>
    </div>
  );
}
