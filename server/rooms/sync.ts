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
  optional?: boolean;
}

const syncedFrom = new WeakMap<Schema, unknown>();
const fieldsCache = new WeakMap<object, Field[]>();

function fieldsOf(target: Schema): Field[] {
  const ctor = target.constructor;
  let fields = fieldsCache.get(ctor);
  if (!fields) {
    const metadata = (ctor as unknown as Record<symbol, Record<number, Field | undefined>>)[Symbol.metadata]!;
    fields = [];
    for (let i = 0; metadata[i] !== undefined; i++) fields.push({ name: metadata[i]!.name, type: metadata[i]!.type, optional: metadata[i]!.optional === true });
    fieldsCache.set(ctor, fields);
  }
  return fields;
}

const isSchemaClass = (type: FieldType): type is typeof Schema => typeof type === 'function';

/** Makes `target` show `source` (an engine object of the same shape); returns `target`. */
export function syncInto<S extends Schema>(target: S, source: object): S {
  if (syncedFrom.get(target) === source) return target;
  syncedFrom.set(target, source);
  const t = target as unknown as Plain;
  const s = source as Plain;
  for (const field of fieldsOf(target)) setField(t, field, s[field.name]);
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
function setField(t: Plain, { name, type, optional }: Field, value: unknown): void {
  if (value === undefined || value === null) {
    // A list that is always there shows an absent one as empty.
    if (!optional && (t[name] instanceof ArraySchema || t[name] instanceof MapSchema)) {
      const list = t[name] as ArraySchema<unknown> | MapSchema<unknown>;
      if ((list instanceof MapSchema ? list.size : list.length) > 0) list.clear();
    } else if (t[name] !== undefined) t[name] = undefined;
    return;
  }
  if (typeof type === 'string') {
    if (t[name] !== value) t[name] = value;
    return;
  }
  if (t[name] === undefined) t[name] = make(type);
  fill(t[name], value, type);
}

function fill(target: unknown, value: unknown, type: Exclude<FieldType, string>): void {
  if (isSchemaClass(type)) syncInto(target as Schema, value as object);
  else if ('array' in type) syncArray(target as ArraySchema<unknown>, value as readonly unknown[], type.array);
  else syncMap(target as MapSchema<unknown>, value as Plain, type.map);
}

function syncArray(target: ArraySchema<unknown>, values: readonly unknown[], type: FieldType): void {
  while (target.length > values.length) target.pop();
  values.forEach((value, i) => {
    if (typeof type === 'string') {
      if (i >= target.length) target.push(value);
      else if (target.at(i) !== value) target[i] = value;
      return;
    }
    if (i >= target.length) target.push(make(type));
    fill(target.at(i), value, type);
  });
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
