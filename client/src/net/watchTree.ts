import type { Callbacks } from '@colyseus/sdk';
import type { Schema } from '@colyseus/schema';

type StateCallbacks = ReturnType<typeof Callbacks.get>;
type FieldType = string | typeof Schema | { array: unknown } | { map: unknown };

interface On {
  onChange(instance: object, handler: () => void): void;
  listen(instance: object, property: string, handler: (value: unknown) => void): void;
  onAdd(instance: object, property: string, handler: (value: unknown) => void): void;
  onRemove(instance: object, property: string, handler: () => void): void;
  onChange(instance: object, property: string, handler: () => void): void;
}

function fieldsOf(node: Schema): Array<{ name: string; type: FieldType }> {
  const metadata = (node.constructor as unknown as Record<symbol, Record<number, { name: string; type: FieldType } | undefined>>)[Symbol.metadata]!;
  const fields = [];
  for (let i = 0; metadata[i] !== undefined; i++) fields.push(metadata[i]!);
  return fields;
}

/**
 * Calls `handler` whenever anything inside `node` changes: its own fields, its child structures
 * (also ones that arrive later) and its collections' items. Built on the room's schema callbacks,
 * so a screen redraws a part when, and only when, the state under it changed.
 */
export function watchTree($: StateCallbacks, node: Schema, handler: () => void): void {
  ($ as unknown as On).onChange(node, handler);
  for (const { name, type } of fieldsOf(node)) if (typeof type !== 'string') watchField($, node, name as keyof Schema & string, handler);
}

/** Calls `handler` whenever one field of `node` changes, or anything inside it (see watchTree). */
export function watchField<N extends Schema>($: StateCallbacks, node: N, name: keyof N & string, handler: () => void): void {
  const on = $ as unknown as On;
  const type = fieldsOf(node).find((f) => f.name === name)!.type;
  if (typeof type === 'string') {
    on.listen(node, name, handler);
    return;
  }
  if (typeof type === 'function') {
    // A child structure: watched now, and again whenever the field is given another one.
    on.listen(node, name, (child) => {
      if (child) watchTree($, child as Schema, handler);
      handler();
    });
    return;
  }
  // A collection: items added (each watched, when they are structures), removed or replaced.
  const itemsAreStructures = typeof ('array' in type ? type.array : type.map) === 'function';
  on.onAdd(node, name, (item) => {
    if (itemsAreStructures) watchTree($, item as Schema, handler);
    handler();
  });
  on.onRemove(node, name, handler);
  on.onChange(node, name, handler);
}
