/** A determinate progress bar; `aria-valuenow` is the whole percent screen readers announce. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.min(100, Math.floor((100 * value) / max)) : 0;
  return (
    <div
      class="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
    >
      <div class="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
