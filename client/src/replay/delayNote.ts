import { t } from '../i18n/i18n';
import type { MatchConnection, WatchInfo } from '../net/connection';
import { h } from '../ui/dom';

const noteText = (info: WatchInfo) =>
  t('spectatorDelayNote').replace('{n}', String(info.delay)).replace('{shown}', String(info.shownQuarter)).replace('{live}', String(info.liveQuarter));

/** For a spectator with a delay: which quarter they see and where the players are, kept up to date. */
export function delayNote(conn: Pick<MatchConnection, 'watch' | 'watchListeners'>): HTMLElement | null {
  if (!conn.watch || conn.watch.delay <= 0) return null;
  const note = h('p', { id: 'spectator-delay', class: 'muted' }, noteText(conn.watch));
  const follow = (info: WatchInfo) => {
    if (!note.isConnected) conn.watchListeners.delete(follow);
    else note.textContent = noteText(info);
  };
  conn.watchListeners.add(follow);
  return note;
}
