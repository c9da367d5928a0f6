// Finds syzbot links in pasted text: a bare link, or a whole syzbot email ("bisection log:",
// "dashboard link:", "console output:", "kernel config:", "syz repro:", "C reproducer:" and the
// Reported-by address). Pure and linear: one pass over the text for URL tokens, `new URL` on each.
// What a link is comes from its path (syzbot's own routes, dashboard/app/main.go), not its label.

export const PUBLIC_ORIGIN = "https://syzkaller.appspot.com";
const PUBLIC_HOST = "syzkaller.appspot.com";

export type BugRef = { kind: "extid" | "id"; value: string };

export interface SyzbotRefs {
  /** `x=` ids of bisection logs, in order of appearance, each once */
  logXids: string[];
  /** the URL each log id was given as */
  logUrls: Record<string, string>;
  bugs: BugRef[];
  bugUrl: string | null;
  consoleUrl: string | null;
  configUrl: string | null;
  syzReproUrl: string | null;
  cReproUrl: string | null;
  /** syzbot-shaped links on a host that is neither syzbot nor the configured origin */
  foreign: string[];
  /** every URL seen, for the error that says none of them is a syzbot link */
  urls: number;
}

const HEX = /^[0-9a-f]+$/;
const isHex = (s: string, max: number) => s.length > 0 && s.length <= max && HEX.test(s);

/** `/text?tag=<Tag>&x=` (syzbot's internal text links) mapped to the `/x/<file>` they serve. */
const TEXT_TAGS: Record<string, string> = {
  Log: "bisect.txt",
  CrashLog: "log.txt",
  KernelConfig: ".config",
  ReproSyz: "repro.syz",
  ReproC: "repro.c",
};

const URL_END = new Set([" ", "\t", "\n", "\r", "<", ">", '"', "'", "(", ")", "[", "]", "{", "}", "`"]);
const TRAILING = new Set([".", ",", ";", ":", "!", "?"]);

/** Every http(s) URL token in the text, trailing sentence punctuation removed: each `://` with
 *  `http` or `https` (any case) right before it starts one, unless an earlier token covers it.
 *  The text is searched as it is, never lower-cased whole: V8's optimized `indexOf(s, from)` on
 *  a lower-cased copy went quadratic (12,000 links: 6 s; `lib/syzbot/links.test.ts`). */
export function urlTokens(text: string): string[] {
  const out: string[] = [];
  let next = 0; // where the previous token ended: no token starts before it
  for (let p = text.indexOf("://"); p >= 0; p = text.indexOf("://", p + 3)) {
    const a = p >= 5 && text.slice(p - 5, p).toLowerCase() === "https" ? p - 5 : p >= 4 && text.slice(p - 4, p).toLowerCase() === "http" ? p - 4 : -1;
    if (a < next) continue;
    const rest = p + 3 - a;
    let e = p + 3;
    while (e < text.length && !URL_END.has(text[e])) e++;
    let end = e;
    while (end > a + rest && TRAILING.has(text[end - 1])) end--;
    if (end > a + rest) out.push(text.slice(a, end).replace(/&amp;/g, "&"));
    next = e;
    p = Math.max(p, e - 3);
  }
  return out;
}

export interface LinkHosts {
  /** the configured fetch origin, e.g. `http://127.0.0.1:8080` in tests */
  origin: string;
}

type Kind = "log" | "console" | "config" | "syz" | "c" | "bug" | "report" | null;

function classify(u: URL): { kind: Kind; id: string | null; bug?: BugRef } {
  const q = u.searchParams;
  if (u.pathname === "/bug") {
    const extid = q.get("extid")?.toLowerCase();
    const id = q.get("id")?.toLowerCase();
    if (extid && isHex(extid, 64)) return { kind: "bug", id: extid, bug: { kind: "extid", value: extid } };
    if (id && isHex(id, 64)) return { kind: "bug", id, bug: { kind: "id", value: id } };
    return { kind: null, id: null };
  }
  let file: string | null = null;
  if (u.pathname.startsWith("/x/")) file = u.pathname.slice(3);
  else if (u.pathname === "/text") file = TEXT_TAGS[q.get("tag") ?? ""] ?? null;
  const x = q.get("x")?.toLowerCase() ?? "";
  if (!file || !isHex(x, 16)) return { kind: null, id: null };
  const kinds: Record<string, Kind> = { "bisect.txt": "log", "log.txt": "console", ".config": "config", "repro.syz": "syz", "repro.c": "c", "report.txt": "report" };
  return { kind: kinds[file] ?? null, id: x };
}

