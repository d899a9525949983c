import { api } from '../api';
import { PageHeader } from '../components/page-header';
import { Async } from '../components/states';
import { t } from '../i18n';
import { Link } from '../lib/router';
import { useResource } from '../lib/resource';
import type { SurveyResponse } from '../../../worker/responses/schemas';
import type { Survey } from '../../../worker/surveys/schemas';
import { ResponseItem } from './responses/response-item';

/** One response on its own (alert emails link here). */
export default function ResponsePage({ id = '' }: { id?: string }) {
  const response = useResource(async () => {
    const found = await api<SurveyResponse>(`/api/responses/${encodeURIComponent(id)}`);
    const survey = await api<Survey>(`/api/surveys/${encodeURIComponent(found.surveyId)}`).catch(() => undefined);
    return { found, survey };
  }, [id]);
  return (
    <>
      <PageHeader title={t('response.title')}>
        <Link class="button" href="/responses">
          {t('response.all')}
        </Link>
      </PageHeader>
      <Async resource={response}>
        {({ found, survey }) => (
          <ul class="feed">
            <ResponseItem response={found} survey={survey} />
          </ul>
        )}
      </Async>
    </>
  );
}
