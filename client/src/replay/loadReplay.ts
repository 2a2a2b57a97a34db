import { checkMatchFile, type MatchFileCheck } from '../../../shared/replay/matchFile';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n';

export type Loaded = Extract<MatchFileCheck, { ok: true }> & {
  /** The server's state hash for this match, or null when the server does not know it. */
  serverHash: string | null;
  /** The match lives on this server (a what-if can start from it). */
  onServer: boolean;
};

export type LoadResult = { ok: true; loaded: Loaded } | { ok: false; message: string };

async function serverHashOf(matchId: string): Promise<string | null> {
  const res = await fetch(`/api/matches/${encodeURIComponent(matchId)}`);
  if (!res.ok) return null;
  return ((await res.json()) as { stateHash?: string }).stateHash ?? null;
}

/** Why a file was refused, in the reader's language, naming what is wrong. */
export function refusal(check: Extract<MatchFileCheck, { ok: false }>): string {
  const why: Record<typeof check.code, MessageKey> = {
    NOT_A_MATCH_FILE: 'replayNotMatchFile',
    REDACTED: 'replayRedacted',
    EMPTY_LOG: 'replayEmpty',
    HASH_CHAIN_BROKEN: 'replayChainBroken',
    FINAL_HASH_MISMATCH: 'replayFinalMismatch',
  };
  const detail = check.code === 'HASH_CHAIN_BROKEN' ? ` ${check.seq}: ${check.detail}.` : '';
  return `${t('replayRefused')}. ${t(why[check.code])}${detail}`;
}

/** Checks a parsed export, then asks the server what it holds for the same match. */
export async function loadMatchJson(json: unknown): Promise<LoadResult> {
  const check = checkMatchFile(json);
  if (!check.ok) return { ok: false, message: refusal(check) };
  const serverHash = await serverHashOf(check.file.match.matchId).catch(() => null);
  return { ok: true, loaded: { ...check, serverHash, onServer: serverHash !== null } };
}

export async function loadFromServer(matchId: string): Promise<LoadResult> {
  const res = await fetch(`/api/matches/${encodeURIComponent(matchId)}/export?format=json`);
  const body = (await res.json()) as { error?: string; message?: string; redacted?: boolean };
  if (!res.ok) return { ok: false, message: `${body.error ?? res.status}: ${body.message ?? ''}` };
  if (body.redacted) return { ok: false, message: t('replayNotFinished') };
  return loadMatchJson(body);
}

export async function loadFromFile(file: File): Promise<LoadResult> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, message: `${t('replayRefused')}. ${t('replayNotMatchFile')}` };
  }
  return loadMatchJson(json);
}
