import type { PublicReport, SeatReport } from '../../../shared/views/quarterReport';
import { LINES } from '../../../shared/scenario/types';
import type { Loose } from '../../../shared/wire/state';
import type { MessageKey } from '../i18n/en';
import { money, moneyCents, number, t, tf } from '../i18n/i18n';
import { h } from './dom';
import { tip } from './tooltip';
import { loopChecklist, type LoopStanding } from './match/loopChecklist';

export interface ReportNames {
  seats: string[];
  city: (id: string) => string;
  /** The autonomy a city's permit needs. */
  cityAutonomy: (id: string) => number;
  /** A shock's headline in the reader's language. */
  headline: (cardId: string, recorded: string) => string;
  region: (id: string) => string;
  license: (id: string) => string;
}

const pct = (v: number) => `${Math.round(Math.min(v, 9.99) * 100)}%`;

/**
 * Last quarter, in the order it happened: news and shocks, auctions (won and lost, at what price),
 * permits, markets, then each line's money and loop strength. Items appear one after another and
 * loop bars grow to their new strength, so the few changes that matter are seen (unless the
 * reader asked for reduced motion).
 */
export function reportPanel(pub: Loose<PublicReport> | null, own: Loose<SeatReport> | null, names: ReportNames, seat: number | null, standing: LoopStanding | null = null): HTMLElement {
  const box = h('div', { id: 'quarter-report' });
  if (!pub) {
    // Before the first results: what each loop will need.
    box.append(h('p', { class: 'muted' }, t('nothingYet')));
    if (standing) box.append(loopChecklist(standing));
    return box;
  }
  let i = 0;
  const item = (el: HTMLElement, cls = '') => {
    el.classList.add('reveal', ...cls.split(' ').filter(Boolean));
    el.style.setProperty('--i', String(i++));
    box.append(el);
    return el;
  };
  const who = (s: number) => names.seats[s] ?? `#${s}`;

  item(tip(h('h3', {}, `${t('quarter')} ${pub.quarter}`), t('tip_reportQuarter')));
  for (const n of pub.news) item(tip(h('p', { class: 'news' }, `⚡ ${names.headline(n.cardId, n.headline)}`), t('tip_news')), 'news');
  for (const l of pub.loopsClosed) item(h('p', { class: 'loop-closed' }, `⟳ ${t('loopClosed')}: ${who(l.seat)} · ${t(l.line)}`), l.seat === seat ? 'mine' : '');

  if (pub.foundry?.clearingPriceUsd) {
    const mine = own?.foundry;
    // No chips: the bid's ceiling was under the clearing price.
    const short = mine && mine.chips === 0 && mine.requested > 0 && mine.maxPriceUsd < pub.foundry.clearingPriceUsd ? ` (${tf('lostFoundry', { max: moneyCents(mine.maxPriceUsd) })})` : '';
    const result = mine ? ` · ${number(mine.chips)}/${number(mine.requested)} ${mine.chips > 0 ? t('won') : t('lost')}${short}` : '';
    item(tip(h('p', {}, `${t('foundry')}: ${number(pub.foundry.sold)} ${t('chipsWonAt')} ${money(pub.foundry.clearingPriceUsd)}${result}`), t('tip_foundry')));
  }
  for (const s of pub.spectrum) {
    const bid = own?.spectrumBids.find((b) => b.licenseId === s.licenseId);
    const text = s.winner == null ? `${t('spectrumWon')}: ${names.license(s.licenseId)} · ${t('noBids')}` : `${t('spectrumWon')}: ${names.license(s.licenseId)} → ${who(s.winner)} (${money(s.price)})`;
    // Lost: by how much (the winner pays the second-highest bid, so at least what this seat bid).
    const outcome = !bid ? '' : bid.won ? ` · ${t('won')}` : ` · ${s.winner == null ? t('lost') : tf('lostOutbid', { price: money(s.price), bid: money(bid.amountM * 1e6) })}`;
    item(tip(h('p', { class: bid ? (bid.won ? 'won' : 'lost') : '' }, `${text}${outcome}`), t('tip_spectrumResult')));
  }
  for (const p of pub.permits.filter((x) => x.granted.length > 0 || x.refused.some((r) => r.seat === seat))) {
    // Refused: why, in words (not enough autonomy for this city, or no slot left).
    const refusal = p.refused.find((r) => r.seat === seat);
    const why = !refusal ? '' : ` · ${refusal.reason === 'autonomy' ? tf('lostAutonomy', { need: number(names.cityAutonomy(p.cityId)) }) : t('lostSlots')}`;
    item(tip(h('p', { class: refusal ? 'lost' : '' }, `${t('permitsGranted')}: ${names.city(p.cityId)} → ${p.granted.map(who).join(', ') || '—'}${why}`), t('tip_permits')));
  }

  const marketRows: HTMLElement[] = [];
  for (const city of pub.rides) {
    const mine = city.shares.find((s) => s.seat === seat);
    if (mine) marketRows.push(h('li', {}, `${names.city(city.cityId)}: ${number(mine.served)} / ${number(city.demand)} ${t('ridesUnit')} @ ${moneyCents(mine.priceUsd)}`));
  }
  const robotShare = pub.robots?.shares.find((s) => s.seat === seat);
  if (pub.robots && robotShare) marketRows.push(h('li', {}, `${t('robots')}: ${number(robotShare.sold + robotShare.remoteSold)} / ${number(pub.robots.demand + pub.robots.remoteDemand)} @ ${money(robotShare.priceUsd)}`));
  for (const region of pub.subscribers) {
    const mine = region.shares.find((s) => s.seat === seat);
    if (mine && mine.subscribers > 0) marketRows.push(h('li', {}, `${names.region(region.regionId)}: ${number(mine.subscribers)} ${t('subsUnit')} · ${pct(mine.coverage)}`));
  }
  if (marketRows.length) item(tip(h('ul', { class: 'markets' }, ...marketRows), t('tip_markets')));

  if (own?.lines) {
    const rows = LINES.map((line) => {
      const l = own.lines![line];
      const bar = h('span', { class: `bar lane-${line}` });
      bar.style.setProperty('--w', `${Math.min(100, l.strength * 100)}%`);
      return h(
        'tr',
        {},
        h('td', {}, t(line)),
        tip(h('td', {}, money(l.revenue)), t('tip_revenue')),
        tip(h('td', {}, money(l.spend)), t('tip_spend')),
        tip(h('td', { class: 'strength' }, h('span', { class: 'track' }, bar), ` ${pct(l.strength)}`), t('tip_loopStrength')),
      );
    });
    item(h('table', { class: 'lines' }, h('tr', {}, h('th', {}, ''), h('th', {}, t('revenue')), h('th', {}, t('spend')), h('th', {}, t('loopStrength'))), ...rows));
  }
  if (standing) item(loopChecklist(standing));
  const research = own?.research ?? {};
  const moved = (['capability', 'autonomy', 'dexterity'] as const).filter((k) => research[k] && research[k]!.after - research[k]!.before >= 0.05);
  if (moved.length) item(tip(h('p', { class: 'muted' }, moved.map((k) => `${t(k as MessageKey)} ${number(research[k]!.before, 1)} → ${number(research[k]!.after, 1)}`).join(' · ')), t('tip_research')));
  return box;
}
