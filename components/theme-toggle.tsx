"use client";
import { useEffect, useState } from "react";

type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "dark", dark: "light", light: "system" };

/** Cycles system -> dark -> light; the choice is kept in localStorage. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    const saved = document.documentElement.dataset.theme;
    if (saved === "dark" || saved === "light") setTheme(saved);
  }, []);
  const apply = (t: Theme) => {
    setTheme(t);
    if (t === "system") {
      delete document.documentElement.dataset.theme;
      localStorage.removeItem("theme");
    } else {
      document.documentElement.dataset.theme = t;
      localStorage.setItem("theme", t);
    }
  };
  return (
    <button
      type="button"
      onClick={() => apply(NEXT[theme])}
      className="needs-js rounded border border-line px-1.5 py-0.5 text-xs whitespace-nowrap text-muted hover:bg-hover"
      aria-label={`Colour theme: ${theme}. Switch to ${NEXT[theme]}`}
      data-testid="theme-toggle"
    >
      theme: {theme}
    </button>
  );
}
