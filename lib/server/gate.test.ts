// The request gate: never more than `max` at once, first come first served, a full queue refused.
import { describe, expect, it } from "vitest";
import { createGate } from "./gate";

describe("createGate", () => {
  it("runs at most max at once, in arrival order, and refuses beyond the queue", () => {
    const g = createGate(2, 3);
    const started: number[] = [];
    const accepted = Array.from({ length: 6 }, (_, i) => g.enter(() => started.push(i)));
    expect(accepted).toEqual([true, true, true, true, true, false]);
    expect(started).toEqual([0, 1]);
    expect([g.active, g.queued]).toEqual([2, 3]);
    g.leave();
    expect(started).toEqual([0, 1, 2]);
    g.leave();
    g.leave();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([g.active, g.queued]).toEqual([2, 0]);
    g.leave();
    g.leave();
    expect([g.active, g.queued]).toEqual([0, 0]);
    expect(g.enter(() => started.push(9))).toBe(true);
    expect(started.at(-1)).toBe(9);
  });
});
