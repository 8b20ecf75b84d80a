// For svelte-check, which does not read .vue files (vue-tsc resolves them itself and ignores this declaration).
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
