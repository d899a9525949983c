import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { PageHeader } from '../components/page-header';
import { Async } from '../components/states';
import { formatDateTime, t } from '../i18n';
import { Link } from '../lib/router';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import type { Survey } from '../../../worker/surveys/schemas';
import { type CampaignDetail, isLive, LIVE_REFRESH_MS, loadCampaign } from './campaign/data';
import { Recipients } from './campaign/recipients';
import { StartCampaign } from './campaign/start';
import { CampaignStats } from './campaign/stats';
import { StatusBadge } from './campaign/status-badge';
import { RecipientUpload } from './campaign/upload';

function Details({ campaign }: { campaign: CampaignDetail }) {
  const survey = useResource(() => api<Survey>(`/api/surveys/${encodeURIComponent(campaign.surveyId)}`), [campaign.surveyId]);
  const rows: Array<[string, ComponentChild]> = [
    [t('campaigns.status'), <StatusBadge status={campaign.status} />],
    [
      t('campaigns.survey'),
      <Link href={`/surveys/${encodeURIComponent(campaign.surveyId)}`}>
        {survey.state === 'ready' ? survey.data.name : campaign.surveyId}
      </Link>,
    ],
    [t('campaigns.from'), `${campaign.fromName} <${campaign.fromEmail}>`],
    [t('campaigns.sendAt'), campaign.sendAt ? formatDateTime(campaign.sendAt) : t('campaigns.byHand')],
    [t('campaigns.startedAt'), campaign.startedAt ? formatDateTime(campaign.startedAt) : '—'],
    [
      t('campaigns.languages'),
      Object.keys(campaign.texts)
        .map((locale) => locale.toUpperCase())
        .join(', '),
    ],
  ];
  return (
    <dl class="card details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CampaignView({ initial }: { initial: CampaignDetail }) {
  const { canEdit } = useSession();
  const [campaign, setCampaign] = useState(initial);
  const [version, setVersion] = useState(0);
  const refresh = () => loadCampaign(campaign.id).then(setCampaign, () => undefined);
  useEffect(() => {
    if (!isLive(campaign)) return;
    const timer = setInterval(refresh, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [campaign.id, campaign.status]);
  const changed = () => {
    setVersion(version + 1);
    void refresh();
  };
  const editable = campaign.status === 'draft' || campaign.status === 'scheduled';
  return (
    <>
      <PageHeader title={campaign.name}>
        {canEdit && campaign.status === 'draft' && <StartCampaign campaign={campaign} onStarted={changed} />}
      </PageHeader>
      <Details campaign={campaign} />
      <CampaignStats campaign={campaign} />
      {canEdit && editable && <RecipientUpload campaignId={campaign.id} onImported={changed} />}
      <Recipients campaignId={campaign.id} version={version} />
    </>
  );
}

export default function Campaign({ id }: { id?: string }) {
  const campaign = useResource(() => loadCampaign(id ?? ''), [id]);
  return (
    <>
      <p class="breadcrumb">
        <Link href="/campaigns">← {t('campaigns.back')}</Link>
      </p>
      {campaign.state !== 'ready' && <PageHeader title={t('campaigns.title')} />}
      <Async resource={campaign}>{(data) => <CampaignView key={data.id} initial={data} />}</Async>
    </>
  );
}
