/**
 * Gives an element a tooltip: shown on hover, on keyboard focus, and on tap (touch screens have
 * no hover). The text is also the element's accessible description.
 */
export function tip<T extends HTMLElement>(el: T, text: string): T {
  el.dataset.tip = text;
  el.setAttribute('aria-description', text);
  if (el.tabIndex < 0 && !/^(INPUT|SELECT|BUTTON|TEXTAREA|A)$/.test(el.tagName)) el.tabIndex = 0;
  return el;
}

let installed = false;

/** One document listener: a tap opens the tapped element's tooltip and closes any other. */
export function installTapTips(doc: Document = document): void {
  if (installed) return;
  installed = true;
  doc.addEventListener('pointerdown', (e) => {
    if ((e as PointerEvent).pointerType === 'mouse') return;
    const target = (e.target as Element | null)?.closest('[data-tip]');
    for (const open of doc.querySelectorAll('.tip-open')) if (open !== target) open.classList.remove('tip-open');
    target?.classList.toggle('tip-open');
  });
}
