// Expands CLI arguments (files and directories) into log files, in a stable order.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function expandInputs(args: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(arg).sort()) {
        if (name.endsWith(".json") || name.startsWith(".")) continue;
        const p = join(arg, name);
        if (statSync(p).isFile()) files.push(p);
      }
    } else files.push(arg);
  }
  return { files, missing };
}
