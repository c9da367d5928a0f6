// `npm run bench -- weight`: bytes and server time of the bisection page, its raw log page and
// its file list, for the seed log and the largest corpus log (1.36 MB, 11,835 changed files),
// against the page-weight budget of issue 12: no page over 3x its log's size plus 150 KB, and
// /b/<id> of the largest log under 1 MB and 300 ms. The built server (scripts/serve.ts) on a
// fresh embedded PostgreSQL with just these two logs; the first request of each page (cold:
// nothing cached) apart from the median of the next 5.
import { readFileSync } from "node:fs";
import { freshDatabase } from "./db";
import { importQuietly } from "./import";
import { LARGEST, startServer } from "./load";
import { bisectionIdFor, contentHash, normalizeLog } from "@/lib/ingest/normalize";

const SEED = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";

async function get(port: number, path: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - t0, bytes, status: res.status };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

export async function benchWeight(): Promise<string> {
  const db = await freshDatabase();
  const logs = [SEED, LARGEST].map((f) => ({ file: f, text: readFileSync(f, "utf8") }));
  try {
    await importQuietly(db.url, logs.map((l) => l.text));
    const server = await startServer(db.url);
    const out = ["page weight (built server, one request at a time):", "  page                       log      bytes     budget    cold      warm (median of 5)"];
    try {
      for (const { file, text } of logs) {
        const norm = normalizeLog(text);
        const id = bisectionIdFor(contentHash(norm));
        const logBytes = Buffer.byteLength(norm);
        const budget = 3 * logBytes + 150 * 1024;
        for (const path of [`/b/${id}`, `/b/${id}/log`, `/b/${id}/files`]) {
          const cold = await get(server.port, path);
          const warm: number[] = [];
          for (let i = 0; i < 5; i++) warm.push((await get(server.port, path)).ms);
          warm.sort((a, b) => a - b);
          const over = cold.bytes > budget ? "  OVER" : "";
          out.push(
            `  ${path.padEnd(26)} ${kb(logBytes).padStart(8)} ${kb(cold.bytes).padStart(10)} ${kb(budget).padStart(10)} ${cold.ms.toFixed(0).padStart(6)} ms ${warm[2].toFixed(0).padStart(6)} ms  ${cold.status}${over}  (${file.split("/").pop()})`,
          );
        }
      }
    } finally {
      await server.stop();
    }
    return out.join("\n");
  } finally {
    await db.stop();
  }
}
