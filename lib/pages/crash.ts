// The crash report's section of the bisection page: its frames in report order, each with its
// normalised path, source link, and whether it is the guilty frame or in a file the culprit
// changed; and which of its lines the page shows raw. Pure.
import type { BisectionDetail } from "@/lib/data/bisection";
import { normalisePath } from "@/lib/domain/paths";
import { sourceUrl } from "@/lib/format";
import type { GuiltyRouteDetail } from "@/lib/validations/judge-detail";
import { frameSections, functionColumnWidth, type FrameSectionView } from "./frames";
import type { PageFrame } from "./types";

export interface FrameView extends PageFrame {
  /** the source path, normalised as the judge compares it (lib/domain/paths.ts) */
  path: string | null;
  /** the source at the found (or start) commit */
  source: string | null;
  guilty: boolean;
  /** in a file the culprit changed */
  touched: boolean;
}

/** Lines of the raw report shown on the page; a longer one (a lockdep report can run to
 *  thousands of lines) is linked whole in the log rather than sent to every reader. */
export const RAW_SHOWN = 400;

/** The log lines of the report the page shows: [line, last shown line]. */
export function shownReportLines(line: number, endLine: number): [number, number] {
  return [line, Math.min(endLine, line + RAW_SHOWN - 1)];
}

export interface CrashView {
  id: string;
  title: string;
  header: string | null;
  line: number;
  endLine: number;
  /** the report's lines the page shows raw (read from the log), and how many more there are */
  shown: [number, number];
  cut: number;
  guilty: GuiltyRouteDetail | null;
  /** the function of the frame the guilty file was read from */
  guiltyFunction: string | null;
  empty: boolean;
  sections: FrameSectionView<FrameView>[];
  /** characters of the widest `function+off/size`: the function column of every frame */
  functionWidth: number;
}

export function crashView(b: BisectionDetail): CrashView | null {
  const c = b.crash;
  if (!c) return null;
  // source links at the found commit (else the start), frames in files it changed marked
  const at = b.foundCommit?.hash ?? b.startCommitHash;
  const touched = new Set((b.foundCommit?.files ?? []).map((f) => normalisePath(f.path)));
  const frames = b.frames.map((f): FrameView => {
    const path = f.file === null ? null : normalisePath(f.file);
    return { ...f, path, source: path === null ? null : sourceUrl(path, at, f.line), guilty: c.guiltyFrame === f.position, touched: path !== null && touched.has(path) };
  });
  const guilty = b.judgeDetail?.guilty ?? null;
  const from = guilty?.frame === null || guilty?.frame === undefined ? null : frames.find((f) => f.position === guilty.frame);
  const shown = shownReportLines(c.line, c.endLine);
  return {
    id: b.id,
    title: c.signature.title,
    header: c.header,
    line: c.line,
    endLine: c.endLine,
    shown,
    cut: c.endLine - shown[1],
    guilty,
    guiltyFunction: from?.function ?? null,
    empty: frames.length === 0,
    sections: frameSections(frames),
    functionWidth: functionColumnWidth(frames),
  };
}

