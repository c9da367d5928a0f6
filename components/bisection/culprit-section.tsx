import { commitUrl, sourceUrl } from "@/lib/format";
import type { PageCommit, PageFile } from "@/lib/pages/types";

/** Merges change hundreds of files: the rest fold away. */
const SHOWN = 15;
/** ...and a merge of a whole release (11,835 files in the corpus) is not rendered in full: past
 *  this many the page links to the commit instead (each row costs every reader of the page). */
const LISTED = 1000;

function FileRow({ f, hash }: { f: PageFile; hash: string }) {
  // git's diffstat shortens long paths to `.../tail`: not a path to link or to take as whole
  const elided = f.path.startsWith(".../");
  const exact = f.insertions !== null || f.deletions !== null;
  return (
    <tr className="border-t border-line">
      <td className="pr-3 font-mono">
        {f.deleted || elided ? (
          <span title={elided ? "path shortened by git's diffstat; the log does not give it whole" : undefined}>{f.path}</span>
        ) : (
          <a href={sourceUrl(f.path, hash)}>{f.path}</a>
        )}
      </td>
      {exact ? (
        <>
          <td className="pr-2 text-right font-mono text-ok">{f.insertions ? `+${f.insertions}` : ""}</td>
          <td className="pr-2 text-right font-mono text-crash">{f.deletions ? `−${f.deletions}` : ""}</td>
        </>
      ) : (
        // git scaled its +/- bar: the log gives the count of changed lines, not the split
        <td colSpan={2} className="pr-2 text-right font-mono" title="lines changed (git's +/- bar was scaled, so the split is not in the log)">
          {f.changes ?? ""}
        </td>
      )}
      <td className="text-[0.85rem]">
        {f.created && <strong className="text-good-fg">created</strong>}
        {f.deleted && <strong className="text-bad-fg">deleted</strong>}
        {elided && <span className="text-muted">path shortened</span>}
      </td>
    </tr>
  );
}

/** The found commit in full: who, when, what it says, which files it changed. */
export function CulpritSection({ commit, word }: { commit: PageCommit; word: string }) {
  const totals = [commit.filesChanged !== null ? `${commit.filesChanged} files changed` : null, commit.insertions ? `+${commit.insertions}` : null, commit.deletions ? `−${commit.deletions}` : null].filter(Boolean).join(", ");
  return (
    <section id="culprit" aria-labelledby="culprit-h" className="mt-5">
      <h2 id="culprit-h" className="text-base font-semibold">
        {word}: <span className="font-mono">{commit.subject}</span>
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-[0.9rem]">
        <dt className="text-muted">commit</dt>
        <dd className="font-mono">
          <a href={commitUrl(commit.hash)}>{commit.hash}</a> <span className="font-sans text-muted">(git.kernel.org)</span>
        </dd>
        <dt className="text-muted">author</dt>
        <dd>
          {commit.author} {commit.authorEmail && <span className="font-mono text-muted">&lt;{commit.authorEmail}&gt;</span>}
        </dd>
        <dt className="text-muted">date</dt>
        <dd className="font-mono">{commit.dateText ?? "–"}</dd>
        {commit.mergeParents.length > 0 && (
          <>
            <dt className="text-muted">merge of</dt>
            <dd className="font-mono">{commit.mergeParents.join(" ")}</dd>
          </>
        )}
      </dl>
      {commit.message && (
        <details className="mt-1">
          <summary className="cursor-pointer text-[0.9rem] text-muted">commit message ({commit.message.split("\n").length} lines)</summary>
          <pre className="mt-1 overflow-x-auto border-l-2 border-line pl-2 font-mono text-[0.85rem] whitespace-pre-wrap">{commit.message}</pre>
        </details>
      )}
      {commit.files.length > 0 && (
        <table className="mt-1 text-[0.9rem]">
          <caption className="text-left text-muted">{totals || `${commit.files.length} files`}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">file</th>
              <th scope="col">insertions</th>
              <th scope="col">deletions</th>
              <th scope="col">status</th>
            </tr>
          </thead>
          <tbody>
            {commit.files.slice(0, SHOWN).map((f) => (
              <FileRow key={f.path} f={f} hash={commit.hash} />
            ))}
          </tbody>
        </table>
      )}
      {commit.files.length > SHOWN && (
        <details>
          <summary className="cursor-pointer text-[0.9rem] text-muted">{commit.files.length - SHOWN} more files</summary>
          <table className="text-[0.9rem]">
            <caption className="sr-only">more files changed</caption>
            <tbody>
              {commit.files.slice(SHOWN, LISTED).map((f) => (
                <FileRow key={f.path} f={f} hash={commit.hash} />
              ))}
            </tbody>
          </table>
          {commit.files.length > LISTED && (
            <p className="text-[0.9rem] text-muted" data-testid="files-not-listed">
              and {(commit.files.length - LISTED).toLocaleString("en")} more files, not listed here:{" "}
              <a href={commitUrl(commit.hash)}>the whole commit at git.kernel.org</a>
            </p>
          )}
        </details>
      )}
    </section>
  );
}
