// For the declaration build only (tsconfig.lib.json): plain tsc cannot read `.svelte` files. No component is part
// of the public types, so any component type will do; svelte-check reads the real ones.
declare module '*.svelte' {
  import type { Component } from 'svelte'
  const component: Component<any>
  export default component
}
