import type { Orders } from '../../../../shared/domain/orders';
import { bidsPerQuarter, permitCap } from '../../../../shared/rules/ordersRules';
import type { Scenario } from '../../../../shared/scenario/types';
import type { MessageKey } from '../../i18n/en';
import { money, number, t, tf } from '../../i18n/i18n';
import { project, type OwnBooks } from '../../orders/projection';
import { parseEntry, readField, SHEET_FIELDS, writeField, type SheetGroup } from '../../orders/sheetFields';
import { budgetsOf, simpleSheet, type Budgets, type Position } from '../../orders/simpleSheet';
import { licenseName } from '../../i18n/places';
import { clear, h } from '../dom';
import { tip } from '../tooltip';

export type OrdersMode = 'simple' | 'advanced';
const MODE_KEY = 'closed-loop.ordersMode';

/** What the panel keeps between redraws within a match: the player's choices so far. */
export interface OrdersDraft {
  mode: OrdersMode;
  budgets: Budgets;
  permits: Set<string>;
  bids: Record<string, number>;
  /** The advanced sheet; null until the player first opens advanced mode (again) this quarter. */
  sheet: Orders | null;
  /** Prices the player set in advanced mode this quarter: simple mode keeps them. */
  prices?: Pick<Orders, 'ridePriceUsd' | 'robotPriceUsd' | 'subscriptionPriceUsd'>;
  /** Sections (permits, bids) the player opened or closed: kept across redraws. */
  open?: Record<string, boolean>;
}

/** On a small screen (a phone in landscape) the permit and bid sections start closed. */
const compactScreen = () => typeof window !== 'undefined' && window.matchMedia('(max-height: 500px), (max-width: 640px)').matches;

/** A section that folds away: its summary says what is chosen inside; open or closed as the player left it. */
function section(draft: OrdersDraft, id: string, title: string, chosen: number, ...content: HTMLElement[]): HTMLElement {
  draft.open ??= {};
  const open = draft.open[id] ?? !compactScreen();
  const details = h('details', { class: 'fold', id: `${id}-section`, open }, h('summary', {}, chosen > 0 ? `${title} (${chosen})` : title), ...content);
  details.addEventListener('toggle', () => (draft.open![id] = (details as HTMLDetailsElement).open));
  return details;
}

export function newDraft(storage: Pick<Storage, 'getItem'>): OrdersDraft {
  return {
    mode: storage.getItem(MODE_KEY) === 'advanced' ? 'advanced' : 'simple',
    budgets: { chips: 300, ai: 800, robotaxi: 1000, robots: 1000, satellites: 500 },
    permits: new Set(),
    bids: {},
    sheet: null,
  };
}

export interface OrdersContext {
  scenario: Scenario;
  quarter: number;
  cashUsd: number;
  books: OwnBooks;
  position: Position;
  /** Last quarter's sheet: its prices carry over, and advanced mode starts from it. */
  lastSheet: Orders;
  permitsHeld: Record<string, number[]>;
  seat: number;
  /** Seats in the match: the permit cap is a fair share of the cities' slots. */
  seats: number;
  forSale: Scenario['satellites']['licenses'];
  locked: boolean;
  canLock: boolean;
  lock(orders: Orders): void;
  /** The sheet on screen changed: it is saved, so that the timer plays what the player sees. */
  save(orders: Orders): void;
  unlock(): void;
  /** Where refusals appear, in plain words, under the Lock button. */
  status: HTMLElement;
}

const pricesOf = (o: Orders): NonNullable<OrdersDraft['prices']> => ({ ridePriceUsd: o.ridePriceUsd, robotPriceUsd: o.robotPriceUsd, subscriptionPriceUsd: o.subscriptionPriceUsd });

const SLIDERS: Array<[keyof Budgets, MessageKey]> = [
  ['chips', 'chipsRnD'],
  ['ai', 'aiTraining'],
  ['robotaxi', 'robotaxi'],
  ['robots', 'robots'],
  ['satellites', 'satellites'],
];

