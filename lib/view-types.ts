// UI-facing shapes: what pages, the JSON API and the feed show. lib/data maps database rows
// to these; components import only these, never lib/data.

/** A row of the bisection list. */
export interface BisectionListRow {
  id: string;
  uploadedAt: string;
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
}

export interface BisectionListPage {
  rows: BisectionListRow[];
  /** matches counted up to `total`; there are more */
  total: number;
  capped: boolean;
  page: number;
  per: number;
  pages: number;
}
