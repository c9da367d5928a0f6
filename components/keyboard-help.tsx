"use client";
import { useEffect, useRef, useState } from "react";

const KEYS: [string, string][] = [
  ["/", "focus the search box (on other pages: the list's)"],
  ["j / k", "next / previous tested commit"],
  ["Enter", "open the focused row's log lines"],
  ["?", "show or hide this help"],
  ["Esc", "close this help"],
];

/** Where `/` goes from a page without a search box: the list, its box focused. */
const SEARCH = "/#search";

/** Some text a reader typed or pasted on this page (an upload's log, a mark's note), which
 *  leaving the page would lose: then `/` stays. */
function typedInto(): boolean {
  return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("textarea, input:not([type=hidden]):not([type=submit]):not([type=button])")].some(
    (el) => (el.type === "file" ? (el as HTMLInputElement).files?.length ?? 0 : el.value.length) > 0 && el.value !== el.defaultValue,
  );
}

function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
}

/** Site-wide keys: `/` search, `j`/`k` rows marked data-nav-row, `?` this overlay. */
export function KeyboardHelp() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
      if (e.key === "?") {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === "/") {
        e.preventDefault();
        const box = document.querySelector<HTMLInputElement>("[data-search-box]");
        if (box) {
          box.focus();
          box.select();
        } else if (!typedInto()) window.location.assign(SEARCH);
      } else if (e.key === "j" || e.key === "k") {
        const rows = [...document.querySelectorAll<HTMLElement>("[data-nav-row]")];
        if (!rows.length) return;
        e.preventDefault();
        const at = rows.indexOf(document.activeElement as HTMLElement);
        const next = e.key === "j" ? Math.min(rows.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
        rows[next].focus();
        rows[next].scrollIntoView({ block: "nearest" });
      }
    };
    window.addEventListener("keydown", onKey);
    // arrived by `/` from a page without a search box
    if (window.location.pathname + window.location.hash === SEARCH) document.querySelector<HTMLInputElement>("[data-search-box]")?.focus();
    // tells tests (and curious readers of the DOM) that the keys now work
    document.documentElement.dataset.keys = "on";
    return () => {
      window.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.keys;
    };
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="needs-js text-xs whitespace-nowrap text-muted hover:text-fg" title="Keyboard shortcuts" data-testid="keys-button">
        keys <kbd className="rounded border border-line px-1 font-mono">?</kbd>
      </button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        className="m-auto rounded border border-line bg-bg p-4 text-fg backdrop:bg-black/40"
        aria-labelledby="keys-title"
      >
        <h2 id="keys-title" className="mb-2 font-semibold">
          Keyboard shortcuts
        </h2>
        <table className="text-sm">
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row" className="pr-4 text-left font-mono font-normal">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog" className="mt-3 text-right">
          <button className="rounded border border-line px-2 py-0.5 hover:bg-hover">Close</button>
        </form>
      </dialog>
    </>
  );
}
