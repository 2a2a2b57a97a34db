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

// Set to false by any value that is not (deeply) frozen while its parent is being written.
let subtreeFrozen = true;

export function canonicalJson(value: unknown): string {
  subtreeFrozen = true;
  return write(value);
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return writeObject(value);
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

function writeObject(value: object): string {
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const known = frozenText.get(value);
    if (known !== undefined) return known;
  }
  const outer = subtreeFrozen;
  subtreeFrozen = frozen;
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const v = value[i];
      out += v === undefined ? 'null' : write(v);
    }
    out += ']';
  } else {
    const obj = value as Record<string, unknown>;
    const keys = sortedKeys(obj);
    out = '{';
    let first = true;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      if (!first) out += ',';
      first = false;
      out += quote(k) + ':' + write(v);
    }
    out += '}';
  }
  if (subtreeFrozen) frozenText.set(value, out);
  subtreeFrozen = outer && subtreeFrozen;
  return out;
}

// Objects come in few shapes (every event of a type, every player, has the same members), so the
// sorted order of each list of member names is worked out once: a tree of the names in the order an
// object lists them leads to it. Sorting a fresh copy of every object's keys made sealing events the
// largest source of the server's garbage under load. The tree stops growing at MAX_SHAPE_NODES
// (maps keyed by ids can make many lists); later lists are sorted each time, as before.
interface Shape {
  next: Map<string, Shape>;
  order?: string[];
}
const MAX_SHAPE_NODES = 20_000;
const shapes: Shape = { next: new Map() };
let shapeNodes = 0;

function sortedKeys(obj: Record<string, unknown>): string[] {
  let node = shapes;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    let next = node.next.get(k);
    if (next === undefined) {
      if (shapeNodes >= MAX_SHAPE_NODES) return Object.keys(obj).sort();
      next = { next: new Map() };
      node.next.set(k, next);
      shapeNodes++;
    }
    node = next;
  }
  return (node.order ??= Object.keys(obj).sort());
}
