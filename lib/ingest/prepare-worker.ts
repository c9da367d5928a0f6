// A worker thread of the bulk import (lib/ingest/bulk-import.ts): parses, judges and maps logs
// to rows and their COPY text while the main thread writes earlier ones to the database.
import { parentPort } from "node:worker_threads";
import { isRefusal, prepareNormalized } from "./prepare";
import { logCopy, logRows } from "./rows";

export interface PrepareRequest {
  n: number;
  normalized: string;
  hash: string;
}

parentPort!.on("message", ({ n, normalized, hash }: PrepareRequest) => {
  try {
    const p = prepareNormalized(normalized, hash);
    if (isRefusal(p)) parentPort!.postMessage({ n, result: p });
    else {
      const result = logCopy(logRows(p));
      parentPort!.postMessage({ n, result }, [result.bytes.buffer as ArrayBuffer, result.slots.buffer as ArrayBuffer]);
    }
  } catch (e) {
    parentPort!.postMessage({ n, error: e instanceof Error ? e.message : String(e) });
  }
});
