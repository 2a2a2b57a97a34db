import type { BotSpec } from '../../../shared/domain/ids';
import type { MatchListing, MatchSummary } from '../../../shared/wire/matches';

export type { MatchListing, MatchSummary };

export interface CreateRequest {
  seats: number;
  bots: BotSpec[];
  winLoops: number;
  planningSeconds: number;
  classroom: boolean;
  /** Quarters spectators lag behind the players. */
  spectatorDelay?: number;
}

export interface Created {
  matchId: string;
  joinCode: string;
  facilitatorKey?: string;
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T & { error?: string; message?: string };
  if (!res.ok) throw new Error(`${body.error ?? res.status}: ${body.message ?? ''}`);
  return body;
}

export const api = {
  list: () => fetch('/api/matches').then((r) => json<MatchListing[]>(r)),
  get: (idOrCode: string) => fetch(`/api/matches/${encodeURIComponent(idOrCode)}`).then((r) => json<MatchSummary>(r)),
  create: (req: CreateRequest) =>
    fetch('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) }).then((r) => json<Created>(r)),
};
