/**
 * Stands in for a panel while its data streams in (inside a `<Suspense>` fallback). It takes the
 * panel's place at the panel's size, so nothing below it jumps when the panel arrives, and tells
 * screen-reader users what is still loading; `aria-busy` marks it as not ready yet.
 */
export function PanelSkeleton({ label, className = '', children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div aria-busy="true" className={className}>
      <p className="sr-only">{`Loading ${label}…`}</p>
      {children}
    </div>
  );
}

/** A skeleton of a few lines, one grey block for each entry of `blocks` (that block's size, as for `SkeletonBlock`). */
export function SkeletonLines({ label, className, blocks }: { label: string; className?: string; blocks: readonly string[] }) {
  return (
    <PanelSkeleton label={label} className={className}>
      {blocks.map((block, index) => (
        <SkeletonBlock key={index} className={block} />
      ))}
    </PanelSkeleton>
  );
}

/** One grey block of a skeleton; its size comes from `className` (height, width, grid span). */
export function SkeletonBlock({ className }: { className: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-xl bg-slate-200 ${className}`} />;
}
