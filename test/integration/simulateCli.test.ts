import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
const simulate = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli/simulate.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });

describe('simulator CLI', () => {
  it('writes every report key, and the same arguments give the same result hash', async () => {
    const args = ['--matches', '6', '--players', '4', '--seed', 'cli', '--workers', '2', '--difficulty', 'mixed'];
    const first = await simulate([...args, '--json', join(dir, 'a.json')]);
    await simulate([...args, '--json', join(dir, 'b.json'), '--workers', '1']);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    for (const key of ['matches', 'players', 'seed', 'wins', 'winRate', 'firstLoop', 'firstLoopQuarter', 'loopsClosed', 'matchesPerSecond', 'resultHash'])
      expect(a).toHaveProperty(key);
    // The race and the markets (issue #15).
    expect(a.endedByLoops).toBeGreaterThanOrEqual(0);
    expect(a.endedByLoops).toBeLessThanOrEqual(1);
    expect(a.endedByLoops).toBeCloseTo(a.winsByReason.loops / 6, 4);
    expect(Object.keys(a.endQuarter).sort()).toEqual(['median', 'p10', 'p90']);
    expect(a.endQuarter.p10).toBeLessThanOrEqual(a.endQuarter.median);
    expect(a.endQuarter.median).toBeLessThanOrEqual(a.endQuarter.p90);
    expect(a.endQuarter.p90).toBeLessThanOrEqual(20);
    expect(a.foundryPrice.length).toBeLessThanOrEqual(20);
    for (const price of a.foundryPrice as Array<number | null>) if (price !== null) expect(price).toBeGreaterThanOrEqual(800);
    expect(a.foundrySoldOutShare).toBeGreaterThanOrEqual(0);
    expect(a.foundrySoldOutShare).toBeLessThanOrEqual(1);
    expect(a.firstAuctionMaxLicensesOneSeat).toBe(0);
    expect(b.foundryPrice).toEqual(a.foundryPrice);
    expect(Object.keys(a.firstLoop).sort()).toEqual(['none', 'robotaxi', 'robots', 'satellites']);
    expect(Object.keys(a.firstLoopQuarter).sort()).toEqual(['median', 'p10', 'p90']);
    expect(a).toMatchObject({ matches: 6, players: 4, seed: 'cli', rejections: 0 });
    expect(b.resultHash).toBe(a.resultHash);
    expect(a.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(a.wins as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(6);
    expect(first.stdout).toContain('## Which line closes its loop first?');
    expect(first.stdout).toContain('## The race');
    expect(first.stdout).toContain('## Race targets (issue #15)');
    expect(first.stdout).toContain(a.resultHash);
    const other = await simulate(['--matches', '6', '--players', '4', '--seed', 'cli-2', '--json', join(dir, 'c.json')]);
    expect(other.stdout).not.toContain(a.resultHash);
  }, 120_000);

  it('puts a challenger policy in one seat of every match, and plays every pair head to head', async () => {
    await simulate(['--matches', '4', '--seed', 'cli-idle', '--challenger', 'idle', '--json', join(dir, 'idle.json')]);
    const idle = JSON.parse(readFileSync(join(dir, 'idle.json'), 'utf8'));
    expect(idle.seatsPlayed.idle).toBe(4);
    expect(idle.winRate.idle).toBe(0);
    expect(idle.rejections).toBe(0);
    const matrix = await simulate(['--matches', '2', '--seed', 'cli-m', '--strategies', 'robotaxi,satellites,idle', '--matrix', '--json', join(dir, 'm.json')]);
    const h = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
    expect(h).toMatchObject({ matchesPerPair: 2, seed: 'cli-m', strategies: ['robotaxi', 'satellites', 'idle'] });
    // Each pair's two rates add up to every match; nobody loses to a player who never orders.
    expect(h.rate.robotaxi.satellites + h.rate.satellites.robotaxi).toBe(1);
    expect(h.rate.robotaxi.idle).toBe(1);
    expect(h.rate.satellites.idle).toBe(1);
    expect(matrix.stdout).toContain('| row beats column | robotaxi | satellites | idle |');
  }, 120_000);

  it.each([
    [['--matches', 'ten', '--seed', 'x']],
    [['--matches', '5']],
    [['--seed', 'x', '--strategies', 'chess']],
    [['--seed', 'x', '--challenger', 'allin-chess']],
    [['--seed', 'x', '--difficulty', 'godlike']],
    [['--seed', 'x', '--wat']],
    [['--seed', 'x', '--players', '9']],
  ])('refuses %j with a usage message and exit code 2', async (args) => {
    const err = (await simulate(args).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    ))!;
    expect(err).not.toBeNull();
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('usage: npm run simulate');
  }, 60_000);
});