/** Is this URL on syzbot's public host or on the configured origin? */
export function acceptedHost(u: URL, hosts: LinkHosts): boolean {
  if (u.hostname === PUBLIC_HOST && (u.protocol === "https:" || u.protocol === "http:") && (u.port === "" || u.port === "443")) return true;
  try {
    return u.origin === new URL(hosts.origin).origin;
  } catch {
    return false;
  }
}

export function findSyzbotLinks(text: string, hosts: LinkHosts): SyzbotRefs {
  const refs: SyzbotRefs = {
    logXids: [],
    logUrls: {},
    bugs: [],
    bugUrl: null,
    consoleUrl: null,
    configUrl: null,
    syzReproUrl: null,
    cReproUrl: null,
    foreign: [],
    urls: 0,
  };
  // what is in refs already, so a text of thousands of links costs its length, not its square
  const seenLogs = new Set<string>();
  const seenBugs = new Set<string>();
  const addBug = (b: BugRef) => {
    const key = `${b.kind}:${b.value}`;
    if (seenBugs.has(key)) return;
    seenBugs.add(key);
    refs.bugs.push(b);
  };
  for (const token of urlTokens(text)) {
    refs.urls++;
    let u: URL;
    try {
      u = new URL(token);
    } catch {
      continue;
    }
    const c = classify(u);
    if (!c.kind) continue;
    if (!acceptedHost(u, hosts)) {
      refs.foreign.push(token);
      continue;
    }
    const href = u.toString();
    if (c.kind === "log" && c.id) {
      if (!seenLogs.has(c.id)) {
        seenLogs.add(c.id);
        refs.logXids.push(c.id);
      }
      refs.logUrls[c.id] ??= href;
    } else if (c.kind === "bug" && c.bug) {
      addBug(c.bug);
      refs.bugUrl ??= href;
    } else if (c.kind === "console") refs.consoleUrl ??= href;
    else if (c.kind === "config") refs.configUrl ??= href;
    else if (c.kind === "syz") refs.syzReproUrl ??= href;
    else if (c.kind === "c") refs.cReproUrl ??= href;
  }
  // Reported-by: syzbot+<extid>@syzkaller.appspotmail.com
  let i = 0;
  while ((i = text.indexOf("syzbot+", i)) >= 0) {
    i += 7;
    let e = i;
    while (e < text.length && e - i < 64 && /[0-9a-f]/.test(text[e])) e++;
    if (e > i && text.startsWith("@syzkaller.appspotmail.com", e)) addBug({ kind: "extid", value: text.slice(i, e) });
  }
  return refs;
}

/** Did the text name anything on syzbot at all? */
export function hasSyzbotRefs(r: SyzbotRefs): boolean {
  return r.logXids.length > 0 || r.bugs.length > 0 || r.consoleUrl !== null || r.configUrl !== null || r.syzReproUrl !== null || r.cReproUrl !== null;
}

/** `x=` ids of bisection logs linked from a syzbot bug page (HTML): `/x/bisect.txt?x=<id>` and
 *  the older `/text?tag=Log&x=<id>` (`&amp;` in HTML). One indexOf pass per pattern. */
export function bisectLogIdsInHtml(html: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const needle of ["/x/bisect.txt?x=", "tag=Log&amp;x=", "tag=Log&x="]) {
    let i = 0;
    while ((i = html.indexOf(needle, i)) >= 0) {
      i += needle.length;
      let e = i;
      while (e < html.length && e - i < 17 && /[0-9a-f]/.test(html[e])) e++;
      const id = html.slice(i, e);
      if (e - i <= 16 && id && !seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
  }
  return out;
}

/** `Log_<x>.txt`, as the corpus names syzbot's `/x/bisect.txt?x=<x>`. */
export function logXidFromFileName(name: string): string | null {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  if (!base.startsWith("Log_") || !base.endsWith(".txt")) return null;
  const x = base.slice(4, -4).toLowerCase();
  return isHex(x, 16) ? x : null;
}

export const bisectLogUrl = (origin: string, xid: string) => `${origin.replace(/\/+$/, "")}/x/bisect.txt?x=${xid}`;
export const bugPath = (b: BugRef) => `/bug?${b.kind}=${b.value}`;
