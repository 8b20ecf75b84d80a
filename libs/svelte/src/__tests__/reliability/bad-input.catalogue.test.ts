import { ActionRegister, createStore } from '@context-action/core'
import { writeFileSync } from 'node:fs'
import { mount, unmount } from 'svelte'
import { afterAll, describe, expect, it } from 'vitest'
import { createActionContext, createStoreContext, createStoreManager, select, useStoreValue } from '../../index'
import Call from './Call.svelte'
import { Demo } from './demo-context'
import ProvidedCall from './ProvidedCall.svelte'

// Every public function of @context-action/svelte with bad input, outside a component, and in a component
// without a provider. Each row expects a message that names the function and the problem, and checks that
// the sentinel store kept its value and no handler ran. Rows marked `poor` give a message that does not name
// the public function (SPEC §1.7); they are reported to the lead and run as `it.fails` until fixed.

const Prefs = createStoreContext('Prefs', { theme: { initialValue: 'light' } })

interface Fixture {
  store: ReturnType<typeof createStore<{ n: number }>>
  register: ActionRegister<{ save: void }>
  runs: string[]
}
const fixture = (): Fixture => {
  const runs: string[] = []
  const register = new ActionRegister<{ save: void }>({ name: 'sentinel' })
  register.register('save', () => void runs.push('save'))
  return { store: createStore('sentinel', { n: 1 }), register, runs }
}

/** Run `run` while a component initialises, optionally under `<Demo.Provider>`; returns what mount threw. */
function inComponent(run: () => void, provided = false): unknown {
  const target = document.createElement('div')
  try {
    const app = mount(provided ? ProvidedCall : Call, { target, props: { run } })
    unmount(app)
  } catch (e) {
    return e
  }
  return undefined
}

interface Row {
  fn: string
  input: string
  call: (f: Fixture) => unknown
  message: string
  poor?: boolean
}

