/** What shows while the first translations load: the same shapes as index.html, no words yet. */
export function BootSkeleton() {
  return (
    <div className="an-boot" aria-hidden="true">
      <div className="an-band" />
      <div className="an-boot__bar">Anyam</div>
      <div className="an-boot__lines">
        <div />
        <div />
        <div />
      </div>
    </div>
  );
}
