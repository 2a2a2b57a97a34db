import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { clientIp } from '../limits/clientIp';
import type { Tarpit } from '../limits/Tarpit';
import { retryAfterSeconds, type TokenBuckets } from '../limits/TokenBuckets';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Seat reservations (POST /matchmake/joinOrCreate|join|joinById|create|reconnect/…) take a token
 * of the client's address before Colyseus sees them: a join can make a room and fold a match's
 * log, so a flood of joins costs the server what a flood of creations does. Colyseus answers
 * matchmaking on the HTTP server's own request listener (Express never sees it), so the gate
 * stands in front of that listener. A refusal reads like Colyseus' own (`{code, error: "CODE:
 * text"}`, which the SDK turns into the join error's code and message), with Retry-After, and
 * late (Tarpit).
 */
export function gateJoins(server: Server, joins: TokenBuckets, trustProxyHops: number, tarpit: Tarpit): void {
  if (!joins.limited) return;
  const answer = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && req.url?.startsWith('/matchmake/')) {
      const ip = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxyHops);
      const wait = joins.take(ip);
      if (wait > 0) {
        // The body of a refused request is not read: let it go rather than keep the socket busy.
        req.resume();
        return tarpit.hold(ip, () => refuse(req, res, retryAfterSeconds(wait)));
      }
    }
    for (const listener of answer) listener.call(server, req, res);
  });
}

function refuse(req: IncomingMessage, res: ServerResponse, seconds: number): void {
  const cors = { ...matchMaker.controller.DEFAULT_CORS_HEADERS, ...matchMaker.controller.getCorsHeaders(new Headers(req.headers as Record<string, string>)) };
  const body = JSON.stringify({ code: 429, error: `JOIN_RATE_LIMITED: too many joins from your address; try again in ${seconds} s.` });
  res.writeHead(429, { ...cors, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'retry-after': String(seconds) });
  res.end(body);
}
