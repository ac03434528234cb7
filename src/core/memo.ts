// Results kept per key: the stages look the same things up per cell or per
// check (a form's identities for a table, a cell's name in a language), and
// make each once per catalogue, table or text.

/** A Map or WeakMap: what `kept` needs of it. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value kept for `key`, made with `make` and kept on the first request (null is a value; undefined is not). */
export function kept<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
