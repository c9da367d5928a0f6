// Run outcomes as shapes that differ in form, not only in colour: filled square crashed,
// hollow square OK, triangle boot failed, diamond test/infra failure, circle ignored.
import type { Mark } from "@/lib/domain/words";

// Drawn by CSS (app/globals.css, `.shape`), not SVG: a page shows hundreds of runs, and each one
// is sent twice (HTML and React's payload), so each costs one short element.

/** The bare shape, decorative: the caller supplies the words or the accessible label. */
export function Shape({ mark, className = "" }: { mark: Mark; className?: string }) {
  return <i aria-hidden="true" className={`shape shape-${mark}${className ? ` ${className}` : ""}`} />;
}

/** One run: its shape, with its words as the tooltip (the strip around it carries the accessible label). */
export function RunShape({ mark, label }: { mark: Mark; label: string }) {
  // no aria-hidden: the strip around it is role="img", whose children are presentational
  return <i title={label} className={`shape shape-${mark}`} />;
}
