// One text per value: object keys sorted, no whitespace, undefined members dropped. Hashes of
// events and states are taken over this text, so it must not depend on insertion order.

// Object keys repeat endlessly (every player has the same fields): quote each once.
const quoted = new Map<string, string>();
function quote(key: string): string {
  let q = quoted.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quoted.size < 10_000) quoted.set(key, q);
  }
  return q;
}

// A deeply frozen object can never change, so its text is kept: the scenario inside every
// state, and the untouched parts of immer's frozen states, are encoded once.
const frozenText = new WeakMap<object, string>();

export function canonicalJson(value: unknown): string {
  return write(value).text;
}

interface Written {
  text: string;
  /** The value and everything inside it is frozen (primitives count as frozen). */
  frozen: boolean;
}

function write(value: unknown): Written {
  if (value === null) return { text: 'null', frozen: true };
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return { text: Object.is(value, -0) ? '0' : String(value), frozen: true };
    case 'string':
      return { text: JSON.stringify(value), frozen: true };
    case 'boolean':
      return { text: value ? 'true' : 'false', frozen: true };
    case 'object': {
      const known = frozenText.get(value);
      if (known !== undefined) return { text: known, frozen: true };
      let frozen = Object.isFrozen(value);
      let out: string;
      if (Array.isArray(value)) {
        out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const v = value[i];
          if (v === undefined) out += 'null';
          else {
            const w = write(v);
            out += w.text;
            frozen &&= w.frozen;
          }
        }
        out += ']';
      } else {
        const obj = value as Record<string, unknown>;
        const keys = Object.keys(obj).sort();
        out = '{';
        let first = true;
        for (const k of keys) {
          const v = obj[k];
          if (v === undefined) continue;
          if (!first) out += ',';
          first = false;
          const w = write(v);
          out += quote(k) + ':' + w.text;
          frozen &&= w.frozen;
        }
        out += '}';
      }
      if (frozen) frozenText.set(value, out);
      return { text: out, frozen };
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}
