import { ArraySchema, MapSchema, Schema } from '@colyseus/schema';

// Copies a plain value of the engine into a schema structure of the same shape, field by field,
// using the schema's own metadata: an unchanged value is not assigned (so it sends nothing), a
// `null` leaves an optional field unset, and arrays and maps are resized in place (so a delta
// carries the items that changed, not the collection again).
//
// The engine never changes an object it has handed out (it builds new ones for what a command
// touched), so a structure last synced from the very same object is skipped without a walk.

type Plain = Record<string, unknown>;
type Collection = { array: FieldType } | { map: FieldType };
type FieldType = string | typeof Schema | Collection;
interface Field {
  name: string;
  type: FieldType;
  optional: boolean;
  /** A number, string or boolean: assigned, not walked. */
  primitive: boolean;
}

const syncedFrom = new WeakMap<object, unknown>();
const fieldsCache = new WeakMap<object, Field[]>();

function fieldsOf(target: Schema): Field[] {
  const ctor = target.constructor;
  let fields = fieldsCache.get(ctor);
  if (!fields) {
    const metadata = (ctor as unknown as Record<symbol, Record<number, Field | undefined>>)[Symbol.metadata]!;
    fields = [];
    for (let i = 0; metadata[i] !== undefined; i++) {
      const { name, type, optional } = metadata[i]!;
      fields.push({ name, type, optional: optional === true, primitive: typeof type === 'string' });
    }
    fieldsCache.set(ctor, fields);
  }
  return fields;
}

const isSchemaClass = (type: FieldType): type is typeof Schema => typeof type === 'function';

/** Makes `target` show `source` (an engine object of the same shape); returns `target`. */
export function syncInto<S extends Schema>(target: S, source: object): S {
  const prev = syncedFrom.get(target) as Plain | undefined;
  if (prev === source) return target;
  syncedFrom.set(target, source);
  const t = target as unknown as Plain;
  const s = source as Plain;
  for (const field of fieldsOf(target)) {
    const value = s[field.name];
    // What the last source had here is what the field shows: an equal value (or the very same
    // object) needs no look at the schema, whose reads cost more than a plain object's.
    if (prev !== undefined && prev[field.name] === value) continue;
    setField(t, field, value);
  }
  return target;
}

/** Makes the fields of `target` named in `part` show its values; leaves the other fields alone. */
export function syncFields<S extends Schema>(target: S, part: Plain): S {
  const t = target as unknown as Plain;
  for (const field of fieldsOf(target)) if (field.name in part) setField(t, field, part[field.name]);
  return target;
}

const make = (type: Exclude<FieldType, string>): unknown =>
  isSchemaClass(type) ? new (type as unknown as new () => Schema)() : 'array' in type ? new ArraySchema() : new MapSchema();

// A new structure is attached to the state empty and filled afterwards: filled while still
// detached, a structure inside a view-filtered part can reach the encoder before its parent is
// known to be visible, and its items would never be sent.
function setField(t: Plain, { name, type, optional, primitive }: Field, value: unknown): void {
  const current = t[name];
  if (value === undefined || value === null) {
    // A list that is always there shows an absent one as empty.
    if (!optional && (current instanceof ArraySchema || current instanceof MapSchema)) {
      syncedFrom.delete(current);
      if ((current instanceof MapSchema ? current.size : current.length) > 0) current.clear();
    } else if (current !== undefined) t[name] = undefined;
    return;
  }
  if (primitive) {
    if (current !== value) t[name] = value;
    return;
  }
  const kind = type as Exclude<FieldType, string>;
  if (current !== undefined) return fill(current, value, kind);
  t[name] = make(kind);
  fill(t[name], value, kind);
}

function fill(target: unknown, value: unknown, type: Exclude<FieldType, string>): void {
  if (isSchemaClass(type)) {
    syncInto(target as Schema, value as object);
    return;
  }
  // A collection last synced from the very same array or object shows it already.
  const prev = syncedFrom.get(target as object);
  if (prev === value) return;
  syncedFrom.set(target as object, value);
  if ('array' in type) syncArray(target as ArraySchema<unknown>, value as readonly unknown[], type.array, prev as readonly unknown[] | undefined);
  else syncMap(target as MapSchema<unknown>, value as Plain, type.map);
}

function syncArray(target: ArraySchema<unknown>, values: readonly unknown[], type: FieldType, prev: readonly unknown[] | undefined): void {
  let length = target.length;
  for (; length > values.length; length--) target.pop();
  const primitive = typeof type === 'string';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i >= length) {
      target.push(primitive ? value : make(type));
      length++;
      if (primitive) continue;
    }
    if (prev !== undefined && i < prev.length && prev[i] === value) continue;
    const current = target.at(i);
    if (!primitive) fill(current, value, type);
    else if (current !== value) target[i] = value;
  }
}

function syncMap(target: MapSchema<unknown>, values: Plain, type: FieldType): void {
  for (const key of [...target.keys()]) if (values[key] === undefined || values[key] === null) target.delete(key);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof type === 'string') {
      if (target.get(key) !== value) target.set(key, value);
      continue;
    }
    if (!target.has(key)) target.set(key, make(type));
    fill(target.get(key), value, type);
  }
}
