import { t } from '../../i18n/i18n';
import { h, trapTab } from '../dom';

/**
 * Before a player leaves a match that is still being played: what happens to their seat (a bot
 * plays it for them at the timer's pace, and it is theirs again when they come back with this
 * browser). A modal dialog: Esc or "Stay" keeps them in the match, focus starts on "Stay".
 */
export function confirmLeave(root: HTMLElement): Promise<boolean> {
  return new Promise((resolve) => {
    const stay = h('button', { class: 'primary', id: 'leave-stay', value: 'stay' }, t('leaveStay'));
    const go = h('button', { class: 'secondary', id: 'leave-go', value: 'leave' }, t('leaveGo'));
    const dialog = h(
      'dialog',
      { class: 'card leave-dialog', 'aria-labelledby': 'leave-title' },
      h('form', { method: 'dialog' }, h('h2', { id: 'leave-title' }, t('leaveTitle')), h('p', {}, t('leaveText')), h('div', { class: 'row' }, stay, go)),
    );
    // Tab and Shift+Tab go round the two buttons.
    trapTab(dialog, [stay, go]);
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'leave');
    });
    root.append(dialog);
    dialog.showModal();
    stay.focus();
  });
}
