import type { Reply } from './connection';

/** Waits before each retry: the room's limit counts messages per second. */
export const RETRY_AFTER_MS = [400, 1000] as const;

/**
 * Sends a command again when the room refused it only for coming too fast (RATE_LIMITED): such a
 * refusal changes nothing, and the player's intent (save, lock) still stands. A player who locks
 * quarter after quarter in quick succession with the keyboard could otherwise be left with a
 * "slow down" and an unlocked sheet. At most as many retries as RETRY_AFTER_MS has waits; any
 * other answer is returned as it came.
 */
export async function sendPaced(sendOnce: () => Promise<Reply>, wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<Reply> {
  let reply = await sendOnce();
  for (const ms of RETRY_AFTER_MS) {
    if (reply.ok || reply.code !== 'RATE_LIMITED') return reply;
    await wait(ms);
    reply = await sendOnce();
  }
  return reply;
}
