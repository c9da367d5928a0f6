// The theme's colour families (app/globals.css) as classes, for the tones of lib/domain/words.ts.
// Written out in full so Tailwind sees every class.
import type { Tone } from "@/lib/domain/words";

/** A filled label (badges). */
export const TONE_FILL: Record<Tone, string> = {
  bad: "bg-bad-bg text-bad-fg",
  warn: "bg-warn-bg text-warn-fg",
  good: "bg-good-bg text-good-fg",
  muted: "text-muted",
};

/** A filled box with an edge in the same colour (banners). */
export const TONE_BOX: Record<Tone, string> = {
  bad: "bg-bad-bg text-bad-fg border-bad-fg",
  warn: "bg-warn-bg text-warn-fg border-warn-fg",
  good: "bg-good-bg text-good-fg border-good-fg",
  muted: "text-muted border-line",
};
