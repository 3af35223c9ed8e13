// Node-only reader of rule-pack folders, for the CLI, the tests and the benchmark. The
// extension bundles rules/ at build time instead (entrypoints/background.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadPacks, type RuleSet } from './rule-packs';

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../rules', import.meta.url));

export function readPackFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const pack of readdirSync(dir)) {
    const packDir = join(dir, pack);
    if (!statSync(packDir).isDirectory()) continue;
    for (const name of readdirSync(packDir)) {
      if (name.endsWith('.json')) {
        files[relative(dir, join(packDir, name)).split('\\').join('/')] = readFileSync(
          join(packDir, name),
          'utf8',
        );
      }
    }
  }
  return files;
}

let builtin: RuleSet | undefined;

export function builtinRules(): RuleSet {
  builtin ??= loadPacks(readPackFiles(BUILTIN_RULES_DIR));
  return builtin;
}
