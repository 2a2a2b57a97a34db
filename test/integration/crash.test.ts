import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../shared/replay/envelope';
import { fold } from '../../shared/replay/fold';
import { viewHash } from '../../shared/views/visibility';
import { GameClient, type Reply } from '../support/gameClient';
import { ServerProcess } from '../support/serverProcess';
import { storedLog as logOnDisk } from '../support/storedLog';

const dir = mkdtempSync(join(tmpdir(), 'crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storedLog = (matchId: string) => logOnDisk(dir, matchId);

describe('crash and restart', () => {
  it('SIGKILL between quarters and mid-planning loses no acknowledged command; the match resumes from its log', async () => {
    let server = await ServerProcess.start(dir);
    const created = await server.api('/api/matches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'normal' }], planningSeconds: 0, seed: 'crash' }),
    });
    const { matchId } = (await created.json()) as { matchId: string };
    let ada = await GameClient.join(server.port, matchId, { name: 'Ada' });
    const token = ada.token!;
    const acked: number[] = [];
    const ack = (r: Reply) => {
      expect(r).toMatchObject({ ok: true });
      if (r.ok) acked.push(r.seq);
    };
    await ada.until(() => ada.state.status === 'planning');
    ack(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 1000, aiTraining: 500 } } }));
    ack(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } }));
    await ada.until(() => ada.state.quarter === 2);

    // 1. Killed between quarters.
    await server.kill();
    const afterFirst = storedLog(matchId);
    expect(verifyLog(afterFirst)).toEqual({ ok: true, count: afterFirst.length });
    for (const seq of acked) expect(afterFirst.some((e) => e.seq === seq)).toBe(true);
    expect(fold(afterFirst).quarter).toBe(2);

    server = await ServerProcess.start(dir);
    ada = await GameClient.join(server.port, matchId, { token });
    expect(ada.seat).toBe(0);
    await ada.until(() => ada.state.quarter === 2 && ada.state.status === 'planning');
    ack(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 2, orders: { fsdRnD: 777 } } }));

    // 2. Killed mid-planning, right after an acknowledged sheet.
    await server.kill();
    const afterSecond = storedLog(matchId);
    expect(verifyLog(afterSecond).ok).toBe(true);
    for (const seq of acked) expect(afterSecond.some((e) => e.seq === seq)).toBe(true);
    expect(fold(afterSecond).players[0]!.orders).toMatchObject({ fsdRnD: 777 });

    server = await ServerProcess.start(dir);
    ada = await GameClient.join(server.port, matchId, { token });
    await ada.until(() => ada.state.status === 'planning' && ada.state.players[0]?.own?.orders?.fsdRnD === 777);
    ack(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 2 } }));
    await ada.until(() => ada.state.quarter === 3);
    // Ada's token shows her the hash of her view (her books included) of the live state.
    const summary = (await (await server.api(`/api/matches/${matchId}`, { headers: { 'x-seat-token': token } })).json()) as { viewHash: string; version: number };
    const log = storedLog(matchId);
    expect(summary.version).toBe(log.length);
    expect(summary.viewHash).toBe(viewHash(fold(log), { kind: 'seat', seat: 0 }));
    await ada.leave();
    // A clean stop (Ctrl-C) exits 0.
    expect(await server.stop()).toBe(0);
  }, 90_000);
});
