import Link from "next/link";

/** A column header that sorts by following a link, so sorting works without JavaScript. */
export function SortLink({
  label,
  href,
  active,
  desc,
}: {
  label: string;
  href: string;
  active: boolean;
  desc: boolean;
}) {
  const arrow = active ? (desc ? "▼" : "▲") : "";
  return (
    <Link href={href} className="text-fg hover:underline" aria-label={`Sort by ${label}${active ? (desc ? ", now descending" : ", now ascending") : ""}`}>
      {label}
      <span aria-hidden className="ml-0.5 text-muted">
        {arrow}
      </span>
    </Link>
  );
}
