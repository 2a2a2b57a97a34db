import type { MatchFile } from '../../../shared/replay/matchFile';
import type { CreatedSession, SessionRequest } from '../../../shared/wire/http';
import { publicReport, quarterEvents, type PublicReport } from '../../../shared/views/quarterReport';
import { forgetFacilitatorKey, rememberFacilitatorKey, storedFacilitatorKey as keyOf } from '../net/connection';

// The console's calls to the JSON API. The facilitator key travels in a header, so exports of a
// match with a staged reveal include the quarter the students do not see yet.

export function hasKey(matchId: string): boolean {
  return keyOf(matchId) !== null;
}

export function forgetKeys(matchIds: readonly string[]): void {
  for (const id of matchIds) forgetFacilitatorKey(id);
}

export function saveKey(matchIds: readonly string[], key: string): void {
  for (const id of matchIds) rememberFacilitatorKey(id, key);
}

export type { CreatedSession, SessionRequest };

async function ok(res: Response): Promise<Response> {
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  throw new Error(`${body.error ?? res.status}: ${body.message ?? ''}`);
}

export async function createSession(req: SessionRequest): Promise<CreatedSession> {
  const res = await ok(await fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) }));
  const created = (await res.json()) as CreatedSession;
  saveKey(created.matches.map((m) => m.matchId), created.facilitatorKey);
  return created;
}

/**
 * A match's export: with the key as the facilitator sees it (a held quarter included), without
 * it as the class sees it (what the projector may show).
 */
export async function fetchExport(matchId: string, format: 'csv' | 'json', asFacilitator: boolean): Promise<Response> {
  const key = asFacilitator ? keyOf(matchId) : null;
  return ok(await fetch(`/api/matches/${encodeURIComponent(matchId)}/export?format=${format}`, { headers: key ? { 'x-facilitator-key': key } : {} }));
}

/**
 * The public results of a quarter held for a staged reveal, as the students will see them once it
 * is released (the same report the room sends them then), read from the keyed export.
 */
export async function heldReport(matchId: string, quarter: number): Promise<PublicReport> {
  const file = (await (await fetchExport(matchId, 'json', true)).json()) as MatchFile;
  return publicReport(quarter, quarterEvents(file.events, quarter));
}

/** Saves an export as a file on the facilitator's computer. */
export async function downloadExport(matchId: string, format: 'csv' | 'json'): Promise<void> {
  const blob = await (await fetchExport(matchId, format, true)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `closed-loop-${matchId}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
