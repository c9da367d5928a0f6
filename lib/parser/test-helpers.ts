// Shared by the parser's unit tests: sample hashes from the seed log, and a parse that fails
// the test when a text is refused.
import { parseBisectionLog } from "./index";
import type { BisectionLog } from "./types";

export const A = "9c54130cd25528028b2d38f6ada0c79e92210390";
export const B = "c5a58f877ca645a3303f7a57476f2de837fdb97a";
export const C = "a864e8f159b13babf552aff14a5fbe11abc017e4";
export const F = "997acaf6b4b59c6a9c259740312a69ea549cc684";

/** Parses lines joined with "\n" (and a final newline); throws with the reason when refused. */
export function parse(lines: string[]): BisectionLog {
  const r = parseBisectionLog(`${lines.join("\n")}\n`);
  if (!r.ok) throw new Error(r.reason);
  return r.log;
}
