import type { Component, Snippet } from 'svelte'
import Provider from './Provider.svelte'

/** Props of a context's `Provider` component. */
export type ProviderProps<P = {}> = P & { children?: Snippet }

/** A component that calls `setup(props)` while it initialises and renders its children: the `Provider` of a context factory. */
export function providerOf<P>(setup: (props: P) => unknown): Component<ProviderProps<P>> {
  // Svelte 5 components are functions; this one forwards to Provider.svelte with the context's setup bound in.
  return (internals, props) =>
    Provider(internals, {
      setup: () => setup(props),
      get children() {
        return props.children
      },
    })
}
