let count = 0;
const FOCUSABLE = 'input, select, button, textarea, a[href]';

/**
 * Gives an element a tooltip: shown on hover, while the element or a control in it has the
 * keyboard focus, and on tap (touch screens have no hover). The text is also an accessible
 * description, without adding a Tab stop:
 * - an element holding a control (a label with its input, a button) describes that control
 *   (`aria-describedby` to a hidden copy of the text, which stays out of the control's name);
 * - a plain text element (a figure in a table, a line of the report) carries the text as visually
 *   hidden words after its own, so a screen reader reading the page reads it there.
 */
export function tip<T extends HTMLElement>(el: T, text: string): T {
  el.dataset.tip = text;
  // A field cannot hold the words: it carries its description itself.
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
    el.setAttribute('aria-description', text);
    return el;
  }
  const words = document.createElement('span');
  words.id = `tip-${++count}`;
  const control = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  if (control) {
    words.hidden = true;
    words.textContent = text;
    const before = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', before ? `${before} ${words.id}` : words.id);
  } else {
    words.className = 'sr-only';
    words.textContent = ` (${text})`;
  }
  el.append(words);
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
