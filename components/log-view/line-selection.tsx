"use client";
import { useEffect } from "react";
import { parseLineRange } from "@/lib/log-range";

// Keeps the highlighted lines in step with the URL: `?L=a-b` (which the server already
// highlighted), `#L<n>`, or the older `#L<a>-L<b>`. A click on a line number selects that line,
// a shift-click extends to a range; the URL is updated with replaceState (`#L<n>` for a line,
// `?L=a-b#L<a>` for a range), so a copied link shows the same lines with or without
// JavaScript, and Back still leaves the page.

/** The range the URL names: a range fragment wins; a line fragment inside `?L=` keeps `?L=`. */
function current(): [number, number] | null {
  const fromHash = parseLineRange(location.hash);
  const fromQuery = parseLineRange(new URLSearchParams(location.search).get("L"));
  if (fromHash && (fromHash[0] !== fromHash[1] || !fromQuery || fromQuery[0] !== fromHash[0])) return fromHash;
  return fromQuery ?? fromHash;
}

function urlFor([a, b]: [number, number]): string {
  const params = new URLSearchParams(location.search);
  if (a === b) params.delete("L");
  else params.set("L", `${a}-${b}`);
  const q = params.toString();
  return `${location.pathname}${q ? `?${q}` : ""}#L${a}`;
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
    let anchor: number | null = current()?.[0] ?? null;
    const show = (scroll: boolean) => {
      const range = current();
      paint(root, range);
      if (range && scroll) document.getElementById(`L${range[0]}`)?.scrollIntoView({ block: "center" });
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as HTMLElement).closest<HTMLAnchorElement>("a[data-line]");
      if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      const n = Number(a.dataset.line);
      let range: [number, number] = [n, n];
      if (e.shiftKey && anchor !== null && anchor !== n) range = [Math.min(anchor, n), Math.max(anchor, n)];
      else anchor = n;
      history.replaceState(history.state, "", urlFor(range));
      window.getSelection()?.removeAllRanges();
      show(false);
    };
    const onHash = () => {
      anchor = current()?.[0] ?? null;
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
