import { commitUrl, sourceUrl } from "@/lib/format";
import { LISTED, type CulpritView } from "@/lib/pages/culprit";
import type { PageFile } from "@/lib/pages/types";
import { SlashBreaks } from "@/components/ui/slash-breaks";
import { Address } from "@/components/ui/addresses";

/** Merges change hundreds of files: past this many the rest fold away. */
const SHOWN = 15;

/** What a "scaled" cell means: said once in the caption and on each such cell's tooltip. */
const SCALED = "git scaled the +/- bar: only the total is known";

/** The insertions and deletions of a file where the log gives them: git's +/- bar at one
 *  character a line, or a created (deleted) file, whose changed lines are all insertions
 *  (deletions). Null where git scaled its bar: only the total is known. */
export function fileSplit(f: PageFile): { insertions: number; deletions: number } | null {
  if (f.insertions !== null || f.deletions !== null) return { insertions: f.insertions ?? 0, deletions: f.deletions ?? 0 };
  if (f.changes === null) return null;
  if (f.created && !f.deleted) return { insertions: f.changes, deletions: 0 };
  if (f.deleted && !f.created) return { insertions: 0, deletions: f.changes };
  return null;
}

/** The caption's note on the + and − columns: which rows have them exact, and what "scaled" means. */
export function splitNote(files: readonly PageFile[]): string | null {
  const counted = files.filter((f) => f.changes !== null || f.insertions !== null || f.deletions !== null);
  const exact = counted.filter((f) => fileSplit(f) !== null).length;
  if (exact === counted.length) return null;
  const which = exact === 0 ? "no row" : `${exact} of ${counted.length} rows`;
  return `+ and − exact on ${which} (git's bar at one character a line, or a created or deleted file); "scaled": ${SCALED}`;
}

/** Changed files, one row each, under visible column names: git's count of changed lines, then
 *  the insertions and deletions where the log gives them; where git scaled its bar the two cells
 *  say "scaled" and the caption says which rows are exact. */
export function FileTable({ files, hash, caption, captionHidden = false }: { files: readonly PageFile[]; hash: string; caption: string; captionHidden?: boolean }) {
  const note = splitNote(files);
  return (
    <table className="files mt-1 text-[0.9rem]">
      <caption className={captionHidden ? "sr-only" : "text-left text-muted"}>
        {caption}
        {note && <span className="block text-[0.8rem]" data-testid="split-note">{note}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">file</th>
          <th scope="col">changed lines</th>
          <th scope="col" aria-label="insertions">
            +
          </th>
          <th scope="col" aria-label="deletions">
            −
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((f, i) => (
          <FileRow key={i} f={f} hash={hash} />
        ))}
      </tbody>
    </table>
  );
}


function FileRow({ f, hash }: { f: PageFile; hash: string }) {
  // git's diffstat shortens long paths to `.../tail`: not a path to link or to take as whole
  const elided = f.path.startsWith(".../");
  const split = fileSplit(f);
  const changed = f.changes ?? (split ? split.insertions + split.deletions : null);
  return (
    <tr className="border-t border-line">
      <td className="pr-3 font-mono break-words">
        {f.deleted || elided ? (
          <span title={elided ? "path shortened by git's diffstat; the log does not give it whole" : undefined}>
            <SlashBreaks text={f.path} />
          </span>
        ) : (
          <a href={sourceUrl(f.path, hash)}>
            <SlashBreaks text={f.path} />
          </a>
        )}
        {/* what the summary says of the file, after its path: a column of its own made the
            table wider than a phone (397 px for the largest corpus merge at 390 px) */}
        {f.created && <> <strong className="file-note text-good-fg">created</strong></>}
        {f.deleted && <> <strong className="file-note text-bad-fg">deleted</strong></>}
        {elided && <> <span className="file-note text-muted">path shortened</span></>}
      </td>
      <td className="pr-2 text-right font-mono">{changed ?? "–"}</td>
      {split ? (
        <>
          {/* a zero in the muted colour: nothing added (removed) is not a red figure */}
          <td className={`pr-2 text-right font-mono ${split.insertions ? "text-ok" : "text-muted"}`}>{split.insertions}</td>
          <td className={`pr-2 text-right font-mono ${split.deletions ? "text-crash" : "text-muted"}`}>{split.deletions}</td>
        </>
      ) : changed !== null ? (
        <td colSpan={2} className="file-note pr-2 text-right text-muted" title={SCALED}>
          scaled
        </td>
      ) : (
        <>
          <td />
          <td />
        </>
      )}
    </tr>
  );
}

