import { useState } from 'preact/hooks';
import { api } from '../api';
import { Field, FormError, SelectField, TextAreaField, TextField } from '../components/field';
import { PageHeader } from '../components/page-header';
import { Async } from '../components/states';
import { language, t } from '../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../lib/forms';
import { Link, navigate, useLocation } from '../lib/router';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import { CreateSurvey, type Survey, SURVEY_KINDS, SURVEY_STATUSES, UpdateSurvey } from '../../../worker/surveys/schemas';
import {
  type Draft,
  draftFromSurvey,
  EDITOR_LOCALES,
  type EditorLocale,
  newDraft,
  surveyInput,
  withKind,
} from './survey-editor/draft';
import { Embed } from './survey-editor/embed';
import { Preview } from './survey-editor/preview';
import { DisplaySettings } from './survey-editor/display-settings';

export type SetDraft = (update: (draft: Draft) => Draft) => void;

function LocaleTexts({
  locale,
  draft,
  setDraft,
  errors,
}: {
  locale: EditorLocale;
  draft: Draft;
  setDraft: SetDraft;
  errors: FieldErrors;
}) {
  const texts = draft.texts[locale];
  const set = (field: keyof typeof texts) => (value: string | boolean) =>
    setDraft((current) => ({ ...current, texts: { ...current.texts, [locale]: { ...current.texts[locale], [field]: value } } }));
  const error = (path: string) => errors[`texts.${locale}.${path}`];
  const languageName = t(`surveys.locale.${locale}`);
  return (
    <fieldset class="locale-block" lang={locale}>
      <legend class="visually-hidden">{languageName}</legend>
      <label class="checkbox" lang={language()}>
        <input type="checkbox" checked={texts.enabled} onChange={(event) => set('enabled')(event.currentTarget.checked)} />
        {t('surveys.enableLocale', { language: languageName })}
      </label>
      {texts.enabled && (
        <div class="stack" style={{ marginTop: '14px' }}>
          <TextField
            label={`${t('surveys.question')} · ${languageName}`}
            value={texts.question}
            onValue={set('question')}
            error={error('question')}
            required
          />
          <div class="row">
            <TextField
              label={t('surveys.lowLabel')}
              value={texts.lowLabel}
              onValue={set('lowLabel')}
              error={error('lowLabel')}
              optional
            />
            <TextField
              label={t('surveys.highLabel')}
              value={texts.highLabel}
              onValue={set('highLabel')}
              error={error('highLabel')}
              optional
            />
          </div>
          <TextField
            label={t('surveys.followUp')}
            value={texts.followUp}
            onValue={set('followUp')}
            error={error('followUp.default')}
            required
          />
          <div class="row row-top">
            {(['detractor', 'passive', 'promoter'] as const).map((category) => (
              <TextField
                key={category}
                label={t('surveys.followUpFor', { category: t(`category.one.${category}`) })}
                value={texts[category]}
                onValue={set(category)}
                error={error(`followUp.${category}`)}
                hint={t('surveys.followUpHint')}
                optional
              />
            ))}
          </div>
          <TextAreaField
            label={t('surveys.thankYou')}
            rows={2}
            value={texts.thankYou}
            onValue={set('thankYou')}
            error={error('thankYou')}
            required
          />
        </div>
      )}
    </fieldset>
  );
}