/** The sheet the panel would lock now, in either mode. */
export function currentSheet(draft: OrdersDraft, ctx: OrdersContext): Orders {
  const prices = draft.prices ?? pricesOf(ctx.lastSheet);
  const simple = () => simpleSheet(draft.budgets, ctx.position, { permits: [...draft.permits], spectrumBids: draft.bids, prices }, ctx.scenario);
  if (draft.mode === 'simple') return simple();
  const sheet: Orders = { ...(draft.sheet ?? ctx.lastSheet) };
  delete sheet.applyPermits;
  delete sheet.spectrumBids;
  if (draft.permits.size > 0) sheet.applyPermits = [...draft.permits];
  const bids = Object.fromEntries(Object.entries(draft.bids).filter(([, v]) => v > 0));
  if (Object.keys(bids).length > 0) sheet.spectrumBids = bids;
  return sheet;
}

/**
 * The orders panel: simple (five sliders) or advanced (every order), the choices both modes share
 * (cities, spectrum bids), the live total against cash with the projected effect, and Lock.
 */
export function renderOrders(panel: HTMLElement, draft: OrdersDraft, ctx: OrdersContext, storage: Pick<Storage, 'setItem'>): void {
  clear(panel);
  const summary = h('div', { class: 'projection', id: 'totals', 'aria-live': 'polite' });
  const refresh = () => drawProjection(summary, project(currentSheet(draft, ctx), ctx.books, ctx.cashUsd, ctx.scenario));
  const changed = () => {
    refresh();
    if (!ctx.locked && ctx.canLock) ctx.save(currentSheet(draft, ctx));
  };

  const modeButton = (mode: OrdersMode) =>
    h(
      'button',
      {
        class: draft.mode === mode ? 'tab active' : 'tab',
        'aria-pressed': String(draft.mode === mode),
        'data-mode': mode,
        onclick: () => {
          if (mode === draft.mode) return;
          // Advanced starts from what the sliders would lock now; back in simple mode the sliders
          // show what the advanced sheet spends on each line (and keep its prices), so switching
          // either way changes no number.
          if (mode === 'advanced' && !draft.sheet) draft.sheet = currentSheet(draft, ctx);
          if (mode === 'simple') {
            const sheet = currentSheet(draft, ctx);
            draft.budgets = budgetsOf(sheet, ctx.position, ctx.scenario);
            draft.prices = pricesOf(sheet);
            draft.sheet = null;
          }
          draft.mode = mode;
          storage.setItem(MODE_KEY, mode);
          renderOrders(panel, draft, ctx, storage);
          // The panel is rebuilt: the focus stays on the mode button just used.
          panel.querySelector<HTMLElement>(`[data-mode="${mode}"]`)?.focus();
        },
      },
      t(`mode_${mode}` as MessageKey),
    );
  panel.append(h('div', { class: 'panel-head' }, h('h2', {}, t('orders')), h('div', { class: 'tabs', role: 'group' }, modeButton('simple'), modeButton('advanced'))));

  // The totals and Lock come first, right under the heading: a keyboard reaches Lock in three
  // Tabs and every change to the sheet shows in the totals above it. (On a phone in landscape
  // they stay at the bottom of the screen instead, under the thumb.)
  panel.append(
    h(
      'div',
      { class: 'lock-bar' },
      summary,
      ctx.locked
        ? h('button', { id: 'unlock', class: 'lock', onclick: () => ctx.unlock() }, `🔒 ${t('locked')} · ${t('unlock')}`)
        : h('button', { id: 'lock', class: 'primary lock', 'aria-keyshortcuts': 'L', disabled: !ctx.canLock, onclick: () => ctx.lock(currentSheet(draft, ctx)) }, t('lock')),
      ctx.status,
    ),
  );
  const body = h('div', { class: 'orders-body' });
  panel.append(body);
  if (draft.mode === 'simple') body.append(...SLIDERS.map(([key, label]) => slider(draft, key, t(label), changed)));
  else body.append(...advancedGroups(draft, ctx, changed));
  body.append(...choices(draft, ctx, changed));

  if (ctx.locked) for (const input of body.querySelectorAll('input')) (input as HTMLInputElement).disabled = true;
  refresh();
}

