import { readonly } from './deps'
import { isDev } from './dev'

type Builtin = ((...args: any[]) => unknown) | Date | RegExp | Error | Promise<unknown> | string | number | boolean | bigint | symbol | null | undefined

/** `T` with every property, array, Map and Set read-only, all the way down: what store values are typed as. */
export type DeepReadonly<T> = unknown extends T
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

/** Vue's `readonly()` view of an object value (an in-place write changes nothing; it warns in development); other values as they are. */
export function readonlyValue<T>(value: T): DeepReadonly<T> {
  return (typeof value === 'object' && value !== null ? readonly(value) : value) as DeepReadonly<T>
}

/** `readonlyValue` in development; the value itself in production builds (no cost). */
export function readonlyInDev<T>(value: T): DeepReadonly<T> {
  return isDev ? readonlyValue(value) : (value as DeepReadonly<T>)
}
