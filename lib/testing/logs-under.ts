// Every `.txt` file under a directory, sorted, depth first: the golden logs, the corpus. Used by
// the golden tests, the e2e seed, the benchmarks.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function logsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...logsUnder(p));
    else if (name.endsWith(".txt")) out.push(p);
  }
  return out;
}