/** The found commit in full: who, when, what it says, which files it changed. */
export function CulpritSection({ c }: { c: CulpritView }) {
  const { id, commit, word } = c;
  const n = (x: number) => x.toLocaleString("en");
  // git's summary line in its own words: `38 files changed, 2661 insertions(+), 1483 deletions(-)`
  const totals = [
    commit.filesChanged !== null ? `${n(commit.filesChanged)} file${commit.filesChanged === 1 ? "" : "s"} changed` : null,
    commit.insertions ? `${n(commit.insertions)} insertion${commit.insertions === 1 ? "" : "s"} (+)` : null,
    commit.deletions ? `${n(commit.deletions)} deletion${commit.deletions === 1 ? "" : "s"} (−)` : null,
  ].filter(Boolean).join(", ");
  return (
    <section id="culprit" aria-labelledby="culprit-h" className="mt-5">
      <h2 id="culprit-h" className="text-base font-semibold">
        {word}: <span className="font-mono break-words">
          <SlashBreaks text={commit.subject} />
        </span>
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-[0.9rem]">
        <dt className="text-muted">commit</dt>
        <dd className="font-mono">
          <a href={commitUrl(commit.hash)}>{commit.hash}</a> <span className="font-sans text-muted">(git.kernel.org)</span>
        </dd>
        <dt className="text-muted">author</dt>
        <dd>
          {commit.author} {commit.authorEmail && (
            <span className="font-mono text-muted">
              <Address address={commit.authorEmail} angled />
            </span>
          )}
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
        <FileTable files={commit.files.slice(0, SHOWN)} hash={commit.hash} caption={totals || `${commit.files.length} files`} />
      )}
      {commit.files.length > SHOWN && commit.files.length <= LISTED && (
        <details>
          <summary className="cursor-pointer text-[0.9rem] text-muted">{commit.files.length - SHOWN} more files</summary>
          <FileTable files={commit.files.slice(SHOWN)} hash={commit.hash} caption="more files changed" captionHidden />
        </details>
      )}
      {commit.files.length > LISTED && (
        <div className="mt-1 text-[0.9rem]" data-testid="files-not-listed">
          <p>
            and {(commit.files.length - SHOWN).toLocaleString("en")} more files:{" "}
            <a href={`/b/${id}/files`}>all {commit.files.length.toLocaleString("en")} files</a>
            <span className="text-muted">, by directory:</span>
          </p>
          <table className="font-mono text-[0.85rem]">
            <caption className="sr-only">files changed per top-level directory</caption>
            <thead className="font-sans text-[0.8rem] text-muted">
              <tr>
                <th scope="col" className="pr-3 text-left font-normal">directory</th>
                <th scope="col" className="pr-3 text-right font-normal">files</th>
                <th scope="col" className="text-right font-normal">changed lines</th>
              </tr>
            </thead>
            <tbody>
              {c.byDirectory.slice(0, 40).map((d) => (
                <tr key={d.dir}>
                  <td className="pr-3">{d.dir.endsWith("/") ? <a href={`/b/${id}/files?dir=${encodeURIComponent(d.dir)}`}>{d.dir}</a> : d.dir}</td>
                  <td className="pr-3 text-right">{d.files.toLocaleString("en")}</td>
                  <td className="text-right text-muted">{d.changes.toLocaleString("en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
