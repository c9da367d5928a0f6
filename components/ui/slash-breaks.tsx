import { Fragment } from "react";

/** Text whose paths, URLs and dates break only where a reader would: after a `/`, never at a
 *  hyphen inside a word (`2021-02-22`, `sysfs-firmware-acpi`) nor mid-word; plain words wrap
 *  at spaces as usual. A segment longer than the line still breaks (the caller's
 *  overflow-wrap: break-word), rather than run off the screen. */
export function SlashBreaks({ text, underscores = false }: { text: string | null; underscores?: boolean }) {
  if (!text) return null;
  // crash titles (`bpf_exec_tx_verdict`) may also break after an identifier's `_`, never
  // inside one of its words
  const after = underscores ? /(?<=[/_])/ : /(?<=\/)/;
  return (
    <>
      {text.split(/(\s+)/).map((w, i) => {
        if (!(underscores ? /[-/_]/ : /[-/]/).test(w)) return w;
        // a break opportunity (<wbr>) between nowrap segments, each ending at a `/` (or `_`)
        return w.split(after).map((p, j) => (
          <Fragment key={`${i}.${j}`}>
            {j > 0 && <wbr />}
            <span className="whitespace-nowrap">{p}</span>
          </Fragment>
        ));
      })}
    </>
  );
}
