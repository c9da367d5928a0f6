"use client";
import { useEffect } from "react";

/** Enter on a focused timeline row (j/k) opens its log lines, as the key help promises. */
export function RowEnter() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || e.defaultPrevented) return;
      const row = e.target as HTMLElement | null;
      // the row's first link (its number) goes to its log lines
      const href = row?.matches?.("tr[data-nav-row]") ? row.querySelector<HTMLAnchorElement>("a[data-row-link]")?.href : undefined;
      if (!href) return;
      e.preventDefault();
      window.location.assign(href);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
