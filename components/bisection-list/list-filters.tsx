import Link from "next/link";
import { BISECTION_TYPES, OUTCOME, OUTCOMES, VERDICT, VERDICTS } from "@/lib/domain/words";
import { MARK_FILTERS, type ListParams } from "@/lib/validations/list";

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
          // short enough to show whole in the box at 390 px and on a wide screen; the full list
          // of what it searches is its tooltip
          placeholder="title, hash, subject, author, file…"
          title="title, hash prefix, subject, author, function, file"
          className={`${field} w-96 max-w-full font-mono`}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-xs text-muted">Found commit touches path</span>
        <input type="text" name="path" defaultValue={params.path ?? ""} placeholder="kernel/locking/" className={`${field} w-48 font-mono`} />
      </label>
      <FilterSelect label="Type" name="type" value={params.type} options={BISECTION_TYPES} className={field} />
      <FilterSelect label="Outcome" name="outcome" value={params.outcome} options={OUTCOMES} words={OUTCOME_WORDS} className={field} />
      <FilterSelect label="Verdict" name="verdict" value={params.verdict} options={VERDICTS} words={VERDICT_WORDS} className={field} />
      <FilterSelect label="Developers" name="mark" value={params.mark} options={MARK_FILTERS} className={field} />
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

/** An option in the words the table's cells use (the URL keeps the value). */
const OUTCOME_WORDS: Record<string, string> = Object.fromEntries(
  OUTCOMES.map((o) => {
    const { cause, fix } = OUTCOME[o].label;
    return [o, cause === fix ? cause : `${cause} / ${fix}`];
  }),
);
const VERDICT_WORDS: Record<string, string> = Object.fromEntries(VERDICTS.map((v) => [v, VERDICT[v].label]));

function FilterSelect(props: { label: string; name: string; value: string | undefined; options: readonly string[]; words?: Record<string, string>; className: string }) {
  return (
    <label className="flex flex-col">
      <span className="text-xs text-muted">{props.label}</span>
      <select name={props.name} defaultValue={props.value ?? ""} className={props.className}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.words?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}
