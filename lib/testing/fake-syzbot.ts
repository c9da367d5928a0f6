// A stand-in for syzkaller.appspot.com on 127.0.0.1: corpus logs at `/x/bisect.txt?x=<id>`,
// bug pages as JSON (`?json=1`, shaped like dashboard/api/api.go's Bug) and as HTML linking
// their bisection logs the way syzbot's bug page does, bug lists (`/<ns>?json=1`,
// `/<ns>/fixed?json=1`), and the failures the fetcher must refuse. Used by vitest and e2e.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";

export const CORPUS = path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023");

/** Log ids with a behaviour instead of a log. */
export const FAKE = {
  /** 11 MiB, sent without Content-Length */
  bigXid: "b19b19",
  /** 11 MiB with a Content-Length that says so */
  bigDeclaredXid: "b19d",
  /** headers, then silence */
  slowXid: "5105",
  /** a redirect to another host */
  awayXid: "a3a3",
  /** a redirect within the origin, to the log `sameTarget` */
  sameXid: "5a3e",
} as const;

export interface FakeBug {
  extid: string;
  /** 40 hex */
  id: string;
  title: string;
  /** the bisection logs its page links */
  xids: string[];
  list?: "open" | "fixed";
  namespace?: string;
  /** a kernel-config link in place of syzbot's relative one */
  configLink?: string;
}

export interface FakeSyzbot {
  origin: string;
  /** every request's path and query, in order */
  requests: string[];
  bugs: FakeBug[];
  /** where FAKE.sameXid redirects */
  sameTarget: string;
  close(): Promise<void>;
}

const corpusLog = (xid: string): string | null => {
  try {
    return readFileSync(path.join(CORPUS, `Log_${xid}.txt`), "utf8");
  } catch {
    return null;
  }
};

function bugJson(origin: string, b: FakeBug): string {
  return JSON.stringify(
    {
      version: 1,
      title: b.title,
      id: b.id,
      status: "closed as fixed on 2023/01/01 00:00",
      "first-crash": "2022-01-01T00:00:00Z",
      "last-crash": "2022-06-01T00:00:00Z",
      crashes: [
        {
          title: b.title,
          "syz-reproducer": `/text?tag=ReproSyz&x=1${b.extid.slice(0, 11)}`,
          "c-reproducer": `/text?tag=ReproC&x=2${b.extid.slice(0, 11)}`,
          "kernel-config": b.configLink ?? `/text?tag=KernelConfig&x=3${b.extid.slice(0, 11)}`,
          "kernel-source-commit": "1111111111111111111111111111111111111111",
          "crash-report-link": `/text?tag=CrashReport&x=4${b.extid.slice(0, 11)}`,
        },
      ],
    },
    null,
    "\t",
  );
}

function bugHtml(b: FakeBug): string {
  // syzbot's bug page links bisection logs through externalLink: absolute, on its public host
  const jobs = b.xids.map((x) => `<b>Cause bisection: introduced by</b> <b>(<a href="https://syzkaller.appspot.com/x/bisect.txt?x=${x}">bisect log</a>)</b><br>`);
  return `<!doctype html><html><head><title>${b.title}</title></head><body><h1>${b.title}</h1>${jobs.join("\n")}
<a href="/text?tag=KernelConfig&amp;x=3${b.extid.slice(0, 11)}">.config</a></body></html>`;
}

export async function startFakeSyzbot(bugs: FakeBug[] = [], port = 0): Promise<FakeSyzbot> {
  const requests: string[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const state = { origin: "", sameTarget: "10008d0e500000" };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://fake");
    requests.push(u.pathname + u.search);
    const text = (status: number, body: string, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    if (u.pathname === "/x/bisect.txt") {
      const x = u.searchParams.get("x") ?? "";
      if (x === FAKE.bigXid || x === FAKE.bigDeclaredXid) {
        const chunk = Buffer.alloc(1024 * 1024, "a");
        res.writeHead(200, { "content-type": "text/plain", ...(x === FAKE.bigDeclaredXid ? { "content-length": String(11 * chunk.length) } : {}) });
        let sent = 0;
        const more = () => {
          while (sent < 11) {
            sent++;
            if (!res.write(chunk)) return void res.once("drain", more);
          }
          res.end();
        };
        res.on("error", () => undefined);
        return more();
      }
      if (x === FAKE.slowXid) {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("bisecting cause commit starting from ");
        return; // never ends
      }
      if (x === FAKE.awayXid) {
        res.writeHead(302, { location: `http://203.0.113.7/x/bisect.txt?x=${x}` });
        return void res.end();
      }
      if (x === FAKE.sameXid) {
        res.writeHead(301, { location: `/x/bisect.txt?x=${state.sameTarget}` });
        return void res.end();
      }
      const log = corpusLog(x);
      return log === null ? text(404, "no such text\n") : text(200, log);
    }
    if (u.pathname === "/bug") {
      const extid = u.searchParams.get("extid");
      const id = u.searchParams.get("id");
      const b = bugs.find((x) => (extid && x.extid === extid) || (id && x.id === id));
      if (!b) return text(404, "no such bug\n");
      return u.searchParams.get("json") === "1" ? text(200, bugJson(state.origin, b), "application/json") : text(200, bugHtml(b), "text/html; charset=utf-8");
    }
    const m = /^\/([a-z0-9-]+)(\/fixed)?$/.exec(u.pathname);
    if (m && u.searchParams.get("json") === "1") {
      const list = m[2] ? "fixed" : "open";
      const rows = bugs.filter((b) => (b.namespace ?? "upstream") === m[1] && (b.list ?? "open") === list).map((b) => ({ title: b.title, link: `/bug?extid=${b.extid}` }));
      return text(200, JSON.stringify({ version: 1, Bugs: rows }, null, "\t"), "application/json");
    }
    return text(404, "not found\n");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const addr = server.address();
  state.origin = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : port}`;
  return {
    origin: state.origin,
    requests,
    bugs,
    get sameTarget() {
      return state.sameTarget;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
