import { useState } from 'preact/hooks';
import { t } from '../i18n';

/** Copies `text`; the result is announced politely so screen-reader users hear it worked. */
export function CopyButton({ text, label = t('copy.copy') }: { text: string; label?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    setTimeout(() => setStatus('idle'), 2500);
  };
  return (
    <span class="copy">
      <button type="button" class="button button-small" onClick={copy}>
        {status === 'copied' ? t('copy.copied') : label}
      </button>
      <span class="visually-hidden" role="status">
        {status === 'copied' ? t('copy.copied') : status === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}

/** Read-only code with a copy button, e.g. an embed snippet or a new API key. */
export function CopyableCode({ code, label }: { code: string; label: string }) {
  return (
    <div class="copyable">
      <pre class="code" tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} />
    </div>
  );
}
