// The judge's version. Every stored bisection records the version that judged it; a server
// started with a newer judge re-judges older rows from their stored logs (lib/ingest/rejudge.ts),
// so a page never shows a verdict the current rules would not give. Bump it with every change
// that moves any judgement: lib/analysis/version.test.ts pins the judge's output on the goldens
// to this number and fails until both are updated together.
export const JUDGE_VERSION = 10;
