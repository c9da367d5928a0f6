// What the verdicts the judge trusts still say: the range they support, the commits left in it,
// and a `git bisect replay` script to continue by hand.
import { shortHash } from "@/lib/format";
import { logUrl } from "@/lib/log-range";
import type { TrustView } from "@/lib/pages/bisection";
import { CopyButton } from "./copy-button";
import { Backticks } from "@/components/ui/backticks";

function Bound({ id, hash, line }: { id: string; hash: string; line: number | null }) {
  return (
    <>
      <a href={`/c/${hash}`} className="font-mono">
        {/^[0-9a-f]{40}$/.test(hash) ? shortHash(hash) : hash}
      </a>
      {line !== null && (
        <a href={logUrl(id, line)} className="ml-1 font-mono text-[0.8rem]">
          (L{line})
        </a>
      )}
    </>
  );
}

const lines = (text: string) => text.split("\n").filter((l) => l !== "").length;

export function TrustedRange({ t }: { t: TrustView }) {
  const { id, range, left } = t;
  return (
    <section id="trusted-range" aria-labelledby="trusted-h" data-testid="trusted-range" className="mt-5 max-w-[120ch] min-[2300px]:mt-4 min-[2300px]:min-w-[60ch] min-[2300px]:flex-1">
      <h2 id="trusted-h" className="text-base font-semibold">
        Trustworthy range
      </h2>
      <p>
        {range.allTrusted
          ? "The judge trusts every verdict of this log."
          : `The judge does not trust ${t.untrusted} of ${range.steps.length} verdicts (crashes that are not the bug, or too few clean runs).`}{" "}
        The trusted verdicts support git&rsquo;s range from good <Bound id={id} hash={range.good} line={range.goodLine} /> to bad{" "}
        <Bound id={id} hash={range.bad} line={range.badLine} />, with <span data-testid="revisions-left">{left}</span>
        {range.reproduces ? ", and it ends on this log's result." : "."}
        {t.fix && " (Fix bisection: git's good means still crashing.)"}
      </p>
      {range.reference.length > 0 && (
        <p className="text-[0.85rem] text-muted">
          the bug, as the start commit crashed: {range.reference.map((t) => `“${t}”`).join(", ")}
        </p>
      )}
      <p className="mt-1 text-[0.85rem]">
        <Backticks text={range.hint} />
      </p>
      {/* folded: 25 lines of hashes would push the culprit and the crash a screen down; the
          copy button takes it whole either way */}
      <div className="mt-1 flex items-start justify-between gap-2">
        <details className="min-w-0 flex-1">
          <summary className="cursor-pointer text-[0.85rem] font-semibold text-muted">
            replay script (git bisect replay, {lines(range.script)} lines)
          </summary>
          <pre id="replay-script" data-testid="replay-script" className="scroll-cue cue-soft mt-1 p-1.5 font-mono text-[0.8rem] leading-snug whitespace-pre">
            {range.script}
          </pre>
        </details>
        <CopyButton from="replay-script" label="copy replay script" />
      </div>
    </section>
  );
}
