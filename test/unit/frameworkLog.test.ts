import { describe, expect, it } from 'vitest';
import type { Logger } from '../../server/config';
import { frameworkLogger, REPEAT_WINDOW_MS } from '../../server/frameworkLog';

function capture() {
  const lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => void lines.push({ level, msg, fields });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

/** An error as msgpackr throws it from inside Colyseus' frame reader. */
function decodeError(): Error {
  const e = new Error('Data read, but end of buffer not reached {"name":"MessagePack 0xC1"}');
  e.stack = `${e.message}\n    at checkedRead (node_modules/msgpackr/dist/node.cjs:1:1)\n    at RoomMessages.onData (node_modules/@colyseus/core/build/RoomMessages.mjs:122:1)`;
  return e;
}

describe('the framework logger', () => {
  it('writes a client frame error once as a warning without its stack, then counts repeats and reports them after the window', () => {
    const { log, lines } = capture();
    let now = 1_000;
    const f = frameworkLogger(log, () => now);
    for (let i = 0; i < 500; i++) f.error(decodeError());
    expect(lines).toEqual([{ level: 'warn', msg: 'framework', fields: { message: 'Data read, but end of buffer not reached {"name":"MessagePack 0xC1"}', cause: 'client input' } }]);
    now += REPEAT_WINDOW_MS - 1;
    f.sweep();
    expect(lines).toHaveLength(1);
    now += 1;
    f.sweep();
    expect(lines[1]).toEqual({ level: 'warn', msg: 'framework message repeated', fields: { message: lines[0]!.fields.message, repeats: 499, overMs: REPEAT_WINDOW_MS, cause: 'client input' } });
    // A new window starts with a line of its own.
    f.error(decodeError());
    expect(lines).toHaveLength(3);
  });

  it('keeps a fault of ours at error level, on one line, and reports its repeats at shutdown', () => {
    const { log, lines } = capture();
    const f = frameworkLogger(log, () => 0);
    const ours = new Error('onDispose error: store closed');
    f.error(ours);
    f.error(ours);
    f.warn('a plain warning');
    f.flush();
    expect(lines.map((l) => [l.level, l.msg, l.fields.message, l.fields.repeats])).toEqual([
      ['error', 'framework', 'Error: onDispose error: store closed', undefined],
      ['warn', 'framework', 'a plain warning', undefined],
      ['error', 'framework message repeated', 'Error: onDispose error: store closed', 1],
    ]);
    expect(lines.every((l) => !String(l.fields.message).includes('\n'))).toBe(true);
  });
});
