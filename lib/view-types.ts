// UI-facing shapes: what pages, the JSON API and the feed show. lib/data maps database rows
// to these; components import only these, never lib/data.

/** A row of the bisection list. */
export interface BisectionListRow {
  id: string;
  uploadedAt: string;
  /** when the bisection ran, from its log's `starts bisection` line; null when the log does not say */
  startedAt: string | null;
  type: string;
  outcome: string;
  verdict: string;
  verdictHeadline: string | null;
  crashTitle: string | null;
  startTitle: string | null;
  foundCommit: { hash: string; subject: string | null; author: string | null } | null;
  candidates: number;
  error: string | null;
  commitsTested: number;
  syzbot: SyzbotLinksView | null;
  /** developers' current marks */
  marks: { right: number; wrong: number };
}

export interface BisectionListPage {
  rows: BisectionListRow[];
  /** matches counted up to `total`; there are more */
  total: number;
  capped: boolean;
  page: number;
  per: number;
  pages: number;
  /** where the next page starts (`?after=`) and the previous one ends (`?before=`), encoded as
   *  the URL carries them; null on the last page and the first */
  after: string | null;
  before: string | null;
}

/** Where a bisection lives on syzbot (absolute URLs), as the page, the JSON and the feed show it. */
export interface SyzbotLinksView {
  logXid: string | null;
  bugExtid: string | null;
  bugId: string | null;
  bugTitle: string | null;
  logUrl: string | null;
  bugUrl: string | null;
  consoleUrl: string | null;
  configUrl: string | null;
  syzReproUrl: string | null;
  cReproUrl: string | null;
}

/** The named links of a bisection on syzbot, in the order the page shows them. */
export function syzbotLinkList(s: SyzbotLinksView | null): { label: string; href: string }[] {
  if (!s) return [];
  const bug = s.bugUrl ?? (s.bugExtid ? `https://syzkaller.appspot.com/bug?extid=${s.bugExtid}` : s.bugId ? `https://syzkaller.appspot.com/bug?id=${s.bugId}` : null);
  const log = s.logUrl ?? (s.logXid ? `https://syzkaller.appspot.com/x/bisect.txt?x=${s.logXid}` : null);
  const out: { label: string; href: string | null }[] = [
    { label: "syzbot bug", href: bug },
    { label: "bisect.txt", href: log },
    { label: "console log", href: s.consoleUrl },
    { label: ".config", href: s.configUrl },
    { label: "repro", href: s.cReproUrl ?? s.syzReproUrl },
    { label: "syz repro", href: s.cReproUrl ? s.syzReproUrl : null },
  ];
  return out.filter((l): l is { label: string; href: string } => !!l.href);
}
