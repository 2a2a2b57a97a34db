import type { CreatedMatch, CreateMatchRequest } from '../../../shared/wire/http';
import type { MatchListing, MatchSummary } from '../../../shared/wire/matches';

export type { MatchListing, MatchSummary };

/** An HTTP answer, or an Error "CODE: message" (the server's refusal) that keeps the status. */
export async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; message?: string };
  if (!res.ok) throw Object.assign(new Error(`${body.error ?? res.status}: ${body.message ?? ''}`), { status: res.status });
  return body;
}

export const api = {
  list: () => fetch('/api/matches').then((r) => json<MatchListing[]>(r)),
  get: (idOrCode: string) => fetch(`/api/matches/${encodeURIComponent(idOrCode)}`).then((r) => json<MatchSummary>(r)),
  create: (req: CreateMatchRequest) =>
    fetch('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) }).then((r) => json<CreatedMatch>(r)),
};
