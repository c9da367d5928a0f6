"use client";
import { useEffect, useState } from "react";

interface Props {
  /** what goes to the clipboard; a path starting with "/" gets this page's origin */
  text?: string;
  /** or: the text of the element with this id, read when clicked (a long text then reaches the
   *  page once, in its HTML, and not again as this component's prop) */
  from?: string;
  label: string;
  title?: string;
  warn?: boolean;
}

/** A copy button. Rendered only once JavaScript runs: without it, the text next to it stays
 *  visible and selectable, and no dead button is shown. */
export function CopyButton({ text = "", from, label, title, warn }: Props) {
  const [ready, setReady] = useState(false);
  const [done, setDone] = useState<"copied" | "failed" | null>(null);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  const copy = async () => {
    const source = from ? (document.getElementById(from)?.textContent ?? "") : text;
    const value = source.startsWith("/") ? `${window.location.origin}${source}` : source;
    try {
      await navigator.clipboard.writeText(value);
      setDone("copied");
    } catch {
      setDone("failed");
    }
    setTimeout(() => setDone(null), 1500);
  };
  return (
    <button
      type="button"
      onClick={copy}
      title={title ?? label}
      className={`rounded border px-1.5 py-px text-[0.8rem] whitespace-nowrap hover:bg-hover ${warn ? "border-warn-fg bg-warn-bg text-warn-fg" : "border-line text-fg"}`}
    >
      {done ?? label}
      <span className="sr-only" aria-live="polite">
        {done ?? ""}
      </span>
    </button>
  );
}
