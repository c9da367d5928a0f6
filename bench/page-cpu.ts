// Server CPU per page request, read from /proc/<server pid>/stat (utime + stime, 10 ms ticks)
// before and after each request, one request at a time; several servers (a branch's build and
// main's, against one database) interleaved round by round, so the machine's load falls on both.
// Also the HTML bytes and the bytes of React's flight payload inlined in it.
//   node --import tsx bench/page-cpu.ts /upload,/,/b/<id> 100 main=<pid>@http://localhost:3831 r14=<pid>@http://localhost:3830
// The first path is the yardstick each server's other paths are divided by. BENCHMARKS.md,
// "Server CPU of a page render, round two".
import { readFileSync } from "node:fs";

const [paths = "/upload", roundsArg = "30", ...servers] = process.argv.slice(2);
const rounds = Number(roundsArg);
const ps = paths.split(",");
const sv = servers.map((s) => {
  const [name, rest = ""] = s.split("=");
  const [pid, base] = rest.split("@");
  return { name, pid, base };
});

/** the process's user + system CPU in ms */
function cpu(pid: string): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** bytes of the `self.__next_f.push([1, "..."])` chunks, decoded */
function flightBytes(html: string): number {
  let n = 0;
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,(".*?")\]\)<\/script>/gs)) n += Buffer.byteLength(JSON.parse(m[1]) as string);
  return n;
}

type Stat = { cpu: number; walls: number[]; bytes: number; flight: number };
const st = new Map<string, Stat>();
for (const s of sv) for (const p of ps) st.set(s.name + p, { cpu: 0, walls: [], bytes: 0, flight: 0 });
for (let i = 0; i < 3; i++) for (const s of sv) for (const p of ps) await (await fetch(s.base + p)).text();
for (let r = 0; r < rounds; r++) {
  for (const p of ps) {
    for (const s of r % 2 ? sv : [...sv].reverse()) {
      const c0 = cpu(s.pid);
      const t0 = performance.now();
      const html = await (await fetch(s.base + p)).text();
      const x = st.get(s.name + p)!;
      x.walls.push(performance.now() - t0);
      x.cpu += cpu(s.pid) - c0;
      x.bytes = Buffer.byteLength(html);
      if (r === 0) x.flight = flightBytes(html);
    }
  }
}
for (const s of sv) {
  const yard = st.get(s.name + ps[0])!.cpu / rounds;
  for (const p of ps) {
    const x = st.get(s.name + p)!;
    x.walls.sort((a, b) => a - b);
    const c = x.cpu / rounds;
    console.log(
      `${s.name.padEnd(6)} ${p.padEnd(20)} server CPU mean ${c.toFixed(1).padStart(5)} ms/request (${(c / yard).toFixed(2)}x ${ps[0]}), ` +
        `wall median ${x.walls[rounds >> 1].toFixed(1).padStart(5)} ms, ${x.bytes.toLocaleString("en").padStart(7)} bytes, flight ${x.flight.toLocaleString("en").padStart(7)} bytes`,
    );
  }
}
