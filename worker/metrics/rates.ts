import { ratio } from './stats';

/** Counters per channel that rates are built from. */
export interface ExposureCounts {
  answered: number;
  /** Widget impressions. */
  displayed: number;
  /** Widget closes without a score. */
  dismissed: number;
  /** Survey emails sent. */
  sent: number;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** 0–1; null when nothing was shown or sent. */
  rate: number | null;
}

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: ratio(numerator, denominator) });

/** Answered ÷ displayed for the widget, answered ÷ sent for email; other channels have no denominator. */
export function responseRate(widget: ExposureCounts, email: ExposureCounts): Rate {
  return rate(widget.answered + email.answered, widget.displayed + email.sent);
}

export const dismissalRate = (widget: ExposureCounts): Rate => rate(widget.dismissed, widget.displayed);
