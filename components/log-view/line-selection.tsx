"use client";
import { useEffect } from "react";

// Highlights `#L<n>` and `#L<a>-L<b>`; a click on a line number selects that line, a shift-click
// extends to a range. The URL hash is the state, updated with replaceState so Back still
// leaves the page.

const RANGE = /^#L(\d+)(?:-L?(\d+))?$/;

function parse(hash: string): [number, number] | null {
  const m = RANGE.exec(hash);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return a <= b ? [a, b] : [b, a];
}

function paint(root: HTMLElement, range: [number, number] | null) {
  for (const el of root.querySelectorAll<HTMLElement>("[data-sel]")) delete el.dataset.sel;
  if (!range) return;
  for (let n = range[0]; n <= range[1]; n++) {
    const el = document.getElementById(`L${n}`);
    if (el) el.dataset.sel = "";
  }
}

export function LineSelection() {
  useEffect(() => {
    const root = document.querySelector<HTMLElement>("[data-log-lines]");
    if (!root) return;
    root.dataset.js = "";
    let anchor: number | null = parse(location.hash)?.[0] ?? null;
    const show = (scroll: boolean) => {
      const range = parse(location.hash);
      paint(root, range);
      if (range && scroll) document.getElementById(`L${range[0]}`)?.scrollIntoView({ block: "center" });
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as HTMLElement).closest<HTMLAnchorElement>("a[data-line]");
      if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      const n = Number(a.dataset.line);
      let hash = `#L${n}`;
      if (e.shiftKey && anchor !== null && anchor !== n) hash = `#L${Math.min(anchor, n)}-L${Math.max(anchor, n)}`;
      else anchor = n;
      history.replaceState(history.state, "", hash);
      window.getSelection()?.removeAllRanges();
      show(false);
    };
    const onHash = () => {
      anchor = parse(location.hash)?.[0] ?? null;
      show(true);
    };
    show(true);
    root.addEventListener("click", onClick);
    window.addEventListener("hashchange", onHash);
    return () => {
      root.removeEventListener("click", onClick);
      window.removeEventListener("hashchange", onHash);
      delete root.dataset.js;
    };
  }, []);
  return null;
}
