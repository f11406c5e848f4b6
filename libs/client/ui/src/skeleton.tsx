export interface SkeletonProps {
  /** Read to screen readers instead of the grey bars ("Loading…" in the current language). */
  label: string;
  lines?: number;
  heading?: boolean;
}

/** Grey placeholder lines shown while something loads, so a page is never blank. */
export function Skeleton({ label, lines = 3, heading = true }: SkeletonProps) {
  return (
    <div className="an-skeleton" role="status">
      <span className="an-vh">{label}</span>
      {heading && <div className="an-skeleton__line an-skeleton__line--heading" aria-hidden="true" />}
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="an-skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
