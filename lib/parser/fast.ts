// Hand-written matchers for the most frequent record heads (`run #N: ...`, `all runs: ...`,
// `kernel signature: ...`, `compiler: ...`, `# git bisect good|bad|skip ...`). Each one only
// ever *accepts* a line its patterns.ts regex matches, with the same groups; when in doubt it
// returns null and the dispatcher runs the regex (fast.test.ts checks both on the corpus).
// `plain`: the text has no CR, U+2028 or U+2029 (regex `.` stops at those).
import { P, type Pattern } from "./patterns";

export type FastMatch = (text: string, plain: boolean) => RegExpExecArray | null;

function groups(...g: string[]): RegExpExecArray {
  return g as unknown as RegExpExecArray;
}

/** Visible ASCII: neither `\s` nor a char outside ASCII. */
function visible(c: number): boolean {
  return c > 32 && c < 127;
}

/** P.run `^run #(\d+): (.*)$` */
function run(text: string, plain: boolean): RegExpExecArray | null {
  if (!plain) return null;
  let i = 5;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i));
  if (i === 5 || text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32) return null;
  return groups(text, text.slice(5, i), text.slice(i + 2));
}

/** P.allRuns `^all runs: (.*)$` */
function allRuns(text: string, plain: boolean): RegExpExecArray | null {
  return plain ? groups(text, text.slice(10)) : null;
}

/** P.kernelSignature `^kernel signature:\s+([0-9a-f]+)\s*$` (the line has no trailing blanks) */
function kernelSignature(text: string): RegExpExecArray | null {
  let i = 17;
  for (let c = text.charCodeAt(i); c === 32 || c === 9; c = text.charCodeAt(++i));
  const from = i;
  for (let c = text.charCodeAt(i); (c >= 48 && c <= 57) || (c >= 97 && c <= 102); c = text.charCodeAt(++i));
  if (from === 17 || i === from || i !== text.length) return null;
  return groups(text, text.slice(from));
}

/** P.compiler `^compiler: (.*?)\s*$` */
function compiler(text: string, plain: boolean): RegExpExecArray | null {
  if (!plain || !visible(text.charCodeAt(text.length - 1))) return null;
  return groups(text, text.slice(10));
}

/** P.gitVerdict `^# git bisect (good|bad|skip) (\S+)` */
function gitVerdict(text: string): RegExpExecArray | null {
  const c = text.charCodeAt(13);
  const word = c === 103 ? "good" : c === 98 ? "bad" : c === 115 ? "skip" : "";
  if (word === "" || !text.startsWith(word, 13) || text.charCodeAt(13 + word.length) !== 32) return null;
  const from = 14 + word.length;
  let i = from;
  for (let d = text.charCodeAt(i); visible(d); d = text.charCodeAt(++i));
  if (i === from || (i < text.length && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9)) return null;
  return groups(text.slice(0, i), word, text.slice(from, i));
}

export const FAST = new Map<Pattern, FastMatch>([
  [P.run, run],
  [P.allRuns, allRuns],
  [P.kernelSignature, kernelSignature],
  [P.compiler, compiler],
  [P.gitVerdict, gitVerdict],
]);
