// A worker thread of the bulk import (lib/ingest/bulk-import.ts): parses, judges and maps logs
// to rows while the main thread writes earlier ones to the database.
import { parentPort } from "node:worker_threads";
import { isRefusal, prepareNormalized } from "./prepare";
import { logRows } from "./rows";

export interface PrepareRequest {
  n: number;
  normalized: string;
  hash: string;
}

parentPort!.on("message", ({ n, normalized, hash }: PrepareRequest) => {
  try {
    const p = prepareNormalized(normalized, hash);
    parentPort!.postMessage({ n, result: isRefusal(p) ? p : logRows(p) });
  } catch (e) {
    parentPort!.postMessage({ n, error: e instanceof Error ? e.message : String(e) });
  }
});
