import { describe, expect, it } from 'vitest';
import type { Reply } from '../../client/src/net/connection';
import { RETRY_AFTER_MS, sendPaced } from '../../client/src/net/rateLimited';

const limited: Reply = { ok: false, code: 'RATE_LIMITED', message: 'At most 20 messages a second.' };

function script(replies: Reply[]) {
  const waits: number[] = [];
  let sent = 0;
  const sendOnce = async () => replies[Math.min(sent++, replies.length - 1)]!;
  return { sendOnce, wait: async (ms: number) => void waits.push(ms), waits, sent: () => sent };
}

describe('a command refused for coming too fast', () => {
  it('is sent again after a wait, and the answer that follows is the one returned', async () => {
    const s = script([limited, limited, { ok: true, seq: 42 }]);
    expect(await sendPaced(s.sendOnce, s.wait)).toEqual({ ok: true, seq: 42 });
    expect(s.sent()).toBe(3);
    expect(s.waits).toEqual([...RETRY_AFTER_MS]);
  });

  it('gives up after the last wait and returns the refusal', async () => {
    const s = script([limited]);
    expect(await sendPaced(s.sendOnce, s.wait)).toEqual(limited);
    expect(s.sent()).toBe(RETRY_AFTER_MS.length + 1);
  });

  it('returns any other answer at once, without sending again', async () => {
    for (const reply of [{ ok: true, seq: 1 } as Reply, { ok: false, code: 'STALE_QUARTER', message: 'x' } as Reply, { ok: false, code: 'CHAT_RATE_LIMITED', message: 'y' } as Reply]) {
      const s = script([reply]);
      expect(await sendPaced(s.sendOnce, s.wait)).toEqual(reply);
      expect(s.sent()).toBe(1);
      expect(s.waits).toEqual([]);
    }
  });
});
