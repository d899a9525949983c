import type { ComponentChildren } from 'preact';

/** One headline number with its label and small print (sample size, interval, change). */
export function Kpi({ label, value, children }: { label: string; value: string; children?: ComponentChildren }) {
  return (
    <section class="card kpi" aria-label={label}>
      <h2 class="kpi-label">{label}</h2>
      <p class="kpi-value">{value}</p>
      {children && <div class="kpi-meta">{children}</div>}
    </section>
  );
}
