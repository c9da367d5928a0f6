// A FIFO concurrency gate for the HTTP server (scripts/serve.ts): at most `max` requests are
// handled at once, up to `maxQueue` wait in arrival order, and the rest are refused (503). With
// 200 readers arriving together, renders no longer interleave (each holding its data and
// buffers until all finish): they run a few at a time, so the first answer comes early and
// memory stays bounded.
export interface Gate {
  readonly active: number;
  readonly queued: number;
  /** Runs `start` now or when a slot frees; false (and `start` never runs) when the queue is full. */
  enter(start: () => void): boolean;
  /** Frees the slot taken by a started `enter`. */
  leave(): void;
}

export function createGate(max: number, maxQueue: number): Gate {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
    enter(start) {
      if (active < max) {
        active++;
        start();
        return true;
      }
      if (queue.length >= maxQueue) return false;
      queue.push(start);
      return true;
    },
    leave() {
      const next = queue.shift();
      if (next) next(); // the slot passes straight on
      else active--;
    },
  };
}
