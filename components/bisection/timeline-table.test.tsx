// The timeline of a log of thousands of tested commits: the rows not drawn are one line that says
// how many and links their lines in the log; the titles not drawn as columns are counted.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { timelineView, MAX_TIMELINE_ROWS } from "@/lib/pages/timeline";
import type { PageStep } from "@/lib/pages/types";
import { TimelineTable } from "./timeline-table";

const step = (index: number): PageStep => ({
  index, commitHash: `c${index}`, role: "bisect", release: null, subject: null, compiler: null, compilerType: null, kernelSignature: null,
  buildError: null, allRunsOutcome: null, allRunsTitle: null, allRunsLine: null, notes: [], verdict: index % 2 ? "good" : "bad", verdictLine: null,
  revisionsLeftAtTest: null, untested: false, line: 10 * index + 1, endLine: 10 * index + 5,
  runs: [{ index: 0, outcome: "crashed", title: `WARNING in f${index % 30}`, line: 10 * index + 2, endLine: 10 * index + 2 }],
});

describe("TimelineTable", () => {
  it("draws a gap row with the count and the lines of the commits not drawn, and counts the columns left out", () => {
    const t = timelineView("cause", Array.from({ length: MAX_TIMELINE_ROWS + 100 }, (_, i) => step(i)), { startTitle: null, finalTitle: null, foundHash: null, candidates: [], sameBinary: new Map() });
    const html = renderToStaticMarkup(<TimelineTable id="aaaaaaaaaaaa" t={t} />);
    expect(html).toContain(`Tested commits (${MAX_TIMELINE_ROWS + 100})`);
    expect(html).toContain(`href="/b/aaaaaaaaaaaa/log?L=2501-3495#L2501"`);
    expect(html.replace(/<!-- -->/g, "")).toContain("… 100 more tested commits, not drawn:");
    expect(html).toContain("and 4 more crash titles, seen at fewer commits");
    expect(html.match(/data-nav-row/g)).toHaveLength(MAX_TIMELINE_ROWS);
  });
});
