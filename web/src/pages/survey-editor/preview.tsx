import { t } from '../../i18n';
import { SCALES } from '../../../../worker/responses/scoring';
import type { Draft, EditorLocale } from './draft';

/** How the widget will ask, in the first enabled language, with the survey's colour and scale. */
export function Preview({ draft }: { draft: Draft }) {
  const locale = (['en', 'ru'] as const).find((code: EditorLocale) => draft.texts[code].enabled) ?? 'en';
  const texts = draft.texts[locale];
  const scale = SCALES[draft.kind];
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
  return (
    <figure class="preview" style={{ margin: 0 }}>
      <figcaption class="kpi-label" style={{ marginBottom: '8px' }}>
        {t('surveys.preview')}
      </figcaption>
      <div class="preview-widget" lang={locale} style={{ borderTop: `4px solid ${draft.settings.brandColor}` }}>
        <p class="preview-question">{texts.question || '…'}</p>
        <div class="preview-scale" style={{ gridTemplateColumns: `repeat(${scores.length}, minmax(0, 1fr))` }} aria-hidden="true">
          {scores.map((score) => (
            <span key={score}>{score}</span>
          ))}
        </div>
        <div class="preview-labels" aria-hidden="true">
          <span>{texts.lowLabel}</span>
          <span>{texts.highLabel}</span>
        </div>
        <p class="hint" style={{ marginTop: '12px' }}>
          {texts.followUp}
        </p>
      </div>
    </figure>
  );
}
