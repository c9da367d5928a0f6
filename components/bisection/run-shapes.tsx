// Run outcomes as shapes that differ in form, not only in colour: filled square crashed,
// hollow square OK, triangle boot failed, slashed circle failed basic testing, diamond infra or
// other failure, circle ignored.
import type { Mark } from "@/lib/domain/words";

// Drawn by CSS (app/globals.css, `.shape`), not SVG: a page shows hundreds of runs, and each one
// is sent twice (HTML and React's payload), so each costs one short element.

/** The bare shape, decorative: the caller supplies the words or the accessible label. */
export function Shape({ mark, className = "" }: { mark: Mark; className?: string }) {
  return <i aria-hidden="true" className={`shape shape-${mark}${className ? ` ${className}` : ""}`} />;
}

/** Runs that ended alike: a shape each, their words as one tooltip (the strip around them
 *  carries the accessible label). A group's shapes are bare `<i>`s drawn by `.runs > i`, so
 *  the tenth alike run costs a few bytes, not its words again. */
export function RunShapes({ mark, label, count }: { mark: Mark; label: string; count: number }) {
  // no aria-hidden: the strip around it is role="img", whose children are presentational
  if (count === 1) return <i title={label} className={`shape shape-${mark}`} />;
  return (
    <span title={label} className={`runs shape-${mark}`}>
      {Array.from({ length: count }, (_, i) => (
        <i key={i} />
      ))}
    </span>
  );
}
