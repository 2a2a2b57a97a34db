import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// shared/ is the game itself and must stay pure: no clock, no Math.random, no server or client code.

export interface Violation {
  file: string;
  line: number;
  rule: string;
  text: string;
}

const RULES: Array<{ rule: string; pattern: RegExp }> = [
  { rule: 'reads the clock (Date.now)', pattern: /\bDate\s*\.\s*now\b/ },
  { rule: 'reads the clock (new Date)', pattern: /\bnew\s+Date\b/ },
  { rule: 'reads the clock (performance.now)', pattern: /\bperformance\s*\.\s*now\b/ },
  { rule: 'uses Math.random', pattern: /\bMath\s*\.\s*random\b/ },
  { rule: 'uses crypto randomness', pattern: /\b(getRandomValues|randomUUID|randomBytes)\b/ },
  {
    rule: 'imports server, client, phaser or @colyseus',
    pattern: /\b(?:from|import)\s*\(?\s*['"](?:(?:\.\.?\/)+(?:server|client)\b[^'"]*|phaser(?:\/[^'"]*)?|@colyseus\/[^'"]*)['"]/,
  },
];

// The room state's schema (shared/wire/state.ts) is the one place that may use @colyseus/schema:
// it is the wire format both sides decode, pure data definitions, and no engine code imports it.
const WIRE_STATE = /^shared\/wire\/state\.ts$/;
const SCHEMA_IMPORT = /\bfrom\s*['"]@colyseus\/schema['"]/;

export function lintSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  const path = file.replaceAll('\\', '/');
  source.split('\n').forEach((text, i) => {
    for (const { rule, pattern } of RULES) {
      if (!pattern.test(text)) continue;
      if (WIRE_STATE.test(path) && SCHEMA_IMPORT.test(text)) continue;
      out.push({ file, line: i + 1, rule, text: text.trim() });
    }
  });
  return out;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

export function lintSharedTree(root: string): Violation[] {
  const dir = join(root, 'shared');
  return tsFiles(dir).flatMap((file) => lintSource(relative(root, file), readFileSync(file, 'utf8')));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const violations = lintSharedTree(process.cwd());
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.rule}: ${v.text}`);
  if (violations.length > 0) {
    console.error(`shared/ must stay deterministic and standalone: ${violations.length} violation(s).`);
    process.exit(1);
  }
  console.log('lint: shared/ is deterministic and imports nothing from server/, client/, phaser or @colyseus.');
}
