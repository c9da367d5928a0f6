/** The judge's verdict as icon + word; colour only adds to it. */
const LOOK: Record<string, { icon: string; word: string; cls: string }> = {
  "likely-wrong": { icon: "✖", word: "likely wrong", cls: "bg-bad-bg text-bad-fg" },
  doubtful: { icon: "▲", word: "doubtful", cls: "bg-warn-bg text-warn-fg" },
  clean: { icon: "✓", word: "no warning signs", cls: "bg-good-bg text-good-fg" },
  "n/a": { icon: "–", word: "n/a", cls: "text-muted" },
};

export function VerdictBadge({ verdict, title }: { verdict: string; title?: string | null }) {
  const look = LOOK[verdict] ?? LOOK["n/a"];
  return (
    <span className={`badge ${look.cls}`} title={title ?? undefined}>
      <span aria-hidden>{look.icon} </span>
      {look.word}
    </span>
  );
}