function Editor({ initial, survey }: { initial: Draft; survey: Survey | null }) {
  const { canEdit } = useSession();
  const { query } = useLocation();
  const [draft, setDraftState] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'created'>(query.has('created') ? 'created' : 'idle');
  const setDraft: SetDraft = (update) => {
    setDraftState(update);
    if (state === 'saved' || state === 'created') setState('idle');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const { kind, ...changes } = surveyInput(draft);
    const checked = survey ? validate(UpdateSurvey, changes) : validate(CreateSurvey, { kind, ...changes });
    if (!checked.ok) return setErrors({ '': t('form.fixErrors'), ...checked.errors });
    setErrors({});
    setState('saving');
    try {
      const saved = survey
        ? await api<Survey>(`/api/surveys/${encodeURIComponent(survey.id)}`, { method: 'PATCH', body: checked.data })
        : await api<Survey>('/api/surveys', { method: 'POST', body: checked.data });
      if (!survey) return navigate(`/surveys/${encodeURIComponent(saved.id)}?created=1`, { replace: true });
      setState('saved');
    } catch (caught) {
      setErrors(errorsFromApi(caught));
      setState('idle');
    }
  };

  return (
    <div class="editor">
      <form onSubmit={save} noValidate aria-label={survey ? t('surveys.edit') : t('surveys.new')}>
        <fieldset disabled={!canEdit} class="stack">
          <section class="card" aria-labelledby="basics-title">
            <h2 class="section-title section-head" id="basics-title">
              {t('surveys.basics')}
            </h2>
            <div class="stack">
              <TextField
                label={t('surveys.name')}
                value={draft.name}
                onValue={(name) => setDraft((current) => ({ ...current, name }))}
                error={errors.name}
                required
              />
              <div class="row">
                <SelectField
                  label={t('surveys.kind')}
                  value={draft.kind}
                  disabled={survey !== null}
                  options={SURVEY_KINDS.map((kind) => ({ value: kind, label: t(`surveys.kind.${kind}`) }))}
                  onValue={(kind) => setDraft((current) => withKind(current, kind))}
                />
                <SelectField
                  label={t('surveys.status')}
                  value={draft.status}
                  options={SURVEY_STATUSES.map((status) => ({ value: status, label: t(`surveys.status.${status}`) }))}
                  onValue={(status) => setDraft((current) => ({ ...current, status }))}
                  error={errors.status}
                />
              </div>
            </div>
          </section>
          <section class="card" aria-labelledby="texts-title">
            <div class="section-head">
              <h2 class="section-title" id="texts-title">
                {t('surveys.texts')}
              </h2>
              <p class="section-lead">{t('surveys.textsLead')}</p>
            </div>
            {EDITOR_LOCALES.map((locale) => (
              <LocaleTexts key={locale} locale={locale} draft={draft} setDraft={setDraft} errors={errors} />
            ))}
            {errors.texts && <p class="field-error">{errors.texts}</p>}
          </section>
          <DisplaySettings draft={draft} setDraft={setDraft} errors={errors} />
          <FormError message={errors['']} />
          {canEdit && (
            <div class="form-actions">
              <button type="submit" class="button button-primary" disabled={state === 'saving'}>
                {state === 'saving' ? t('form.saving') : survey ? t('form.save') : t('form.create')}
              </button>
              <Link href="/surveys" class="button">
                {t('form.cancel')}
              </Link>
              {(state === 'saved' || state === 'created') && (
                <span class="saved" role="status">
                  {state === 'created' ? t('surveys.created') : t('form.saved')}
                </span>
              )}
            </div>
          )}
        </fieldset>
      </form>
      <aside class="stack preview-column" aria-label={t('surveys.preview')}>
        <Preview draft={draft} />
        {survey && <Embed />}
      </aside>
    </div>
  );
}

export default function SurveyEditor({ id }: { id?: string }) {
  const survey = useResource(() => (id ? api<Survey>(`/api/surveys/${encodeURIComponent(id)}`) : Promise.resolve(null)), [id]);
  const title = id ? t('surveys.edit') : t('surveys.new');
  return (
    <>
      <p class="breadcrumb">
        <Link href="/surveys">← {t('surveys.back')}</Link>
      </p>
      <PageHeader title={survey.state === 'ready' && survey.data ? survey.data.name : title} />
      <Async resource={survey}>
        {(found) => <Editor initial={found ? draftFromSurvey(found) : newDraft('nps', language())} survey={found} />}
      </Async>
    </>
  );
}