function slider(draft: OrdersDraft, key: keyof Budgets, label: string, changed: () => void): HTMLElement {
  const shown = h('span', {}, money(draft.budgets[key] * 1e6));
  const out = h('output', {}, shown);
  // Read out as money in the player's format ("$1.7B", "1,7 Mrd. $"), not as the bare number of $M.
  const input = h('input', { type: 'range', min: 0, max: 6000, step: 50, value: draft.budgets[key], 'aria-label': label, 'aria-valuetext': money(draft.budgets[key] * 1e6), 'data-budget': key });
  input.addEventListener('input', () => {
    draft.budgets[key] = Number(input.value);
    shown.textContent = money(draft.budgets[key] * 1e6);
    input.setAttribute('aria-valuetext', shown.textContent);
    changed();
  });
  return h('label', { class: `slider lane-${key}` }, h('span', {}, label), input, tip(out, t('tip_budget')));
}

function advancedGroups(draft: OrdersDraft, ctx: OrdersContext, changed: () => void): HTMLElement[] {
  const groups: SheetGroup[] = ['shared', 'robotaxi', 'robots', 'satellites'];
  return groups.map((group) =>
    h(
      'fieldset',
      { class: `sheet-group lane-${group}` },
      h('legend', {}, t(`group_${group}` as MessageKey)),
      ...SHEET_FIELDS.filter((f) => f.group === group).map((f) => {
        const value = readField(draft.sheet ?? ctx.lastSheet, f.path);
        // The foundry's list price caps a chip bid.
        const max = f.path === 'foundryBid.maxPriceUsd' ? ctx.scenario.foundry.ceilingUsd : undefined;
        const input = h('input', { type: 'number', inputmode: 'decimal', min: 0, ...(max !== undefined ? { max } : {}), step: f.step, value: value ?? '', 'data-field': f.path });
        const problem = h('small', { class: 'field-error', role: 'alert' });
        input.addEventListener('input', () => {
          const v = parseEntry(input.value);
          const why =
            v === undefined
              ? null
              : !Number.isFinite(v)
                ? t('fieldNotNumber')
                : v < 0
                  ? t('fieldNegative')
                  : f.integer && !Number.isInteger(v)
                    ? t('fieldWhole')
                    : max !== undefined && v > max
                      ? tf('fieldAtMost', { max: number(max) })
                      : null;
          const bad = why !== null;
          input.setAttribute('aria-invalid', String(bad));
          // Said in the player's language, beside the field; the sheet keeps its last good value.
          problem.textContent = why ?? '';
          if (bad) return;
          draft.sheet = writeField(draft.sheet ?? ctx.lastSheet, f.path, v);
          changed();
        });
        return tip(h('label', { class: 'field' }, h('span', {}, t(f.label as MessageKey)), input, problem), t('tip_order'));
      }),
    ),
  );
}

