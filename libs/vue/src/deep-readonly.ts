import { readonly, toRaw } from './deps'

type Builtin = ((...args: any[]) => unknown) | Date | RegExp | Error | Promise<unknown> | string | number | boolean | bigint | symbol | null | undefined

/**
 * `T` with every property, array, Map and Set read-only, all the way down: what store values are typed as. It
 * distributes over a union, so narrowing works in generic code: `if (item.value) use(item.value)` gives
 * `DeepReadonly<T>` when `item` is `DeepReadonly<T | undefined>`.
 */
export type DeepReadonly<T> = T extends unknown
  ? unknown extends T
    ? T
    : T extends Builtin
      ? T
      : T extends ReadonlyMap<infer K, infer V>
        ? ReadonlyMap<DeepReadonly<K>, DeepReadonly<V>>
        : T extends ReadonlySet<infer V>
          ? ReadonlySet<DeepReadonly<V>>
          : T extends readonly unknown[]
            ? { readonly [I in keyof T]: DeepReadonly<T[I]> }
            : { readonly [K in keyof T]: DeepReadonly<T[K]> }
  : never

/** Vue's `readonly()` view of an object value (an in-place write changes nothing; it warns in development); other values as they are. */
export function readonlyValue<T>(value: T): DeepReadonly<T> {
  return (typeof value === 'object' && value !== null ? readonly(value) : value) as DeepReadonly<T>
}

/**
 * `value` with the Vue proxies in it replaced by their raw objects, through plain objects and arrays: what the adapter
 * writes to a store, so a value built from read-only values (`{ ...model.value, name }`) stores plain data. Only what
 * contains a proxy is copied (the value itself when nothing does); a proxy's raw object is already store data.
 */
export function toRawDeep<T>(value: T): T {
  let result: any = toRaw(value)
  // Stryker disable next-line ConditionalExpression: walking a proxy too (dropping `result === value`) writes each raw child back where it already is: the same data, slower
  if (result === value && (Array.isArray(value) || Object.getPrototypeOf(value ?? 0) === Object.prototype)) {
    for (const key in value) {
      const item = toRawDeep(value[key])
      if (item !== value[key]) {
        if (result === value) result = Array.isArray(value) ? [...value] : { ...value }
        result[key] = item
      }
    }
  }
  return result
}
