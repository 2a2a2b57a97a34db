import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { h, trapTab } from '../dom';
import './shortcuts.css';

/** The match screen's frequent actions, each on one key. */
export type ShortcutAction = 'lock' | 'nextView' | 'table' | 'orders' | 'report' | 'help';

export const SHORTCUTS: ReadonlyArray<{ key: string; action: ShortcutAction; label: MessageKey }> = [
  { key: 'L', action: 'lock', label: 'key_lock' },
  { key: 'V', action: 'nextView', label: 'key_nextView' },
  { key: 'T', action: 'table', label: 'key_table' },
  { key: 'O', action: 'orders', label: 'key_orders' },
  { key: 'R', action: 'report', label: 'key_report' },
  { key: '?', action: 'help', label: 'key_help' },
];

/** Keys the browser and the page's own widgets already use, listed in the help for completeness. */
const BUILT_IN: ReadonlyArray<{ key: string; label: MessageKey }> = [
  { key: 'Tab', label: 'key_tab' },
  { key: '← →', label: 'key_arrows' },
  { key: 'Esc', label: 'key_escape' },
];

/**
 * Which action a key press asks for: none while the player types in a field, holds a modifier
 * (the browser's own shortcuts) or has a dialog open.
 */
export function shortcutOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, typing: boolean, dialogOpen: boolean): ShortcutAction | null {
  if (typing || dialogOpen || e.ctrlKey || e.metaKey || e.altKey) return null;
  return SHORTCUTS.find((s) => s.key === (e.key.length === 1 ? e.key.toUpperCase() : e.key))?.action ?? null;
}

/** Whether the key press goes into a field that takes text (sliders, checkboxes and buttons do not). */
export function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !['range', 'checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** Listens for the shortcuts on the document; returns the function that stops listening. */
export function installShortcuts(doc: Document, run: (action: ShortcutAction) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = shortcutOf(e, isTyping(e.target), doc.querySelector('dialog[open], .tour') !== null);
    if (!action) return;
    e.preventDefault();
    run(action);
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}

/** The help: every shortcut in a modal dialog (focus stays inside; Esc or Close gives it back). */
export function openShortcutHelp(root: HTMLElement): void {
  const before = document.activeElement as HTMLElement | null;
  const close = h('button', { class: 'primary', id: 'shortcuts-close', value: 'close' }, t('key_close'));
  const row = (key: string, label: MessageKey) => h('tr', {}, h('th', { scope: 'row' }, h('kbd', {}, key)), h('td', {}, t(label)));
  const dialog = h(
    'dialog',
    { class: 'card shortcuts-dialog', id: 'shortcuts-dialog', 'aria-labelledby': 'shortcuts-title' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'shortcuts-title' }, t('key_title')),
      h('table', {}, h('tbody', {}, ...SHORTCUTS.map((s) => row(s.key, s.label)), ...BUILT_IN.map((s) => row(s.key, s.label)))),
      h('div', { class: 'row' }, close),
    ),
  );
  // Tab stays on the dialog's one button (a modal dialog would otherwise let it out to the browser).
  trapTab(dialog, [close]);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (before && before.isConnected && before !== document.body) before.focus();
    else document.getElementById('orders')?.focus();
  });
  root.append(dialog);
  dialog.showModal();
  close.focus();
}
