// The loyalty panel: a modal dialog (a bottom sheet on phones) in its own shadow root with the member's
// balance, tier progress, ways to earn and the rewards, each with a redeem button that shows the code.
import { h } from '../dom';
import type { LoyaltyContext } from '../global';
import { adoptStyles } from '../panel';
import { randomId } from '../storage';
import { memberApi, type Member, type Redemption, type Rewards, type Ways } from './api';
import { STRINGS, type Language } from './strings';
import { styles } from './styles';

interface State {
  member: Member;
  ways: Ways;
  rewards: Rewards;
  redeemed?: Redemption | undefined;
  error?: string | undefined;
}

/** The open panel's dialog element; one panel at a time. */
let dialog: HTMLElement | undefined;

export function openLoyaltyPanel(context: LoyaltyContext): void {
  if (dialog?.isConnected) return dialog.focus();
  if (context.who.id === undefined || !context.who.hash) {
    console.warn(
      "Rapport: call rapport('identify', { id, hash }) with the hash from your server before opening the loyalty panel.",
    );
    return;
  }
  const lang: Language = context.locale === 'ru' ? 'ru' : 'en';
  const t = STRINGS[lang];
  const api = memberApi(context, lang);
  const number = new Intl.NumberFormat(lang);
  const plural = new Intl.PluralRules(lang);
  const points = (n: number) => `${number.format(n)} ${t.point[plural.select(n)] ?? t.point.other}`;
  /** Idempotency-Key per reward until the server has answered, so a retry after a network failure cannot redeem twice. */
  const keys: Record<string, string> = {};
  let state: State | undefined;

  const host = document.createElement('rapport-loyalty');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, styles);
  const previous = document.activeElement as HTMLElement | null;
  const panel = h('div', { class: 'p', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 't', tabindex: '-1' });
  const body = h('div', {}, h('p', { role: 'status' }, t.loading));
  const closeButton = h('button', { class: 'x', 'aria-label': t.close }, '×');
  const backdrop = h('div', { class: 'k' });
  dialog = panel;

  const close = () => {
    host.remove();
    dialog = undefined;
    if (previous?.isConnected) previous.focus();
  };

  const money = (minor: number, currency: string) => {
    const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
    return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  };

  function balance(member: Member): Node[] {
    const nodes: Node[] = [
      h(
        'p',
        {},
        h('span', { class: 'v' }, number.format(member.available)),
        ` ${t.point[plural.select(member.available)] ?? t.point.other} ${t.available}`,
      ),
    ];
    if (member.pending > 0) nodes.push(h('p', { class: 'd' }, t.pending(points(member.pending))));
    if (member.expiringSoon > 0) nodes.push(h('p', { class: 'd' }, t.expiring(points(member.expiringSoon))));
    const { current, next, qualifying, remaining } = member.tier;
    if (current) nodes.push(h('p', {}, t.tier(current.name)));
    if (next && remaining !== null) {
      const fill = h('div');
      fill.style.width = `${Math.min(100, (100 * qualifying) / Math.max(1, next.threshold))}%`;
      const bar = h(
        'div',
        {
          class: 'r',
          role: 'progressbar',
          'aria-label': t.progress(next.name),
          'aria-valuemin': '0',
          'aria-valuemax': String(next.threshold),
          'aria-valuenow': String(Math.min(qualifying, next.threshold)),
        },
        fill,
      );
      const left =
        member.tierMetric === 'spend'
          ? t.toNextSpend(money(remaining, member.currency), next.name)
          : t.toNextPoints(points(remaining), next.name);
      nodes.push(bar, h('p', { class: 'd' }, left));
    }
    return nodes;
  }

  const list = (items: Node[]) => (items.length > 0 ? h('ul', {}, ...items) : h('p', { class: 'd' }, t.none));

  function rewardItem(reward: Rewards[number], index: number): Node {
    const button = h('button', { class: 'b', 'aria-describedby': `n${index}` }, t.redeem);
    button.disabled = !reward.redeemable;
    button.onclick = () => void redeem(reward, button);
    const details = h(
      'div',
      {},
      h('strong', { id: `n${index}` }, reward.name),
      h('p', { class: 'd' }, `${reward.description} · ${points(reward.cost)}`),
    );
    if (reward.unavailableReason) details.append(h('p', { class: 'd' }, t.unavailable[reward.unavailableReason]));
    return h('li', { class: 'w' }, details, button);
  }

  function render(focusNotice = false): void {
    const { member, ways, rewards, redeemed, error } = state!;
    const notice = redeemed
      ? h(
          'div',
          { class: 'c', role: 'status', tabindex: '-1' },
          h('p', {}, t.code(redeemed.reward)),
          h('code', {}, redeemed.code),
          copyButton(redeemed.code),
        )
      : error
        ? h('p', { role: 'alert', tabindex: '-1' }, error)
        : undefined;
    body.replaceChildren(
      ...balance(member),
      h('h3', {}, t.earn),
      list(ways.map((way) => h('li', {}, h('strong', {}, way.title), h('p', { class: 'd' }, way.description)))),
      h('h3', {}, t.rewards),
      ...(notice ? [notice] : []),
      list(rewards.map(rewardItem)),
    );
    if (focusNotice) notice?.focus();
  }

  function copyButton(code: string): HTMLButtonElement {
    const button = h('button', { class: 'b' }, t.copy);
    button.onclick = async () => {
      await navigator.clipboard?.writeText(code);
      button.textContent = t.copied;
    };
    return button;
  }

  async function redeem(reward: Rewards[number], button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    button.textContent = t.redeeming;
    const key = (keys[reward.id] ??= randomId());
    try {
      const redeemed = await api.redeem(reward.id, key);
      delete keys[reward.id];
      const [member, rewards] = await Promise.all([api.member(), api.rewards()]);
      state = { ...state!, member, rewards, redeemed, error: undefined };
    } catch (error) {
      // fetch rejects with a TypeError only when no answer came back: keep the key for the retry.
      if (!(error instanceof TypeError)) delete keys[reward.id];
      state = { ...state!, redeemed: undefined, error: (error as Error).message };
    }
    render(true);
  }

  panel.onkeydown = (event) => {
    if (event.key === 'Escape') close();
    if (event.key !== 'Tab') return;
    // A modal keeps Tab inside itself.
    const focusable = [...panel.querySelectorAll<HTMLElement>('button:not(:disabled)')];
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey ? root.activeElement === first || root.activeElement === panel : root.activeElement === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  };
  closeButton.onclick = close;
  backdrop.onclick = close;

  panel.append(h('h2', { id: 't' }, t.title), closeButton, body);
  root.append(backdrop, panel);
  document.body.append(host);
  panel.focus();

  Promise.all([api.member(), api.earning(), api.rewards()]).then(
    ([member, ways, rewards]) => {
      state = { member, ways, rewards };
      render();
    },
    (error: Error) => {
      console.warn('Rapport:', error.message);
      body.replaceChildren(h('p', { role: 'alert' }, t.failed));
    },
  );
}
