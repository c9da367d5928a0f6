// The raw log page (/b/<id>/log) as plain HTML, written by the route handler rather than React:
// a React page sends every line twice (once as HTML, once again in its hydration payload), and
// a 1.4 MB log became a 14 MB page. Here each line costs `<div id=L7><a href=#L7>7</a>…</div>`
// and the text itself, once. Pure: strings in, chunks out.
import { logLineScript } from "./script";

/** Lines per chunk of the streamed body. */
const CHUNK = 2000;

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\u0000": "\ufffd" };
const SPECIAL = /[&<>"\u0000]/g;

export function escapeHtml(s: string): string {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ESC[c]) : s;
}

/** Rules of the log page; the colours come from app/palette.css. */
export const LOG_CSS = `
html{font-size:13.5px;background:var(--bg);color:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",sans-serif;font-variant-numeric:tabular-nums}
body{margin:0;line-height:1.4}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
:focus-visible{outline:2px solid var(--accent);outline-offset:1px;border-radius:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:.5rem;top:.5rem;background:var(--bg);padding:.25rem}
header{border-bottom:1px solid var(--line);background:var(--bg-soft)}
header nav{display:flex;align-items:center;gap:1rem;padding:.375rem .75rem}
header nav a:first-child{font-weight:600;color:var(--fg)}
main{padding:.75rem}
.top{display:flex;flex-wrap:wrap;align-items:baseline;column-gap:1rem;margin-bottom:.25rem}
h1{font-size:1rem;font-weight:600;margin:0}
.mono{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,"Liberation Mono",monospace}
.top nav{display:flex;gap:.75rem;font-size:.9rem}
.hint{font-size:.85rem;color:var(--fg-muted);margin:0}
html:not([data-js]) .needs-js{display:none}
.log{margin:0;overflow-x:auto;font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:.8rem;line-height:1.35;white-space:pre-wrap;word-break:break-all}
.log>div{padding-left:8ch;text-indent:-8ch}
.log>div:hover{background:var(--bg-hover)}
.log>div>a:first-child{display:inline-block;box-sizing:border-box;width:8ch;text-indent:0;padding-right:1.5ch;text-align:right;color:var(--fg-muted);user-select:none}
.log:not([data-js])>div:target,.log>div[data-sel]{background:var(--mark)}
.log:not([data-js])>div:target>a:first-child,.log>div[data-sel]>a:first-child{color:var(--fg)}
.log>div>a~a{text-decoration:underline;text-underline-offset:2px}
:target{scroll-margin-top:3rem}
`;

export interface LogPage {
  id: string;
  text: string;
  /** `?L=a-b`, highlighted here so it shows without JavaScript */
  selected: [number, number] | null;
  /** this response's CSP nonce, for the one inline style and the two inline scripts */
  nonce: string;
  /** app/palette.css */
  palette: string;
  /** the root layout's theme script (localStorage `theme`) */
  themeScript: string;
}

function head(p: LogPage): string {
  const n = escapeHtml(p.nonce);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>log of bisection ${escapeHtml(p.id)}</title><link rel="icon" href="/favicon.ico">
<script nonce="${n}">${p.themeScript}</script><style nonce="${n}">${p.palette}${LOG_CSS}</style></head>
<body><a class="skip" href="#main">Skip to content</a><header><nav aria-label="Site"><a href="/">Bisectview</a><a href="/">Bisections</a><a href="/upload">Upload</a><a href="/feed.atom">Atom</a></nav></header>
<main id="main"><div class="top"><h1>Log of bisection <span class="mono">${escapeHtml(p.id)}</span></h1><nav aria-label="This log"><a href="/b/${p.id}">[bisection]</a><a href="/b/${p.id}/log.txt">[log.txt]</a></nav><p class="hint">click a line number to link to it<span class="needs-js">; shift-click to select a range</span></p></div>
<pre class="log" data-log-lines>`;
}

/** Full commit hashes (40 hex digits, as a word) link to their commit's page, as on /b/<id>:
 *  hex digits pass escapeHtml unchanged, so this reads the escaped line. */
const FULL_HASH = /\b[0-9a-f]{40}\b/g;
export function linkCommits(escaped: string): string {
  return escaped.length < 40 ? escaped : escaped.replace(FULL_HASH, (h) => `<a href=/c/${h}>${h}</a>`);
}

/** The page in chunks: the head, the lines `CHUNK` at a time, the script and the end. */
export function* logPageChunks(p: LogPage): Generator<string> {
  yield head(p);
  const [from, to] = p.selected ?? [0, -1];
  const text = p.text;
  let out = "";
  // as text.split("\n"), except that a final newline ends the last line rather than starting an empty one
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  if (lines > 1 && text.endsWith("\n")) lines--;
  for (let n = 1, start = 0; n <= lines; n++) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = text.length;
    out += `<div id=L${n}${n >= from && n <= to ? " data-sel" : ""}><a href=#L${n}>${n}</a>${linkCommits(escapeHtml(text.slice(start, nl)))}</div>`;
    if (n % CHUNK === 0) {
      yield out;
      out = "";
    }
    start = nl + 1;
  }
  yield `${out}</pre></main><script nonce="${escapeHtml(p.nonce)}">${logLineScript}</script></body></html>\n`;
}
