import Link from "next/link";
import { OUTCOMES, VERDICTS, type ListParams } from "@/lib/validations/list";

/** The list's search and filters: a plain GET form, so the URL holds the state. */
export function ListFilters({ params, feedHref }: { params: ListParams; feedHref: string }) {
  const field = "rounded border border-line bg-bg px-1.5 py-0.5";
  return (
    <form method="get" action="/" role="search" className="mb-2 flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col">
        <span className="text-xs text-muted">
          Search <kbd className="font-mono">/</kbd>
        </span>
        <input
          type="search"
          name="q"
          defaultValue={params.q ?? ""}
          data-search-box
          placeholder="title, hash prefix, subject, author, function, file"
          className={`${field} w-96 font-mono`}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-xs text-muted">Found commit touches path</span>
        <input type="text" name="path" defaultValue={params.path ?? ""} placeholder="kernel/locking/" className={`${field} w-48 font-mono`} />
      </label>
      <label className="flex flex-col">
        <span className="text-xs text-muted">Type</span>
        <select name="type" defaultValue={params.type ?? ""} className={field}>
          <option value="">any</option>
          <option value="cause">cause</option>
          <option value="fix">fix</option>
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-xs text-muted">Outcome</span>
        <select name="outcome" defaultValue={params.outcome ?? ""} className={field}>
          <option value="">any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-xs text-muted">Verdict</span>
        <select name="verdict" defaultValue={params.verdict ?? ""} className={field}>
          <option value="">any</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      {params.sort !== "uploaded" && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir !== "desc" && <input type="hidden" name="dir" value={params.dir} />}
      {params.per !== 50 && <input type="hidden" name="per" value={params.per} />}
      <button type="submit" className="rounded border border-accent bg-accent px-2 py-0.5 text-bg">
        Filter
      </button>
      <Link href="/" className="py-0.5">
        clear
      </Link>
      <a href={feedHref} className="ml-auto py-0.5" title="Atom feed of new bisections with these filters">
        Atom feed of this list
      </a>
    </form>
  );
}
