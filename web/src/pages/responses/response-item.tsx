import { formatDateTime, type MessageKey, t } from '../../i18n';
import { Link } from '../../lib/router';
import type { SurveyResponse } from '../../../../worker/responses/schemas';
import type { Survey } from '../../../../worker/surveys/schemas';

/** One answer: score, category, channel, survey, customer, comment and its tone/topic chips. */
export function ResponseItem({ response, survey }: { response: SurveyResponse; survey: Survey | undefined }) {
  const category = response.category;
  const label: MessageKey | null = category ? `category.one.${category}` : null;
  return (
    <li class="card feed-item">
      <span class={`score${category ? ` score-${category}` : ''}`} aria-label={t('responses.score', { score: response.score })}>
        {response.score}
      </span>
      <div>
        <p class="feed-meta">
          <Link href={`/responses/${encodeURIComponent(response.id)}`}>
            <time dateTime={response.createdAt}>{formatDateTime(response.createdAt)}</time>
          </Link>
          {label && <span class={`badge badge-${category}`}>{t(label)}</span>}
          <span class="badge">{t(`channel.${response.channel}`)}</span>
          {survey && <span>{survey.name}</span>}
          {response.customerId && (
            <Link class="mono" href={`/customers/${encodeURIComponent(response.customerId)}`}>
              {response.customerId}
            </Link>
          )}
        </p>
        {response.comment ? <p class="feed-comment">{response.comment}</p> : <p class="muted">{t('responses.noComment')}</p>}
        {(response.sentiment || response.topics.length > 0) && (
          <ul class="chips" aria-label={t('responses.commentAnalysis')}>
            {response.sentiment && (
              <li class={`chip chip-${response.sentiment}`}>
                {t('responses.sentiment')}: {t(`sentiment.${response.sentiment}`)}
              </li>
            )}
            {response.topics.map((topic) => (
              <li key={topic} class="chip">
                {t(`topic.${topic}`)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
