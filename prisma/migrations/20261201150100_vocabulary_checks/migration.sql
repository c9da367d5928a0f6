-- Columns that hold one of the domain's words accept only those words. The lists are
-- lib/domain/words.ts; prisma/vocabulary-sync.test.ts reads these constraints back from a
-- migrated database and compares them with the lists, so a word added there needs a migration
-- that replaces the constraint here (DROP CONSTRAINT, ADD CONSTRAINT), and the test says which.
-- Every stored row was written by lib/ingest from the parser's and the judge's values, which are
-- these words, so the constraints validate on existing data.

ALTER TABLE "bisection" ADD CONSTRAINT "bisection_type_check" CHECK ("type" IN ('cause', 'fix'));
ALTER TABLE "bisection" ADD CONSTRAINT "bisection_outcome_check" CHECK ("outcome" IN ('found', 'inconclusive', 'horizon', 'error', 'incomplete'));
ALTER TABLE "bisection" ADD CONSTRAINT "bisection_verdict_check" CHECK ("verdict" IN ('likely-wrong', 'doubtful', 'clean', 'n/a'));
ALTER TABLE "step" ADD CONSTRAINT "step_role_check" CHECK ("role" IN ('start', 'release', 'head', 'merge-base', 'minimize', 'bisect', 'parent'));
ALTER TABLE "step" ADD CONSTRAINT "step_verdict_check" CHECK ("verdict" IN ('good', 'bad', 'skip'));
ALTER TABLE "step" ADD CONSTRAINT "step_all_runs_outcome_check" CHECK ("all_runs_outcome" IN ('ok', 'crashed', 'boot-failed', 'test-failed', 'infra', 'ignored', 'failed'));
ALTER TABLE "run" ADD CONSTRAINT "run_outcome_check" CHECK ("outcome" IN ('ok', 'crashed', 'boot-failed', 'test-failed', 'infra', 'ignored', 'failed'));
ALTER TABLE "frame" ADD CONSTRAINT "frame_section_check" CHECK ("section" IN ('header', 'rip', 'call-trace', 'allocated', 'freed', 'other-stack'));
ALTER TABLE "developer_mark" ADD CONSTRAINT "developer_mark_verdict_check" CHECK ("verdict" IN ('right', 'wrong'));
