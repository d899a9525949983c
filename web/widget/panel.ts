import type { UiStrings, WidgetSurvey } from '../../worker/widget/schemas';
import { h } from './dom';
import { styles } from './styles';

export interface PanelEvents {
  /** A score was picked (click, tap, Enter or Space); `honeypot` is what a bot typed into the hidden field. */
  score(score: number, honeypot: string): void;
  comment(text: string): void;
  /** The panel is gone, whichever way it was closed. */
  closed(): void;
}

const ARROWS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
const THANK_YOU_MS = 4000;

export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Browsers without constructable stylesheets; a <style> element needs style-src to allow it under CSP.
    root.append(h('style', {}, css));
  }
}

/** Renders the survey in a shadow root: score, then follow-up comment, then thank-you. */
export function openPanel(survey: WidgetSurvey, ui: UiStrings, on: PanelEvents): void {
  const host = document.createElement('rapport-widget');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, styles(survey.brandColor));
  const modal = survey.position === 'center';
  const previous = document.activeElement as HTMLElement | null;
  const panel = h('div', {
    class: `p ${modal ? 'c' : survey.position === 'bottom-left' ? 'l' : ''}`,
    role: 'dialog',
    'aria-labelledby': 'q',
    tabindex: '-1',
    ...(modal ? { 'aria-modal': 'true' } : {}),
  });
  const body = h('div');
  const honeypot = h('input', { class: 'h', tabindex: '-1', autocomplete: 'off', 'aria-hidden': 'true' });
  const closeButton = h('button', { class: 'x', 'aria-label': ui.close }, '×');
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    if (!host.isConnected) return;
    const focusWasInside = root.activeElement !== null;
    clearTimeout(timer);
    host.remove();
    if (focusWasInside) previous?.focus();
    on.closed();
  };

  const thank = () => {
    body.replaceChildren(h('p', { class: 't', role: 'status' }, survey.thankYou));
    panel.focus();
    timer = setTimeout(close, THANK_YOU_MS);
  };

  const followUp = (score: number) => {
    const band = score >= survey.high ? 2 : score >= survey.middle ? 1 : 0;
    const text = h('textarea', { id: 'c', maxlength: '5000' });
    const form = h('form', {}, h('label', { for: 'c', class: 't' }, survey.followUp[band]!), text, h('button', { class: 'b' }, ui.send));
    form.onsubmit = (event) => {
      event.preventDefault();
      if (text.value.trim()) on.comment(text.value.trim());
      thank();
    };
    body.replaceChildren(form);
    text.focus();
  };

  const count = survey.max - survey.min + 1;
  const radios: HTMLButtonElement[] = [];
  for (let value = survey.min; value <= survey.max; value++) {
    const radio = h('button', { role: 'radio', 'aria-checked': 'false', tabindex: value === survey.min ? '0' : '-1' }, String(value));
    radio.onclick = () => {
      on.score(value, honeypot.value);
      followUp(value);
    };
    radios.push(radio);
  }
  radios[0]!.setAttribute('aria-describedby', 'lo');
  radios[count - 1]!.setAttribute('aria-describedby', 'hi');
  const group = h('div', { role: 'radiogroup', 'aria-labelledby': 'q', class: count > 7 ? 's n' : 's' }, ...radios);
  group.onkeydown = (event) => {
    const step = ARROWS[event.key];
    const at = radios.indexOf(root.activeElement as HTMLButtonElement);
    if (!step || at < 0) return;
    event.preventDefault();
    const next = radios[(at + step + count) % count]!;
    for (const radio of radios) {
      radio.setAttribute('aria-checked', String(radio === next));
      radio.tabIndex = radio === next ? 0 : -1;
    }
    next.focus();
  };

  panel.onkeydown = (event) => {
    if (event.key === 'Escape') close();
    if (event.key !== 'Tab' || !modal) return;
    // A modal keeps Tab inside itself.
    const focusable = [...panel.querySelectorAll<HTMLElement>('[tabindex="0"],textarea,.b,.x')];
    const edge = event.shiftKey ? focusable[0] : focusable[focusable.length - 1];
    if (root.activeElement === edge || root.activeElement === panel) {
      event.preventDefault();
      (event.shiftKey ? focusable[focusable.length - 1] : focusable[0])!.focus();
    }
  };
  closeButton.onclick = close;

  body.append(
    h('p', { id: 'q', class: 't' }, survey.question),
    group,
    h('div', { class: 'e' }, h('span', { id: 'lo' }, survey.lowLabel), h('span', { id: 'hi' }, survey.highLabel)),
    honeypot,
  );
  panel.append(body, closeButton);
  if (modal) {
    const backdrop = h('div', { class: 'k' });
    backdrop.onclick = close;
    root.append(backdrop);
  }
  root.append(panel);
  document.body.append(host);
  // Never steal focus from someone typing; otherwise move it in so keyboard users find the survey.
  if (modal || !previous?.matches('input,textarea,select,[contenteditable]')) panel.focus();
}
