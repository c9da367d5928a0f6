// The judge's detail as stored in `bisection.judge_detail` (written by lib/ingest from the
// Judgement, read back by lib/data/bisection.ts through this schema): the guilty file's route,
// the trusted range with its replay script, and the terms of the chance.
import { z } from "zod";
import { GUILTY_RULES, OFF_TARGET_KINDS, type GitVerdict } from "@/lib/domain/words";

const guiltySkip = z.object({ file: z.string(), line: z.number().int(), why: z.string() });

export const guiltyRouteSchema = z.object({
  file: z.string(),
  /** index into the crash's frames, null when the line is no parsed frame */
  frame: z.number().int().nullable(),
  line: z.number().int(),
  rule: z.enum(GUILTY_RULES),
  skipped: z.array(guiltySkip),
  over: z.string().nullable(),
  start: z.string().nullable(),
  /** the oops line the scan started at, when the lines before it named files (absent in
   *  details stored before judge version 7) */
  oopsLine: z.number().int().nullable().default(null),
  /** one sentence: the frame and the rule that skipped the frames above it */
  why: z.string(),
});

const stepTrust = z.object({
  index: z.number().int(),
  commit: z.string(),
  /** git's word, as logged (skips are not in the range) */
  verdict: z.enum(["good", "bad"] satisfies GitVerdict[]),
  crashed: z.boolean(),
  trusted: z.boolean(),
  why: z.string().nullable(),
  offTarget: z.enum(OFF_TARGET_KINDS).nullable(),
  position: z.number().nullable(),
  line: z.number().int(),
});

export const trustedRangeSchema = z.object({
  reference: z.array(z.string()),
  steps: z.array(stepTrust),
  good: z.string(),
  bad: z.string(),
  goodLine: z.number().int().nullable(),
  badLine: z.number().int().nullable(),
  candidates: z.number().int().nullable(),
  stepsLeft: z.number().int().nullable(),
  allTrusted: z.boolean(),
  reproduces: z.boolean(),
  script: z.string(),
  hint: z.string(),
});

export const judgeDetailSchema = z.object({
  guilty: guiltyRouteSchema.nullable(),
  trust: trustedRangeSchema.nullable(),
  chanceTerms: z.array(z.object({ feature: z.string(), oddsFactor: z.number() })),
});

export type JudgeDetail = z.infer<typeof judgeDetailSchema>;
export type TrustedRangeDetail = z.infer<typeof trustedRangeSchema>;
export type GuiltyRouteDetail = z.infer<typeof guiltyRouteSchema>;
