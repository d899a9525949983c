import { useState } from 'preact/hooks';
import { api, type Page } from '../api';
import { FormError, SelectField, TextAreaField, TextField } from '../components/field';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { language, t } from '../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../lib/forms';
import { Link, navigate } from '../lib/router';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import { CreateCampaign } from '../../../worker/email/schemas';
import type { Survey } from '../../../worker/surveys/schemas';
import type { CampaignItem } from './campaign/data';

const LOCALES = ['en', 'ru'] as const;
type CampaignLocale = (typeof LOCALES)[number];

interface LocaleDraft {
  enabled: boolean;
  subject: string;
  intro: string;
}

interface Draft {
  name: string;
  surveyId: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
  /** `<input type="datetime-local">` value in the browser's time zone; empty = start by hand. */
  sendAt: string;
  texts: Record<CampaignLocale, LocaleDraft>;
}

const SUBJECTS: Record<CampaignLocale, (company: string) => string> = {
  en: (company) => `A quick question from ${company}`,
  ru: (company) => `Короткий вопрос от ${company}`,
};

function newDraft(company: string, surveyId: string): Draft {
  const texts = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      { enabled: locale === (language() === 'ru' ? 'ru' : 'en'), subject: SUBJECTS[locale](company), intro: '' },
    ]),
  ) as Record<CampaignLocale, LocaleDraft>;
  return { name: '', surveyId, fromName: company, fromEmail: '', replyTo: '', sendAt: '', texts };
}

/** The API's CreateCampaign input: only enabled languages, and no empty optional fields. */
function campaignInput(draft: Draft) {
  const texts: Record<string, { subject: string; intro?: string }> = {};
  for (const locale of LOCALES) {
    const { enabled, subject, intro } = draft.texts[locale];
    if (enabled) texts[locale] = { subject, ...(intro.trim() ? { intro } : {}) };
  }
  const sendAt = draft.sendAt ? new Date(draft.sendAt) : null;
  return {
    name: draft.name,
    surveyId: draft.surveyId,
    fromName: draft.fromName,
    fromEmail: draft.fromEmail,
    ...(draft.replyTo.trim() ? { replyTo: draft.replyTo.trim() } : {}),
    texts,
    ...(sendAt && !Number.isNaN(sendAt.getTime()) ? { sendAt: sendAt.toISOString() } : {}),
  };
}

function LocaleTexts({
  locale,
  texts,
  onChange,
  errors,
}: {
  locale: CampaignLocale;
  texts: LocaleDraft;
  onChange: (texts: LocaleDraft) => void;
  errors: FieldErrors;
}) {
  const languageName = t(`surveys.locale.${locale}`);
  return (
    <fieldset class="locale-block" lang={locale}>
      <legend class="visually-hidden">{languageName}</legend>
      <label class="checkbox" lang={language()}>
        <input
          type="checkbox"
          checked={texts.enabled}
          onChange={(event) => onChange({ ...texts, enabled: event.currentTarget.checked })}
        />
        {t('campaigns.sendInLanguage', { language: languageName })}
      </label>
      {texts.enabled && (
        <div class="stack locale-fields">
          <TextField
            label={`${t('campaigns.subject')} · ${languageName}`}
            value={texts.subject}
            onValue={(subject) => onChange({ ...texts, subject })}
            error={errors[`texts.${locale}.subject`]}
            required
          />
          <TextAreaField
            label={`${t('campaigns.intro')} · ${languageName}`}
            rows={3}
            value={texts.intro}
            onValue={(intro) => onChange({ ...texts, intro })}
            error={errors[`texts.${locale}.intro`]}
            hint={t('campaigns.introHint')}
            optional
          />
        </div>
      )}
    </fieldset>
  );
}

function CampaignForm({ surveys }: { surveys: Survey[] }) {
  const { me, canEdit } = useSession();
  const [draft, setDraft] = useState(() => newDraft(me.tenant.name, surveys[0]?.id ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = validate(CreateCampaign, campaignInput(draft));
    if (!checked.ok) return setErrors({ '': t('form.fixErrors'), ...checked.errors });
    setErrors({});
    setBusy(true);
    try {
      const created = await api<CampaignItem>('/api/campaigns', { method: 'POST', body: checked.data });
      navigate(`/campaigns/${encodeURIComponent(created.id)}`, { replace: true });
    } catch (caught) {
      setErrors(errorsFromApi(caught));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('campaigns.new')} class="campaign-form">
      <fieldset disabled={!canEdit} class="stack">
        <section class="card stack" aria-labelledby="campaign-basics">
          <h2 class="section-title" id="campaign-basics">
            {t('surveys.basics')}
          </h2>
          <TextField label={t('campaigns.name')} value={draft.name} onValue={set('name')} error={errors.name} required />
          <SelectField
            label={t('campaigns.survey')}
            value={draft.surveyId}
            onValue={set('surveyId')}
            error={errors.surveyId}
            options={surveys.map((survey) => ({ value: survey.id, label: survey.name }))}
          />
          <div class="row row-top">
            <TextField
              label={t('campaigns.fromName')}
              value={draft.fromName}
              onValue={set('fromName')}
              error={errors.fromName}
              required
            />
            <TextField
              label={t('campaigns.fromEmail')}
              type="email"
              value={draft.fromEmail}
              onValue={set('fromEmail')}
              error={errors.fromEmail}
              autoComplete="off"
              required
            />
            <TextField
              label={t('campaigns.replyTo')}
              type="email"
              value={draft.replyTo}
              onValue={set('replyTo')}
              error={errors.replyTo}
              autoComplete="off"
              optional
            />
          </div>
          <TextField
            label={t('campaigns.sendAt')}
            type="datetime-local"
            value={draft.sendAt}
            onValue={set('sendAt')}
            error={errors.sendAt}
            hint={t('campaigns.sendAtHint')}
            optional
          />
        </section>
        <section class="card" aria-labelledby="campaign-texts">
          <div class="section-head">
            <h2 class="section-title" id="campaign-texts">
              {t('campaigns.texts')}
            </h2>
            <p class="section-lead">{t('campaigns.textsLead')}</p>
          </div>
          {LOCALES.map((locale) => (
            <LocaleTexts
              key={locale}
              locale={locale}
              texts={draft.texts[locale]}
              onChange={(texts) => setDraft((current) => ({ ...current, texts: { ...current.texts, [locale]: texts } }))}
              errors={errors}
            />
          ))}
          {errors.texts && <p class="field-error">{errors.texts}</p>}
        </section>
        <FormError message={errors['']} />
        {canEdit && (
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              {busy ? t('form.saving') : t('campaigns.create')}
            </button>
            <Link href="/campaigns" class="button">
              {t('form.cancel')}
            </Link>
          </div>
        )}
      </fieldset>
    </form>
  );
}

export default function CampaignNew() {
  const surveys = useResource(
    () => api<Page<Survey>>('/api/surveys?limit=200').then((page) => page.data.filter((survey) => survey.status !== 'archived')),
    [],
  );
  return (
    <>
      <p class="breadcrumb">
        <Link href="/campaigns">← {t('campaigns.back')}</Link>
      </p>
      <PageHeader title={t('campaigns.new')} />
      <Async resource={surveys}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('campaigns.noSurveys')} text={t('campaigns.noSurveysText')}>
              <Link href="/surveys/new" class="button button-primary">
                {t('surveys.new')}
              </Link>
            </EmptyState>
          ) : (
            <CampaignForm surveys={data} />
          )
        }
      </Async>
    </>
  );
}
