#!/usr/bin/env node
// The lectern command. The engine is TypeScript shared with the extension; tsx runs it
// directly so the CLI works right after `npm ci` with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
