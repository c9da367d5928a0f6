import { isWord, VERDICT, VERDICTS } from "@/lib/domain/words";
import { TONE_FILL } from "./tone";

/** The judge's verdict as mark + word; colour only adds to them. (The list's rows still carry
 *  the verdict as the column's text: a word this code does not know shows as n/a.) */
export function VerdictBadge({ verdict, title }: { verdict: string; title?: string | null }) {
  const look = VERDICT[isWord(VERDICTS, verdict) ? verdict : "n/a"];
  return (
    <span className={`badge ${TONE_FILL[look.tone]}`} title={title ?? undefined}>
      <span aria-hidden>{`${look.mark} `}</span>
      {look.label}
    </span>
  );
}
