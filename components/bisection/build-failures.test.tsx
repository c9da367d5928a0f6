// Commits that could not be built, summed up by error above the timeline.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildFailures } from "@/lib/pages/timeline";
import { BuildFailures } from "./build-failures";

const MMAP = "mm/mmap.c:2699:3: error: implicit declaration of function 'khugepaged_enter_vma_merge'";
const steps = [
  { index: 0, commitHash: "a", line: 3, buildError: null },
  { index: 7, commitHash: "b", line: 90, buildError: `${MMAP}\nmake: *** Error 1` },
  { index: 8, commitHash: "c", line: 99, buildError: "kernel/foo.c:1:1: error: x" },
  { index: 12, commitHash: "d", line: 140, buildError: MMAP },
];

describe("build failures", () => {
  it("groups the commits by their error's first line, most commits first", () => {
    expect(buildFailures(steps)).toEqual([
      { error: MMAP, steps: [{ index: 7, commit: "b", line: 90 }, { index: 12, commit: "d", line: 140 }] },
      { error: "kernel/foo.c:1:1: error: x", steps: [{ index: 8, commit: "c", line: 99 }] },
    ]);
    expect(buildFailures([steps[0]])).toEqual([]);
  });

  it("says how many of the tested commits git skipped, each error with its commits and first line", () => {
    const html = renderToStaticMarkup(<BuildFailures id="aaaaaaaaaaaa" builds={buildFailures(steps)} tested={42} />).replace(/<!-- -->/g, "");
    expect(html).toContain("<strong>3 of 42 tested commits could not be built</strong> (git skipped them):");
    expect(html).toContain('2 × <span class="font-mono break-words">mm/mmap.c:2699:3: error: implicit declaration');
    expect(html).toContain('<span><a href="#step-7" class="font-mono">#7</a></span><span> <a href="#step-12" class="font-mono">#12</a></span>');
    expect(html).toContain('<a href="/b/aaaaaaaaaaaa/log#L90" class="font-mono">L90</a>');
    expect(renderToStaticMarkup(<BuildFailures id="a" builds={[]} tested={3} />)).toBe("");
  });
});
