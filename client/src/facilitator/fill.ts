import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** A catalog string with its "{q}" / "{n}" / "{who}" / "{line}" slots filled. */
export function tf(key: MessageKey, slots: Record<string, string | number>): string {
  return Object.entries(slots).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), t(key));
}
