#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` (scripts/build.mjs) into dist/.
import "../dist/cli.mjs";
