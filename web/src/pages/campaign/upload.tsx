import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Field, FormError } from '../../components/field';
import { ProgressBar } from '../../components/progress-bar';
import { TableWrap } from '../../components/table-wrap';
import { formatNumber, t } from '../../i18n';
import { errorsFromApi } from '../../lib/forms';
import { uploadFile } from '../../lib/upload';
import { campaignPath, type ImportReport } from './data';

/** Enough to see what is wrong with a file; the API reports every line. */
const SHOWN_REJECTIONS = 500;

type UploadState =
  | { step: 'idle' }
  | { step: 'uploading'; sent: number; total: number }
  | { step: 'done'; report: ImportReport }
  | { step: 'failed'; message: string };

function Report({ report }: { report: ImportReport }) {
  const shown = report.rejected.slice(0, SHOWN_REJECTIONS);
  return (
    <div class="stack">
      <p class="notice notice-success" role="status">
        {t('campaigns.importAccepted', { n: formatNumber(report.accepted) })}
        {report.rejected.length > 0 && ` ${t('campaigns.importRejected', { n: formatNumber(report.rejected.length) })}`}
      </p>
      {shown.length > 0 && (
        <TableWrap label={t('campaigns.importErrors')}>
          <table>
            <caption class="visually-hidden">{t('campaigns.importErrors')}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('campaigns.line')}
                </th>
                <th scope="col">{t('campaigns.reason')}</th>
                <th scope="col">{t('campaigns.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((rejection) => (
                <tr key={rejection.line}>
                  <th scope="row" class="num">
                    {rejection.line}
                  </th>
                  <td>{t(`campaigns.rejection.${rejection.reason}`)}</td>
                  <td class="break">{rejection.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {report.rejected.length > shown.length && (
        <p class="muted">{t('campaigns.importMore', { n: formatNumber(report.rejected.length - shown.length) })}</p>
      )}
    </div>
  );
}

/** Uploads a recipients CSV with a real progress bar, then lists every rejected row by its line number. */
export function RecipientUpload({ campaignId, onImported }: { campaignId: string; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ step: 'idle' });
  const [missing, setMissing] = useState(false);

  const upload = async (event: Event) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    setMissing(false);
    setState({ step: 'uploading', sent: 0, total: file.size });
    try {
      const report = await uploadFile<ImportReport>(
        campaignPath(campaignId, '/recipients.csv'),
        file,
        'text/csv',
        (sent, total) => setState({ step: 'uploading', sent, total }),
      );
      setState({ step: 'done', report });
      onImported();
    } catch (caught) {
      const errors = errorsFromApi(caught);
      const lines = caught instanceof ApiError ? (caught.problem.errors ?? []).map((e) => `${e.path}: ${e.message}`) : [];
      setState({ step: 'failed', message: [errors[''] ?? t('state.error'), ...lines].join(' ') });
    }
  };

  const uploading = state.step === 'uploading';
  return (
    <section class="card section stack" aria-labelledby="upload-title">
      <div class="section-head">
        <h2 class="section-title" id="upload-title">
          {t('campaigns.upload')}
        </h2>
        <p class="section-lead">{t('campaigns.uploadLead')}</p>
      </div>
      <form class="row" onSubmit={upload} noValidate aria-label={t('campaigns.upload')}>
        <Field label={t('campaigns.csvFile')} error={missing ? t('campaigns.chooseFile') : undefined}>
          {(control) => (
            <input
              {...control}
              type="file"
              class="input"
              accept=".csv,text/csv"
              disabled={uploading}
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" class="button button-primary" disabled={uploading}>
          {t('campaigns.uploadButton')}
        </button>
      </form>
      {uploading && (
        <div class="stack upload-progress">
          <ProgressBar value={state.sent} max={state.total} label={t('campaigns.uploadProgress')} />
          <p class="muted" aria-hidden="true">
            {state.sent < state.total
              ? t('campaigns.uploading', {
                  sent: formatNumber(state.sent / 1024, 0),
                  total: formatNumber(state.total / 1024, 0),
                })
              : t('campaigns.checking')}
          </p>
        </div>
      )}
      {state.step === 'done' && <Report report={state.report} />}
      {state.step === 'failed' && <FormError message={state.message} />}
    </section>
  );
}
