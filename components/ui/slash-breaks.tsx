import { Fragment } from "react";

/** Text whose paths, URLs and dates break only where a reader would: after a `/`, never at a
 *  hyphen inside a word (`2021-02-22`, `sysfs-firmware-acpi`) nor mid-word; plain words wrap
 *  at spaces as usual. A segment longer than the line still breaks (the caller's
 *  overflow-wrap: break-word), rather than run off the screen. */
export function SlashBreaks({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <>
      {text.split(/(\s+)/).map((w, i) => {
        if (!/[-/]/.test(w)) return w;
        // a break opportunity (<wbr>) between nowrap segments, each ending at a `/`
        return w.split(/(?<=\/)/).map((p, j) => (
          <Fragment key={`${i}.${j}`}>
            {j > 0 && <wbr />}
            <span className="whitespace-nowrap">{p}</span>
          </Fragment>
        ));
      })}
    </>
  );
}