function choices(draft: OrdersDraft, ctx: OrdersContext, changed: () => void): HTMLElement[] {
  const autonomy = ctx.books.tech?.autonomy ?? 0;
  const sc = ctx.scenario;
  const heldCities = sc.robotaxi.cities.filter((c) => (ctx.permitsHeld[c.id] ?? []).includes(ctx.seat)).length;
  const cap = permitCap(sc, ctx.seats);
  const boxes: Array<{ box: HTMLInputElement; closed: boolean }> = [];
  // At the cap, the cities not yet chosen are closed to new applications (the engine refuses them too).
  const syncPermits = () => {
    const atCap = heldCities + draft.permits.size >= cap;
    for (const { box, closed } of boxes) if (!closed) box.disabled = atCap && !box.checked;
  };
  const cityBoxes = sc.robotaxi.cities.map((c) => {
    const holders = ctx.permitsHeld[c.id] ?? [];
    const held = holders.includes(ctx.seat);
    const full = holders.length >= c.permitSlots;
    const box = h('input', { type: 'checkbox', 'data-city': c.id, disabled: held || full, checked: draft.permits.has(c.id) || held }) as HTMLInputElement;
    boxes.push({ box, closed: held || full });
    box.addEventListener('change', () => {
      if (box.checked) draft.permits.add(c.id);
      else draft.permits.delete(c.id);
      syncPermits();
      changed();
    });
    const short = autonomy < c.minAutonomy;
    return tip(h('label', { class: short ? 'inline city short' : 'inline city' }, box, ` ${c.name}`, h('small', {}, ` U≥${c.minAutonomy}`)), `${t('tip_permitCity')} (U ${number(autonomy, 1)} / ${c.minAutonomy})`);
  });
  syncPermits();
  const maxBids = bidsPerQuarter(sc);
  const inputs: HTMLInputElement[] = [];
  const syncBids = () => {
    const atCap = Object.values(draft.bids).filter((v) => v > 0).length >= maxBids;
    for (const input of inputs) input.disabled = atCap && !(Number(input.value) > 0);
  };
  const bidInputs = ctx.forSale.map((l) => {
    const input = h('input', { type: 'number', min: 0, step: 100, value: draft.bids[l.id] ?? '', 'data-license': l.id, placeholder: `≥ ${number(l.reserveM)}` }) as HTMLInputElement;
    inputs.push(input);
    input.addEventListener('input', () => {
      draft.bids[l.id] = Number(input.value) || 0;
      syncBids();
      changed();
    });
    return tip(h('label', { class: 'field' }, h('span', {}, `${licenseName(sc, l.id)} (≥ ${number(l.reserveM)})`), input), t('tip_spectrumBid'));
  });
  syncBids();
  const bidCount = Object.values(draft.bids).filter((v) => v > 0).length;
  const permitNote = tip(h('p', { class: 'hint' }, tf('permitCapNote', { n: number(cap), held: number(heldCities) })), t('tip_permitCap'));
  const bidNote = tip(h('p', { class: 'hint' }, tf('bidCapNote', { n: number(maxBids) })), t('tip_bidCap'));
  return [
    // A match created before the caps (its scenario has none) shows no note.
    section(draft, 'permits', t('applyPermits'), draft.permits.size, h('fieldset', { class: 'cities' }, ...(Number.isFinite(cap) ? [permitNote] : []), ...cityBoxes)),
    ...(bidInputs.length ? [section(draft, 'bids', t('spectrumBids'), bidCount, h('fieldset', {}, ...(Number.isFinite(maxBids) ? [bidNote] : []), ...bidInputs))] : []),
  ];
}

function drawProjection(box: HTMLElement, p: ReturnType<typeof project>): void {
  clear(box);
  box.className = p.over ? 'projection over' : 'projection';
  // The budgets (in simple mode exactly the sum of the sliders), then bids, which cost only if won.
  const bids = p.bidsUsd > 0 ? ` · ${t('bids')}: ${money(p.bidsUsd)}` : '';
  box.append(tip(h('p', { class: 'totals' }, `${t('committed')}: ${money(p.committedUsd - p.bidsUsd)}${bids} · ${t('available')}: ${money(p.cashUsd)}`), t('tip_committed')));
  const effects: string[] = [];
  const step = (key: MessageKey, pair: [number, number] | null) => {
    if (pair && pair[1] - pair[0] >= 0.05) effects.push(`${t(key)} ${number(pair[0], 1)} → ${number(pair[1], 1)}`);
  };
  step('capability', p.capability);
  step('autonomy', p.autonomy);
  step('dexterity', p.dexterity);
  if (p.carsOrdered) effects.push(`+${number(p.carsOrdered)} ${t('carsNext')}`);
  if (p.robotsBuilt) effects.push(`${number(p.robotsBuilt)} ${t('robotsMade')}`);
  if (p.satellitesLaunched) effects.push(`+${number(p.satellitesLaunched)} ${t('satellitesUp')}`);
  if (p.chipsBid) effects.push(`${number(p.chipsBid)} ${t('chipsBid')}`);
  if (effects.length) box.append(tip(h('p', { class: 'effects' }, `${t('projected')}: ${effects.join(' · ')}`), t('tip_projected')));
}
