import { api, type Page } from '../api';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { TableWrap } from '../components/table-wrap';
import { formatDateTime, t } from '../i18n';
import { Link } from '../lib/router';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import { StatusBadge } from './campaign/status-badge';
import type { CampaignItem } from './campaign/data';

export default function Campaigns() {
  const { canEdit } = useSession();
  const campaigns = useResource(() => api<Page<CampaignItem>>('/api/campaigns?limit=200'), []);
  const newButton = canEdit && (
    <Link href="/campaigns/new" class="button button-primary">
      {t('campaigns.new')}
    </Link>
  );
  return (
    <>
      <PageHeader title={t('campaigns.title')} lead={t('campaigns.lead')}>
        {newButton}
      </PageHeader>
      <Async resource={campaigns}>
        {({ data }) =>
          data.length === 0 ? (
            <EmptyState title={t('campaigns.empty')} text={t('campaigns.emptyText')}>
              {newButton}
            </EmptyState>
          ) : (
            <TableWrap label={t('campaigns.title')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.name')}</th>
                    <th scope="col">{t('campaigns.status')}</th>
                    <th scope="col">{t('campaigns.sendAt')}</th>
                    <th scope="col">{t('campaigns.startedAt')}</th>
                    <th scope="col">{t('campaigns.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((campaign) => (
                    <tr key={campaign.id}>
                      <td>
                        <Link href={`/campaigns/${encodeURIComponent(campaign.id)}`}>{campaign.name}</Link>
                      </td>
                      <td>
                        <StatusBadge status={campaign.status} />
                      </td>
                      <td>{campaign.sendAt ? formatDateTime(campaign.sendAt) : '—'}</td>
                      <td>{campaign.startedAt ? formatDateTime(campaign.startedAt) : '—'}</td>
                      <td>{formatDateTime(campaign.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </>
  );
}
