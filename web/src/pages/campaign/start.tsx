import { useState } from 'preact/hooks';
import { api } from '../../api';
import { FormError } from '../../components/field';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { errorsFromApi } from '../../lib/forms';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
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
  const start = async () => {
    setBusy(true);
    setError('');
    try {
      onStarted(await api<CampaignItem>(campaignPath(campaign.id, '/start'), { method: 'POST' }));
    } catch (caught) {
      setError(errorsFromApi(caught)[''] ?? t('state.error'));
    }
    setBusy(false);
    setConfirming(false);
  };
  return (
    <div class="confirm" role="group" aria-label={question}>
      <span class="confirm-text">{question}</span>
      <button type="button" class="button button-small button-primary" onClick={start} disabled={busy}>
        {scheduled ? t('campaigns.confirmScheduleButton') : t('campaigns.confirmSendButton')}
      </button>
      <button type="button" class="button button-small" onClick={() => setConfirming(false)}>
        {t('form.cancel')}
      </button>
      <FormError message={error} />
    </div>
  );
}
