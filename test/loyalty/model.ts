/**
 * A reference model of one member's points, written independently of the worker's code:
 * lots spent oldest first, pending lots activated by the scheduler, per-lot expiry, refunds
 * reversed in proportion (pending first), and debts paid off by new points.
 */
const DAY = 86_400_000;

interface Lot {
  seq: number;
  points: number;
  remaining: number;
  pending: boolean;
  availableAt: number;
  expiresAt: number;
  createdAt: number;
}

interface ModelOrder {
  total: number;
  refunded: number;
  awarded: number;
  reversed: number;
  lot: Lot | null;
}

/** 2 months later, same day of month, clamped to the month's last day. */
function twoMonthsLater(millis: number): number {
  const d = new Date(millis);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), daysInTarget));
  return target.getTime();
}

export class PointsModel {
  available = 0;
  pending = 0;
  private lots: Lot[] = [];
  private seq = 0;
  readonly orders = new Map<string, ModelOrder>();
  readonly redemptions: Array<{ cost: number; cancelled: boolean }> = [];

  constructor(
    private readonly allowNegative: boolean,
    private readonly pendingDays: number,
  ) {}

  private addLot(points: number, createdAt: number, availableAt: number, now: number): Lot {
    const pending = availableAt > now;
    const lot: Lot = { seq: this.seq++, points, remaining: points, pending, availableAt, expiresAt: twoMonthsLater(createdAt), createdAt };
    if (pending) this.pending += points;
    else this.creditAvailable(lot, points);
    this.lots.push(lot);
    return lot;
  }

  /** New available points first pay off a negative balance. */
  private creditAvailable(lot: Lot, points: number): void {
    lot.remaining = Math.max(0, Math.min(points, points + this.available));
    this.available += points;
  }

  private oldestFirst(first?: Lot | null): Lot[] {
    const lots = this.lots.filter((lot) => !lot.pending && lot.remaining > 0).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
    return first ? [...lots.filter((lot) => lot === first), ...lots.filter((lot) => lot !== first)] : lots;
  }

  private take(points: number, first?: Lot | null): void {
    let left = points;
    for (const lot of this.oldestFirst(first)) {
      const taken = Math.min(left, lot.remaining);
      lot.remaining -= taken;
      left -= taken;
    }
    this.available -= points;
  }

  order(id: string, total: number, occurredAt: number, now: number): number {
    const awarded = Math.floor(total / 100);
    const lot = awarded > 0 ? this.addLot(awarded, occurredAt, occurredAt + this.pendingDays * DAY, now) : null;
    this.orders.set(id, { total, refunded: 0, awarded, reversed: 0, lot });
    return awarded;
  }

  /** Returns false when the refund must be refused (beyond the order total). */
  refund(id: string, amount: number): boolean {
    const order = this.orders.get(id)!;
    if (order.refunded + amount > order.total) return false;
    order.refunded += amount;
    const reversal = Math.floor((order.awarded * order.refunded) / order.total) - order.reversed;
    order.reversed += reversal;
    const fromPending = order.lot?.pending ? Math.min(reversal, order.lot.remaining) : 0;
    if (order.lot && fromPending > 0) {
      order.lot.remaining -= fromPending;
      this.pending -= fromPending;
    }
    const due = reversal - fromPending;
    this.take(this.allowNegative ? due : Math.min(due, Math.max(0, this.available)), order.lot);
    return true;
  }

  /** Spending (redemption, negative adjustment): false when the balance is too low. */
  spend(points: number): boolean {
    if (this.available < points) return false;
    this.take(points);
    return true;
  }

  /** Adjustments and cancelled redemptions: available at once. */
  grant(points: number, now: number): void {
    this.addLot(points, now, now, now);
  }

  /** One scheduler run: activation first, then expiry of what is left in each lot. */
  runScheduler(clock: number): void {
    for (const lot of this.lots) {
      if (lot.pending && lot.availableAt <= clock) {
        lot.pending = false;
        this.pending -= lot.remaining;
        this.creditAvailable(lot, lot.remaining);
      }
    }
    for (const lot of this.lots) {
      if (!lot.pending && lot.remaining > 0 && lot.expiresAt <= clock) {
        this.available -= lot.remaining;
        lot.remaining = 0;
      }
    }
  }

  expiringWithin30Days(now: number): number {
    return this.lots.filter((lot) => !lot.pending && lot.expiresAt <= now + 30 * DAY).reduce((sum, lot) => sum + lot.remaining, 0);
  }
}
