import { useState } from 'preact/hooks';
import { api } from '../../api';
import { Confirm } from '../../components/confirm';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { campaignPath, type CampaignDetail, type CampaignItem } from './data';

/** "Send now", or "Schedule" when the campaign has a future send time; asks once before anything goes out. */
export function StartCampaign({
  campaign,
  onStarted,
}: {
  campaign: CampaignDetail;
  onStarted: (campaign: CampaignItem) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const waiting = campaign.stats.recipients.pending;
  const scheduled = campaign.sendAt !== null && Date.parse(campaign.sendAt) > Date.now();
  const action = scheduled ? t('campaigns.schedule') : t('campaigns.sendNow');
  if (waiting === 0) return <p class="muted">{t('campaigns.uploadFirst')}</p>;
  if (!confirming)
    return (
      <button type="button" class="button button-primary" onClick={() => setConfirming(true)}>
        {action}
      </button>
    );
  const question = scheduled
    ? t('campaigns.confirmSchedule', { n: formatNumber(waiting), at: formatDateTime(campaign.sendAt!) })
    : t('campaigns.confirmSend', { n: formatNumber(waiting) });
  return (
    <Confirm
      question={question}
      action={scheduled ? t('campaigns.confirmScheduleButton') : t('campaigns.confirmSendButton')}
      tone="primary"
      onConfirm={async () => {
        onStarted(await api<CampaignItem>(campaignPath(campaign.id, '/start'), { method: 'POST' }));
        setConfirming(false);
      }}
      onCancel={() => setConfirming(false)}
    />
  );
}
