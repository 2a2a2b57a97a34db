import { WebSocket } from 'ws';

/** Bytes (payloads, not framing) and frames received by every WebSocket the SDK opens in this process. */
export const received = { bytes: 0, frames: 0 };

class CountingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      received.frames += 1;
      received.bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    });
  }
}

// The SDK picks globalThis.WebSocket when its module loads: import this before anything imports it.
(globalThis as { WebSocket?: unknown }).WebSocket = CountingWebSocket;
