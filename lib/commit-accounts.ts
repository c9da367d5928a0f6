// What each log that found a commit says about it (subject, author, date, message, files),
// grouped into accounts that agree. Two accounts of one hash mean at least one log was edited
// or crafted: the commit record shows both rather than picking one silently. Pure.

export interface CulpritAccount {
  bisectionId: string;
  uploadedAt: Date;
  subject: string | null;
  author: string | null;
  authorEmail: string | null;
  dateText: string | null;
  message: string | null;
  mergeParents: string[];
  /** digest of the file list (paths with their created/deleted marks and counts) */
  filesDigest: string;
  files: number;
}

export const ACCOUNT_FIELDS = ["subject", "author", "authorEmail", "dateText", "message", "mergeParents", "files"] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export interface AccountGroup {
  /** the first log (by upload) that gave this account */
  first: CulpritAccount;
  bisectionIds: string[];
  /** fields where this account differs from the first group's (empty for the first group) */
  differs: AccountField[];
}

function fieldValue(a: CulpritAccount, f: AccountField): string {
  if (f === "mergeParents") return a.mergeParents.join(" ");
  if (f === "files") return a.filesDigest;
  return a[f] ?? "";
}

/** Accounts grouped by agreement, in upload order of their first log. */
export function groupAccounts(accounts: CulpritAccount[]): AccountGroup[] {
  const sorted = [...accounts].sort((x, y) => x.uploadedAt.getTime() - y.uploadedAt.getTime() || (x.bisectionId < y.bisectionId ? -1 : 1));
  const groups = new Map<string, AccountGroup>();
  for (const a of sorted) {
    const key = JSON.stringify(ACCOUNT_FIELDS.map((f) => fieldValue(a, f)));
    const g = groups.get(key);
    if (g) g.bisectionIds.push(a.bisectionId);
    else groups.set(key, { first: a, bisectionIds: [a.bisectionId], differs: [] });
  }
  const out = [...groups.values()];
  const base = out[0];
  for (const g of out.slice(1)) g.differs = ACCOUNT_FIELDS.filter((f) => fieldValue(g.first, f) !== fieldValue(base.first, f));
  return out;
}
