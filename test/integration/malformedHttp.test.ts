import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLogger, NO_LIMITS } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';

// Bad input stays cheap and quiet: each malformed URL or body gets its 4xx with {error, message},
// and the server writes no error-level line about it.

let server: RunningServer;
let dir: string;
const lines: Array<{ level: string; msg: string }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'malformed-http-'));
  server = await startServer({ port: 0, dataDir: dir, logLevel: 'debug', limits: NO_LIMITS }, jsonLogger('debug', (l) => void lines.push(JSON.parse(l) as { level: string; msg: string })));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };
const CASES: Array<[string, string, RequestInit | undefined, number, string]> = [
  ['a lone percent sign as the id', '/api/matches/%', undefined, 400, 'BAD_URL'],
  ['a broken escape in the events path', '/api/matches/%E0%A4%A/events', undefined, 400, 'BAD_URL'],
  ['a broken escape in the export path', '/api/matches/%zz/export?format=csv', undefined, 400, 'BAD_URL'],
  ['an unknown status', '/api/matches?status=%FF', undefined, 400, 'BAD_REQUEST'],
  ['a repeated status', '/api/matches?status=live&status=waiting', undefined, 400, 'BAD_REQUEST'],
  ['an unknown export format', '/api/matches/nope/export?format=xml', undefined, 400, 'BAD_REQUEST'],
  ['an id of 2,000 characters', `/api/matches/${'x'.repeat(2000)}`, undefined, 404, 'MATCH_NOT_FOUND'],
  ['no such route', '/api/nothing-here', undefined, 404, 'NOT_FOUND'],
  ['a body that is not JSON', '/api/matches', { method: 'POST', headers: json, body: '{"seats":' }, 400, 'BAD_JSON'],
  ['a body that is a JSON string', '/api/matches', { method: 'POST', headers: json, body: '"seats"' }, 400, 'BAD_JSON'],
  ['a body of nulls', '/api/matches', { method: 'POST', headers: json, body: 'null' }, 400, 'BAD_JSON'],
  ['a body over 16 KiB', '/api/matches', { method: 'POST', headers: json, body: JSON.stringify({ seats: 2, pad: 'x'.repeat(20_000) }) }, 413, 'TOO_LARGE'],
  ['a NaN-like seat count', '/api/matches', { method: 'POST', headers: json, body: '{"seats":"NaN"}' }, 400, 'BAD_REQUEST'],
  ['a huge seed number', '/api/sessions', { method: 'POST', headers: json, body: '{"matches":1,"seats":2,"seed":1e300}' }, 400, 'BAD_REQUEST'],
  ['a fork of nothing', '/api/matches/nope/fork', { method: 'POST', headers: json, body: '{"quarter":1,"seats":[{"kind":"open"}]}' }, 400, 'MATCH_NOT_FOUND'],
];

describe('malformed HTTP requests', () => {
  it.each(CASES)('%s gets its 4xx and no error log line', async (_name, path, init, status, code) => {
    const before = lines.length;
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, init);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: code, message: expect.any(String) });
    const written = lines.slice(before);
    expect(written.filter((l) => l.level === 'error')).toEqual([]);
    expect(written.length).toBeLessThanOrEqual(1);
  });
});
