import { syzbotLinkList, type SyzbotLinksView } from "@/lib/view-types";

/** The bisection on syzbot: its bug, its log and the bug's artifacts. */
export function SyzbotLinks({ syzbot }: { syzbot: SyzbotLinksView | null }) {
  const links = syzbotLinkList(syzbot);
  if (!links.length) return null;
  return (
    <nav aria-label="On syzbot" className="mt-1 flex flex-wrap items-baseline gap-x-3 text-[0.9rem]">
      <span className="text-muted">on syzbot{syzbot?.bugTitle ? ` (${syzbot.bugTitle})` : ""}:</span>
      {links.map((l) => (
        <a key={l.label} href={l.href} className="underline" rel="noopener noreferrer">
          {l.label}
        </a>
      ))}
    </nav>
  );
}
