#!/usr/bin/env node
// `prisma generate` without network: the CLI wants a native schema engine it would download;
// generation itself does not use it, so a placeholder executable satisfies the check
// (see ../shared/ENVIRONMENT.md). An operator's own PRISMA_SCHEMA_ENGINE_BINARY wins.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(process.cwd(), "node_modules", ".cache", "bisectview");
  mkdirSync(dir, { recursive: true });
  const placeholder = join(dir, "schema-engine-placeholder");
  if (!existsSync(placeholder)) writeFileSync(placeholder, "#!/bin/sh\necho 'schema engine not available offline' >&2\nexit 1\n");
  chmodSync(placeholder, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", ...process.argv.slice(2)], { stdio: "inherit", env });
