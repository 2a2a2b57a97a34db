import type { World } from '../../game/startGame';
import { t, tf } from '../../i18n/i18n';
import { h } from '../dom';
import './soundControl.css';

const SOUND_KEY = 'closed-loop.sound';
const VOLUME_KEY = 'closed-loop.volume';
/** Full volume: the tones were made quiet enough to play at it. */
export const DEFAULT_VOLUME = 100;

/** Whether the sound is on: as the player left it, else off on a phone (a coarse pointer) and on elsewhere. */
export function soundOn(storage: Pick<Storage, 'getItem'>, coarse: boolean): boolean {
  const saved = storage.getItem(SOUND_KEY);
  return saved === null ? !coarse : saved === 'on';
}

/** The volume, 0–100, as the player left it: a whole number in range, else the default. */
export function volumeOf(storage: Pick<Storage, 'getItem'>): number {
  const saved = storage.getItem(VOLUME_KEY) ?? '';
  return /^\d{1,3}$/.test(saved) && Number(saved) <= 100 ? Number(saved) : DEFAULT_VOLUME;
}

export interface SoundControl {
  /** The header's sound button with its panel; one element for the screen's life (a redraw keeps it in place). */
  element: HTMLElement;
  /** Gives the canvas the remembered sound (when it starts). */
  applyTo(world: Pick<World, 'mute' | 'volume'>): void;
}

/**
 * The sound button and its panel (a popover): the volume, a slider 0–100, and the mute switch,
 * both remembered, shared by the match and the replay. The button's icon and name say the
 * state. Moving the volume above 0 turns a muted sound back on, so the change is heard; muting
 * leaves the volume where it is. Esc or a click outside closes the panel.
 */
export function soundControl(storage: Pick<Storage, 'getItem' | 'setItem'>, coarse: boolean, world: () => Pick<World, 'mute' | 'volume'> | null): SoundControl {
  let on = soundOn(storage, coarse);
  let volume = volumeOf(storage);
  const applyTo = (w: Pick<World, 'mute' | 'volume'>) => {
    w.mute(!on);
    w.volume(volume / 100);
  };

  const icon = h('img', { alt: '', width: 22, height: 22 });
  const button = h('button', { class: 'secondary icon', id: 'sound', popovertarget: 'sound-panel', 'aria-expanded': 'false' }, icon);
  const slider = h('input', { type: 'range', id: 'volume', min: 0, max: 100, step: 5, value: volume });
  // The figure for the eye; the slider says it itself (aria-valuetext).
  const figure = h('span', { class: 'volume-figure', 'aria-hidden': 'true' });
  const mute = h('input', { type: 'checkbox', id: 'mute', role: 'switch' });
  const panel = h(
    'div',
    { id: 'sound-panel', class: 'sound-panel', popover: 'auto', role: 'group', 'aria-label': t('soundPanel') },
    h('div', { class: 'volume-head' }, h('label', { for: 'volume' }, t('volume')), figure),
    slider,
    h('label', { class: 'inline' }, mute, t('mute')),
  );

  const show = () => {
    icon.src = `/icons/${!on || volume === 0 ? 'mute' : 'sound'}.svg`;
    const name = tf('soundState', { sound: t(on ? 'soundOn' : 'soundOff'), pct: `${volume}%` });
    button.setAttribute('aria-label', name);
    button.title = name;
    figure.textContent = `${volume}%`;
    slider.setAttribute('aria-valuetext', `${volume}%`);
    mute.checked = !on;
  };
  const turnOn = (next: boolean) => {
    on = next;
    storage.setItem(SOUND_KEY, on ? 'on' : 'off');
  };
  const changed = () => {
    show();
    const w = world();
    if (w) applyTo(w);
  };
  slider.addEventListener('input', () => {
    volume = Number(slider.value);
    storage.setItem(VOLUME_KEY, String(volume));
    if (volume > 0 && !on) turnOn(true);
    changed();
  });
  mute.addEventListener('change', () => {
    turnOn(!mute.checked);
    changed();
  });

  // The panel opens under its button, or over it where the window ends below, and inside the
  // window's width (the popover sits in the top layer, placed in the window's coordinates). It
  // follows the button while open; a screen taken away with it open closes it without an event.
  const place = () => {
    if (!panel.isConnected) return follow(false);
    const at = button.getBoundingClientRect();
    const below = at.bottom + 6 + panel.offsetHeight <= window.innerHeight - 8;
    panel.style.top = `${below ? at.bottom + 6 : Math.max(8, at.top - 6 - panel.offsetHeight)}px`;
    panel.style.left = `${Math.max(8, Math.min(at.left, window.innerWidth - panel.offsetWidth - 8))}px`;
  };
  const follow = (on: boolean) => {
    if (on) {
      window.addEventListener('scroll', place, { capture: true, passive: true });
      window.addEventListener('resize', place);
    } else {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    }
  };
  // Placed before it shows (with its size once shown), so it never flashes where it was.
  panel.addEventListener('beforetoggle', (e) => {
    const open = (e as ToggleEvent).newState === 'open';
    if (open) place();
    follow(open);
  });
  panel.addEventListener('toggle', (e) => {
    const open = (e as ToggleEvent).newState === 'open';
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      place();
      slider.focus();
    }
  });
  const element = h('div', { class: 'sound-control' }, button, panel);
  // Tabbing out of the panel closes it, as a click outside does.
  element.addEventListener('focusout', (e) => {
    if (e.relatedTarget instanceof Node && !element.contains(e.relatedTarget)) panel.hidePopover();
  });
  show();
  return { element, applyTo };
}
