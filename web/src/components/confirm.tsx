import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { messageOf } from '../lib/forms';
import { FormError } from './field';

/**
 * An inline "are you sure?" for an action with consequences: the question, the action and Cancel. A refused
 * call shows its message here and leaves the question open.
 */
export function Confirm({
  question,
  action,
  tone,
  onConfirm,
  onCancel,
}: {
  question: string;
  action: string;
  tone: 'primary' | 'danger';
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const confirm = async () => {
    setBusy(true);
    setError('');
    try {
      await onConfirm();
    } catch (caught) {
      setError(messageOf(caught));
    }
    setBusy(false);
  };
  return (
    <div class="confirm" role="group" aria-label={question}>
      <span class="confirm-text">{question}</span>
      <button type="button" class={`button button-small button-${tone}`} onClick={() => void confirm()} disabled={busy}>
        {action}
      </button>
      <button type="button" class="button button-small" onClick={onCancel}>
        {t('form.cancel')}
      </button>
      <FormError message={error} />
    </div>
  );
}
