// Head cut off: syzbot drops the head of oversized logs, and with it the start commit's test.
// Then the crash the bisection set out to chase is unknown, and title drift cannot be checked:
// the reader must know that "no drift found" means "not checkable" here.
import type { Context } from "../context";
import type { Finding } from "../types";

export function headCut(ctx: Context): Finding[] {
  if (!ctx.log.headTruncated) return [];
  const first = ctx.log.steps[0]?.line ?? 1;
  return [
    {
      rule: "head-cut",
      severity: "low",
      message: `The log's first lines were cut off (syzbot trims oversized logs), so the start commit and the crash it showed are unknown: title drift cannot be checked.`,
      lines: [first],
    },
  ];
}