const rows: Row[] = [
  { fn: 'select', input: 'store = undefined', call: () => select(undefined as never, (v) => v), message: 'select: ' },
  { fn: 'select', input: 'store = 5', call: () => select(5 as never, (v) => v), message: 'select: ' },
  { fn: 'select', input: 'selector = 5', call: (f) => select(f.store, 5 as never), message: 'select: the selector must be a function, got 5' },
  { fn: 'select', input: "equals = 'x'", call: (f) => select(f.store, (s) => s.n, 'x' as never), message: 'select: equals must be a function, got "x"' },
  { fn: 'select(...).set', input: 'writing to a selected slice', call: (f) => ((select(f.store, (s) => s.n) as unknown as { set: (v: unknown) => void }).set)(2), message: 'sentinel.select.setValue: computed stores are read-only; write to their input stores instead' },
  { fn: 'useStoreValue', input: 'store = undefined', call: () => useStoreValue(undefined as never).current, message: 'useStoreValue: ' },
  { fn: 'useStoreValue', input: 'selector = 5', call: (f) => useStoreValue(f.store, 5 as never).current, message: 'useStoreValue: the selector must be a function, got 5' },
  { fn: 'useStoreValue', input: 'equals = 5', call: (f) => useStoreValue(f.store, (s) => s.n, 5 as never).current, message: 'useStoreValue: equals must be a function, got 5' },
  { fn: 'useStoreValue', input: 'an object without subscribe', call: () => useStoreValue({ value: 1 } as never), message: 'useStoreValue: expected a store (with a subscribe method), got an object' },
  { fn: 'select', input: 'an object without subscribe', call: () => select({ value: 1 } as never, (v) => v), message: 'select: expected a store (with a subscribe method), got an object' },
  { fn: 'useStoreValue(...).current =', input: 'assigning a selected slice', call: (f) => ((useStoreValue(f.store, (s) => s.n) as { current: number }).current = 2), message: 'useStoreValue: current is read-only (a slice, a computed store, or a store without set)' },
  { fn: 'useStoreValue(...).current =', input: 'assigning a computed store', call: (f) => ((useStoreValue(select(f.store, (s) => s.n)) as unknown as { current: number }).current = 2), message: 'useStoreValue: current is read-only (a slice, a computed store, or a store without set)' },
  { fn: 'createActionContext', input: 'name = undefined', call: () => createActionContext(undefined as never), message: 'createActionContext: the name must be a non-empty string, got undefined' },
  { fn: 'createStoreContext', input: "name = ''", call: () => createStoreContext('', { user: { initialValue: 1 } }), message: 'createStoreContext: the name must be a non-empty string, got ""' },
  { fn: 'createStoreContext', input: 'the name left out', call: () => createStoreContext({ user: { initialValue: 1 } } as never, undefined as never), message: 'createStoreContext: the name must be a non-empty string, got an object' },
  { fn: 'createStoreContext', input: 'definitions = 5', call: () => createStoreContext('Bad', 5 as never), message: 'createStoreContext: definitions must be an object like { user: { initialValue: … } }, got 5' },
  { fn: 'createStoreContext', input: 'definition without initialValue', call: () => createStoreContext('Bad', { user: 5 } as never), message: 'createStoreContext: definition "user" must be an object with an initialValue' },
  { fn: 'createStoreManager', input: 'unknown store key', call: () => createStoreManager('App', { user: { initialValue: 1 } }).getStore('nope' as never), message: 'App.getStore: unknown store "nope"; known stores: user' },
  // Outside any component
  { fn: 'Demo.useActionDispatch', input: 'called outside a component', call: () => Demo.useActionDispatch(), message: 'useActionDispatch' },
  { fn: 'Demo.useActionHandler', input: 'called outside a component', call: () => Demo.useActionHandler('loadUsers', () => {}), message: 'useActionHandler' },
  { fn: 'Demo.provide', input: 'called outside a component', call: () => Demo.provide(), message: 'provide' },
  { fn: 'Prefs.provide', input: 'called outside a component', call: () => Prefs.provide(), message: 'Prefs.provide: call it while a component initialises (at the top of its <script>, not in an event handler, a timer or after an await); use what it returns later' },
  // In a component, without a provider above it
  { fn: 'Demo.useActionDispatch', input: 'in a component with no provider', call: () => { throw inComponent(() => Demo.useActionDispatch()) }, message: 'Demo.useActionDispatch: no Demo provider above this component; render <Provider context={Demo}> or call Demo.provide() in a parent (a root made with mount() takes context: getAllContexts() from a component under one)' },
  { fn: 'Demo.useActionHandler', input: 'in a component with no provider', call: () => { throw inComponent(() => Demo.useActionHandler('loadUsers', () => {})) }, message: 'useActionHandler: no Demo provider above this component' },
  { fn: 'Demo.useActionStatus', input: 'in a component with no provider', call: () => { throw inComponent(() => Demo.useActionStatus('loadUsers')) }, message: 'useActionStatus: no Demo provider above this component' },
  { fn: 'Demo.useActionDispatchWithResult', input: 'in a component with no provider', call: () => { throw inComponent(() => Demo.useActionDispatchWithResult()) }, message: 'useActionDispatchWithResult: no Demo provider above this component' },
  { fn: 'Prefs.useStoreManager', input: 'in a component with no provider', call: () => { throw inComponent(() => Prefs.useStoreManager()) }, message: 'useStoreManager: no Prefs provider above this component' },
  { fn: 'Demo.useActionRegister', input: 'in a component with no provider', call: () => { throw inComponent(() => Demo.useActionRegister()) }, message: 'useActionRegister: no Demo provider above this component' },
  // In a component under a provider, with bad arguments
  { fn: 'Demo.useActionHandler', input: 'handler = 5, under a provider', call: () => { throw inComponent(() => Demo.useActionHandler('loadUsers', 5 as never), true) }, message: 'useActionHandler: the handler must be a function, got 5' },
  { fn: 'Demo.useActionHandler', input: 'priority = NaN, under a provider', call: () => { throw inComponent(() => Demo.useActionHandler('loadUsers', () => {}, { priority: NaN }), true) }, message: 'priority must be a number, got NaN' },
  { fn: 'Demo.provide', input: 'register = 5', call: () => { throw inComponent(() => Demo.provide(5 as never)) }, message: 'Demo.provide: expected an ActionRegister, got 5' },
  { fn: 'Prefs.provide', input: 'state with an unknown key', call: () => { throw inComponent(() => Prefs.provide({ colour: 'red' } as never)) }, message: 'Prefs.hydrate: unknown store "colour" in the snapshot; known stores: theme' },
  { fn: 'Prefs.provide', input: 'state = 5', call: () => { throw inComponent(() => Prefs.provide(5 as never)) }, message: 'Prefs.hydrate: snapshot must be an object' },
  { fn: 'Demo.useActionStatus', input: "action = '', under a provider", call: () => { throw inComponent(() => Demo.useActionStatus('' as never), true) }, message: 'ActionRegister.getActionStatus: action must be a non-empty string, got ""' },
]

const results: string[] = []

describe('bad-input catalogue: @context-action/svelte', () => {
  for (const row of rows) {
    const test = row.poor ? it.fails : it
    test(`${row.fn}(${row.input})`, () => {
      const f = fixture()
      const before = f.store.getValue()
      let error: unknown
      try {
        row.call(f)
      } catch (e) {
        error = e
      }
      results.push(`| \`${row.fn}\` | ${row.input} | ${error instanceof Error ? `\`${error.message.split('\n')[0].replace(/\|/g, '\\|')}\`` : 'no error'}${row.poor ? ' (poor: reported)' : ''} |`)
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toContain(row.message)
      expect(f.store.getValue()).toBe(before)
      expect(f.runs).toEqual([])
    })
  }

  afterAll(() => {
    if (process.env.CATALOGUE_OUT) writeFileSync(process.env.CATALOGUE_OUT, results.join('\n') + '\n')
  })
})
