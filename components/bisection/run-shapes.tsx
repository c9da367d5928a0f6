// Run outcomes as shapes that differ in form, not only in colour: filled square crashed,
// hollow square OK, triangle boot failed, diamond test/infra failure, circle ignored.
import type { Mark } from "@/lib/domain/words";

const COLOUR: Record<Mark, string> = {
  crashed: "text-crash",
  ok: "text-ok",
  boot: "text-boot",
  failed: "text-infra",
  ignored: "text-ignored",
  none: "text-muted",
};

function path(mark: Mark) {
  switch (mark) {
    case "crashed":
      return <rect x="1" y="1" width="8" height="8" fill="currentColor" />;
    case "ok":
      return <rect x="1.5" y="1.5" width="7" height="7" fill="none" stroke="currentColor" strokeWidth="1.4" />;
    case "boot":
      return <path d="M5 0.8 L9.4 9 H0.6 Z" fill="currentColor" />;
    case "failed":
      return <path d="M5 0.3 L9.7 5 L5 9.7 L0.3 5 Z" fill="currentColor" />;
    case "ignored":
      return <circle cx="5" cy="5" r="3.6" fill="none" stroke="currentColor" strokeWidth="1.4" />;
    default:
      return <path d="M1 5 H9" stroke="currentColor" strokeWidth="1.4" />;
  }
}

/** The bare shape, decorative: the caller supplies the words or the accessible label. */
export function Shape({ mark, className = "" }: { mark: Mark; className?: string }) {
  return (
    <svg viewBox="0 0 10 10" width="9" height="9" aria-hidden="true" className={`inline-block shrink-0 ${COLOUR[mark]} ${className}`}>
      {path(mark)}
    </svg>
  );
}

/** One run as a labelled image. */
export function RunShape({ mark, label }: { mark: Mark; label: string }) {
  return (
    <span role="img" aria-label={label} title={label} className="inline-flex h-3 w-2.5 items-center justify-center">
      <Shape mark={mark} />
    </span>
  );
}
