import { describe, expect, it } from 'vitest';
import { lintSharedTree, lintSource } from '../support/lintShared';

describe('shared/ purity rule', () => {
  it('flags the clock, Math.random and forbidden imports', () => {
    const bad = [
      'const t = Date.now();',
      'const d = new Date();',
      'const r = Math.random();',
      "import { Room } from '@colyseus/core';",
      "import Phaser from 'phaser';",
      "import { x } from '../../server/index';",
      "export * from '../client/net';",
      "const m = await import('../server/x');",
    ];
    expect(bad.map((line) => lintSource('x.ts', line).length)).toEqual(bad.map(() => 1));
  });

  it('lets ordinary code through', () => {
    const ok = ["import { z } from 'zod';", "import { produce } from 'immer';", 'const dateOfQuarter = 3;', "import { a } from './serverless';"];
    expect(ok.flatMap((line) => lintSource('x.ts', line))).toEqual([]);
  });

  it('lets only the room state schema use @colyseus/schema', () => {
    const line = "import { schema, t } from '@colyseus/schema';";
    expect(lintSource('shared/wire/state.ts', line)).toEqual([]);
    expect(lintSource('shared/rules/evolve.ts', line)).toHaveLength(1);
    expect(lintSource('shared/wire/messages.ts', line)).toHaveLength(1);
    expect(lintSource('shared/wire/state.ts', "import { Room } from '@colyseus/core';")).toHaveLength(1);
  });

  it('finds nothing in the real shared/ tree', () => {
    expect(lintSharedTree(process.cwd())).toEqual([]);
  });
});
