import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per offending node: rule, where, and axe's own words about it. */
function describe(kind: string, results: Result[]): string[] {
  return results.flatMap((r) => r.nodes.map((n) => `${kind} ${r.id}: ${n.target.join(' ')} — ${[...n.any, ...n.all, ...n.none].map((c) => c.message).join('; ')}`));
}

/**
 * Lays the page out flat for a moment: sticky bars stay where they are in the flow and boxes that
 * scroll up and down grow to show all they hold. Sticky bars and scrolled boxes put text under other text depending on
 * where the reader has scrolled; axe cannot see through that, and every text is seen on its own
 * background at some scroll position. Colours and backgrounds are untouched. Returns the undo.
 */
async function layFlat(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = window as unknown as { unflatten?: Array<[HTMLElement, string]> };
    w.unflatten = [];
    const set = (el: HTMLElement, property: string, value: string) => {
      if (!w.unflatten!.some(([e]) => e === el)) w.unflatten!.push([el, el.style.cssText]);
      el.style.setProperty(property, value, 'important');
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(el);
      if (style.position === 'sticky') set(el, 'position', 'static');
      if (!/auto|scroll/.test(style.overflowY) || el.scrollHeight <= el.clientHeight) continue;
      // The box and every box around it grow to what it holds (it may still scroll sideways).
      set(el, 'flex', 'none');
      for (let up: HTMLElement | null = el; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).maxHeight !== 'none') set(up, 'max-height', 'none');
    }
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { unflatten?: Array<[HTMLElement, string]> };
      for (const [el, css] of w.unflatten ?? []) el.style.cssText = css;
    });
}

type Axe = { run(context: Element | Document, options: object): Promise<AxeResults>; _audit: { checks: Record<string, { options: object }> } };

/** axe on the whole page, or only on what is `within` a selector; symbols judged like letters. */
function runAxe(page: Page, rules: { tags?: string[]; rule?: string }, within?: string): Promise<AxeResults> {
  return page.evaluate(
    ({ tags, rule, within }) => {
      const { axe } = window as unknown as { axe: Axe };
      // A check's options replace its defaults as a whole: the defaults, with one changed.
      const contrast = { ...axe._audit.checks['color-contrast']!.options, ignoreUnicode: false };
      return axe.run(within ? document.querySelector(within)! : document, {
        runOnly: rule ? { type: 'rule', values: [rule] } : { type: 'tag', values: tags },
        checks: { 'color-contrast': { options: contrast } },
      });
    },
    { ...rules, within },
  );
}

/**
 * Text in a box that scrolls sideways (a wide table) is clipped at the box's edge at any one
 * scroll position: it is judged with the box scrolled half a box's width at a time (so every cell
 * narrower than that is whole at some position). Returns the
 * nodes decided at some position (passed or failed) and the failures.
 */
async function sidewaysPages(page: Page): Promise<{ decided: Set<string>; violations: Result[] }> {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth)
      .map((el, i) => {
        el.dataset.axeSideways = String(i);
        return 1 + Math.ceil((el.scrollWidth - el.clientWidth) / (el.clientWidth / 2));
      }),
  );
  const decided = new Set<string>();
  const violations: Result[] = [];
  for (const [i, positions] of boxes.entries()) {
    const box = `[data-axe-sideways="${i}"]`;
    for (let p = 0; p < positions; p++) {
      await page.evaluate(({ box, p }) => {
        const el = document.querySelector(box)!;
        el.scrollLeft = (p * el.clientWidth) / 2;
      }, { box, p });
      const result = await runAxe(page, { rule: 'color-contrast' }, box);
      for (const r of [...result.passes, ...result.violations]) for (const n of r.nodes) decided.add(n.target.join(' '));
      violations.push(...result.violations);
    }
    await page.evaluate((box) => {
      const el = document.querySelector<HTMLElement>(box)!;
      el.scrollLeft = 0;
      delete el.dataset.axeSideways;
    }, box);
  }
  return { decided, violations };
}

/**
 * Runs axe-core (WCAG 2.1 A/AA) on the page as it is now and lists what fails: every violation,
 * and every colour-contrast check axe could not decide (text on a gradient or an image), since
 * a contrast nobody can measure is a contrast nobody has checked. Contrast is decided once more
 * on the page laid flat (see layFlat) and, in boxes that scroll sideways, at each of their scroll
 * positions; symbols (●, ⟳) are judged like letters, where axe by default leaves them undecided.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  // The page as it settles and as it opens: animations run to their end, no tooltip open under
  // the pointer or the focus, scrolled to the top.
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    for (const a of document.getAnimations()) if (a.effect?.getComputedTiming().endTime !== Infinity) a.finish();
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const asIs = await runAxe(page, { tags: WCAG21_AA });
  const unflatten = await layFlat(page);
  const flat = await runAxe(page, { rule: 'color-contrast' });
  const sideways = await sidewaysPages(page);
  await unflatten();
  const undecided = flat.incomplete.map((r) => ({ ...r, nodes: r.nodes.filter((n) => !sideways.decided.has(n.target.join(' '))) }));
  return [
    ...describe('violation', asIs.violations),
    ...describe('violation (laid flat)', [...flat.violations, ...sideways.violations]),
    ...describe('undecided', undecided),
  ];
}

/**
 * What makes the page wider than its viewport (a reader at 200% zoom would scroll sideways): the
 * outermost elements that reach past the right edge while their parent does not. Empty if it fits.
 */
export function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const edge = root.clientWidth;
    const past = (e: Element) => e.getBoundingClientRect().right > edge + 0.5;
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList].map((c) => `.${c}`).join('')}`;
    const culprits = [...document.body.querySelectorAll('*')].filter((e) => past(e) && e.parentElement && !past(e.parentElement));
    return [`${root.scrollWidth}px wide in ${edge}px`, ...culprits.slice(0, 6).map((e) => `${name(e)} reaches ${Math.round(e.getBoundingClientRect().right)}px`)];
  });
}
