// Kconfig minimization (§2.7), three generations. The lines carry nothing the result needs;
// they are recognised so they are not warnings, and the test blocks they frame get the role
// "minimize" (test-block.ts). `# config-bisect.pl ...:` and `config minimization failed ...`
// are followed by free-form output lines.
import { P, type Pattern } from "./patterns";
import { closeRecord, type Rule } from "./rule";

const plain: Pattern[] = [
  P.configMinimized, P.configBisectStart, P.configBisectDone, P.configFoundChanges,
  P.baselineFailed, P.baselineCrashes, P.baselineUnable, P.minimizeFailed, P.minimizedNoRepro,
  P.kconfigStart, P.baseCrashes, P.tryingHalf, P.halfCrashed, P.bothHalves, P.resultingConfigs, P.onlyFull,
  P.dropInstrumentation, P.disablingConfigs, P.nothingToDisable, P.withoutInstrumentation,
  P.splitChunks, P.withoutSubChunk, P.chunkDropped, P.chunkNeeded, P.chunkNoSplit, P.predicateLimit,
  P.minimizedTo, P.proceedingOriginal,
];

const withOutput: Pattern[] = [P.configBisectPl, P.minimizationBadKconfig];

export const minimizeRules: Rule[] = [
  ...plain.map((pat): Rule => ({
    pat,
    apply(st) {
      closeRecord(st);
      st.step = null;
      st.mode = "top";
    },
  })),
  ...withOutput.map((pat): Rule => ({
    pat,
    apply(st) {
      closeRecord(st);
      st.step = null;
      st.mode = "text";
    },
  })),
];
