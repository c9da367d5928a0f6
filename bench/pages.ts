// Server time of `/`, a search, a path filter and `/b/<id>` against a static page of the same
// server, with 1,000 and then 100,000 bisections stored. The corpus is imported once; the rest
// are copies made in SQL (new ids and hashes, same content), so indexes and plans see real
// row counts. Needs `next build` first.
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";

const ROUTES = (id: string): [string, string][] => [
  ["static /upload", "/upload"],
  ["list /", "/"],
  ["list page 20", "/?page=20"],
  ["search ?q=kvm_wait", "/?q=kvm_wait"],
  ["search hash prefix", "/?q=997acaf6"],
  ["path ?path=kernel/locking/", "/?path=kernel/locking/"],
  ["sort by title", "/?sort=title&dir=asc"],
  ["bisection /b/<id>", `/b/${id}`],
  ["JSON /api/bisections", "/api/bisections?q=kasan"],
];

async function fill(url: string, target: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const have = Number((await c.query("SELECT count(*) FROM bisection")).rows[0].count);
  const originals = Number((await c.query("SELECT count(*) FROM bisection WHERE id NOT LIKE 'z%'")).rows[0].count);
  let copy = Math.ceil(have / originals);
  let now = have;
  // building the trigram index once after the copies is much faster than maintaining it per row
  if (now < target) await c.query("DROP INDEX IF EXISTS bisection_search_text_idx");
  while (now < target) {
    const n = Math.min(originals, target - now);
    await c.query("BEGIN");
    await c.query(
      `CREATE TEMP TABLE m ON COMMIT DROP AS
         SELECT id AS old, 'z' || substr(md5(id || $1::text), 1, 11) AS new FROM bisection WHERE id NOT LIKE 'z%' ORDER BY id LIMIT $2`,
      [copy, n],
    );
    await c.query(`INSERT INTO bisection SELECT m.new, md5(b.content_hash || $1::text) || substr(b.content_hash, 33),
        b.type, b.outcome, b.uploaded_at - ($1::int * interval '1 hour'),
        b.start_commit_hash, b.found_commit_hash, b.crash_signature_id, b.start_signature_id, b.candidates, b.error,
        b.syzkaller_commit, b.host, b.revisions_tested, b.total_seconds, b.build_seconds, b.test_seconds, b.culprit_signature,
        b.parent_signature, b.error_probability, b.flaky_text, b.horizon_message, b.recipients_to, b.recipients_cc,
        b.bisect_start_line, b.result_line, b.truncated, b.head_truncated, b.line_count, b.step_count, b.warnings, b.verdict,
        b.verdict_headline, b.findings, b.confidence, b.search_text
      FROM bisection b JOIN m ON m.old = b.id`, [copy]);
    await c.query(`INSERT INTO step SELECT m.new, s."index", s.commit_hash, s.role, s.release, s.subject, s.compiler, s.compiler_type,
        s.kernel_signature, s.build_error, s.all_runs_outcome, s.all_runs_title, s.all_runs_line, s.representative_crash,
        s.false_negative_chance, s.notes, s.verdict, s.verdict_line, s.revisions_left, s.untested, s.line, s.end_line
      FROM step s JOIN m ON m.old = s.bisection_id`);
    await c.query(`INSERT INTO culprit SELECT m.new, u.hash, u.subject, u.author, u.author_email, u.date_text, u.date, u.message,
        u.merge_parents, u.files_changed, u.insertions, u.deletions
      FROM culprit u JOIN m ON m.old = u.bisection_id`);
    await c.query(`INSERT INTO culprit_file SELECT m.new, f.path, f.created, f.deleted, f.changes, f.insertions, f.deletions
      FROM culprit_file f JOIN m ON m.old = f.bisection_id`);
    await c.query(`INSERT INTO crash_report SELECT m.new, r.signature_id, r.line, r.end_line, r.header, r.guilty_file, r.guilty_frame
      FROM crash_report r JOIN m ON m.old = r.bisection_id`);
    await c.query("COMMIT");
    now += n;
    copy++;
  }
  await c.query('CREATE INDEX IF NOT EXISTS "bisection_search_text_idx" ON "bisection" USING GIN ("search_text" gin_trgm_ops)');
  await c.query("VACUUM ANALYZE");
  await c.end();
  return now;
}

async function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill();
  throw new Error("server did not start");
}

async function timeRoute(base: string, path: string, reps: number): Promise<{ p50: number; p90: number; status: number }> {
  let status = 0;
  for (let i = 0; i < 3; i++) status = (await (await fetch(base + path)).arrayBuffer(), 200);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const res = await fetch(base + path);
    await res.arrayBuffer();
    status = res.status;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(reps / 2)], p90: times[Math.floor(reps * 0.9)], status };
}

export async function benchPages(url: string, seedId: string, sizes = [1_000, 100_000], reps = 25): Promise<string> {
  const out: string[] = [`server time per request (sequential, median and p90 of ${reps} after 3 warm-ups; next start, 1 process):`];
  const table = new Map<string, string[]>();
  for (const size of sizes) {
    const stored = await fill(url, size);
    const port = 3900;
    const child = await startServer(url, port);
    try {
      for (const [name, path] of ROUTES(seedId)) {
        const t = await timeRoute(`http://localhost:${port}`, path, reps);
        const row = table.get(name) ?? [];
        row.push(`${stored.toLocaleString("en")}: ${t.p50.toFixed(1)} / ${t.p90.toFixed(1)} ms${t.status === 200 ? "" : ` (HTTP ${t.status})`}`);
        table.set(name, row);
      }
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
  for (const [name, row] of table) out.push(`  ${name.padEnd(28)} ${row.join("   ")}`);
  return out.join("\n");
}
