import { WebSocket } from 'ws';

/** Bytes received by every WebSocket the SDK opens in this process (payloads, not framing). */
export const received = { bytes: 0 };

class CountingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      received.bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    });
  }
}

// The SDK picks globalThis.WebSocket when its module loads: import this before anything imports it.
(globalThis as { WebSocket?: unknown }).WebSocket = CountingWebSocket;
