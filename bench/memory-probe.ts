// Loaded into the server bench/load.ts starts (`--import ./bench/memory-probe.ts`): every 100 ms
// appends the process's memory use as one JSON line to $LOAD_MEMORY_FILE (t in ms since the
// epoch; MiB, as /proc/<pid>/status counts: rss, heapTotal, heapUsed, external, arrayBuffers), so the benchmark can say where
// the peak RSS was (V8 heap, buffers outside it, or neither: code, stacks, malloc).
import { appendFileSync } from "node:fs";

const file = process.env.LOAD_MEMORY_FILE;
if (file) {
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10; // MiB, as /proc counts
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) })}\n`);
  }, 100);
  timer.unref();
  // LOAD_MEMORY_GC=1 (with --expose-gc in LOAD_NODE_OPTIONS): a full collection every second and
  // the heap left after it ("live"), to tell retained memory from garbage not yet collected
  const gc = (globalThis as { gc?: () => void }).gc;
  if (process.env.LOAD_MEMORY_GC === "1" && gc) {
    setInterval(() => {
      gc();
      const m = process.memoryUsage();
      appendFileSync(file, `${JSON.stringify({ t: Date.now(), live: mb(m.heapUsed), liveExternal: mb(m.external) })}\n`);
    }, 1000).unref();
  }
}
