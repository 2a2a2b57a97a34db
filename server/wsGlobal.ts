import { WebSocket } from 'ws';

// Colyseus 0.18 reads globalThis.WebSocket (reconnection); Node 20 has none. Import this first.
if (!(globalThis as { WebSocket?: unknown }).WebSocket) (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
