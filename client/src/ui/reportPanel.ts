import type { PublicReport, SeatReport } from '../../../shared/views/quarterReport';
import { LINES } from '../../../shared/scenario/types';
import { money, number, t } from '../i18n/i18n';
import { h } from './dom';

/**
 * Last quarter, in the order it happened: news, the foundry, spectrum and permits, then the
 * player's own revenue and spending by line with loop strength.
 */
export function reportPanel(pub: PublicReport | null, own: SeatReport | null, names: string[], seat: number | null): HTMLElement {
  const box = h('div', { id: 'quarter-report' });
  if (!pub) {
    box.append(h('p', { class: 'muted' }, t('nothingYet')));
    return box;
  }
  box.append(h('h3', {}, `${t('quarter')} ${pub.quarter}`));
  for (const n of pub.news) box.append(h('p', { class: 'news' }, `⚡ ${n.headline}`));
  if (pub.foundry?.clearingPriceUsd) {
    const mine = pub.foundry.chipsWon.find((c) => c.seat === seat);
    box.append(h('p', {}, `${t('foundry')}: ${number(pub.foundry.sold)} ${t('chipsWonAt')} $${number(pub.foundry.clearingPriceUsd)}${mine ? ` · ${number(mine.chips)} ↦ ${names[seat!]}` : ''}`));
  }
  for (const s of pub.spectrum.filter((x) => x.winner !== null))
    box.append(h('p', {}, `${t('spectrumWon')}: ${s.licenseId} → ${names[s.winner!]} (${money(s.price)})`));
  for (const p of pub.permits.filter((x) => x.granted.length > 0))
    box.append(h('p', {}, `${t('permitsGranted')}: ${p.cityId} → ${p.granted.map((g) => names[g]).join(', ')}`));
  if (own?.lines) {
    const rows = LINES.map((line) => {
      const l = own.lines![line];
      return h('tr', {}, h('td', {}, t(line)), h('td', {}, money(l.revenue)), h('td', {}, money(l.spend)), h('td', { title: t('loopStrength') }, `${Math.round(Math.min(l.strength, 9.99) * 100)}%${l.milestone ? ' ✓' : ''}`));
    });
    box.append(h('table', { class: 'lines' }, h('tr', {}, h('th', {}, ''), h('th', {}, t('revenue')), h('th', {}, t('spend')), h('th', {}, t('loopStrength'))), ...rows));
  }
  return box;
}
