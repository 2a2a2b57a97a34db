type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

/** A tiny element builder: h('button', {class: 'primary', onclick}, 'Lock'). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null | undefined>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value as EventListener);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) el.append(child);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * Sets `el`'s children to `nodes`, leaving those of them already in `el` where they are: moving
 * a node out and back would close its open popover and drop its focus. Kept nodes come in the
 * order they already have.
 */
export function setChildren(el: Element, nodes: readonly Node[]): void {
  const keep = new Set(nodes);
  for (const child of [...el.childNodes]) if (!keep.has(child)) child.remove();
  let at = el.firstChild;
  for (const node of nodes) {
    if (node === at) at = at.nextSibling;
    else el.insertBefore(node, at);
  }
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Rebuilds `el` with `draw` and puts the keyboard focus back where it was inside it (the same
 * position among its focusable elements), so a redraw does not throw a keyboard or screen-reader
 * user back to the top of the page. A draw that moves the focus on purpose keeps its choice.
 */
export function redrawKeepingFocus(el: HTMLElement, draw: () => void): void {
  const active = document.activeElement;
  const at = active && el.contains(active) ? [...el.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
  draw();
  const now = document.activeElement;
  if (now && now !== document.body && now !== active) return;
  if (at >= 0) (el.querySelectorAll(FOCUSABLE)[at] as HTMLElement | undefined)?.focus();
}

/** Keeps Tab and Shift+Tab going round `buttons` (in order) while the keyboard is in `box`: a modal's focus trap. */
export function trapTab(box: HTMLElement | Document, buttons: readonly HTMLElement[]): (e: KeyboardEvent) => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    e.preventDefault();
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
  };
  box.addEventListener('keydown', onKey as EventListener);
  return onKey;
}

/**
 * A link to one of the page's own routes: a plain click moves there without a page load (`go`);
 * a click with a modifier (a new tab, a new window) is left to the browser.
 */
export function routeLink(href: string, go: (path: string) => void, attrs: Attrs, ...children: Array<Node | string | null | undefined>): HTMLAnchorElement {
  return h('a', {
    ...attrs,
    href,
    onclick: (e: Event) => {
      const m = e as MouseEvent;
      if (m.button !== 0 || m.ctrlKey || m.metaKey || m.shiftKey || m.altKey) return;
      e.preventDefault();
      go(href);
    },
  }, ...children);
}
