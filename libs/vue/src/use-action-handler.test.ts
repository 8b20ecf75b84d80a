import { ActionRegister } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive, shallowRef } from 'vue'
import type { TestActions } from './__tests__/actions'
import HandlerHost from './__tests__/HandlerHost.vue'
import type { Found } from './__tests__/Probe.vue'
import { useActionHandler } from './use-action-handler'

function host() {
  const found: Found = {}
  const log: string[] = []
  const wrapper = mount(HandlerHost, { props: { found, log, probes: [{ label: 'a' }] } })
  return { wrapper, log, register: found.register! }
}

describe('useActionHandler in components', () => {
  it('calls the latest handler and reads the latest props after a re-render, without re-registering for a new handler', async () => {
    const { wrapper, log, register } = host()
    const registrations: string[] = []
    const original = register.register.bind(register)
    register.register = ((action, handler, config) => (registrations.push(`${action}:${config?.id}`), original(action, handler, config))) as typeof register.register
    await register.dispatch('save', { id: 1 })
    await wrapper.setProps({ probes: [{ label: 'a', handler: (p) => void log.push(`new:${p.id}`) }] })
    await register.dispatch('save', { id: 2 })
    await wrapper.setProps({ probes: [{ label: 'b' }] })
    await register.dispatch('save', { id: 3 })
    expect({ log, registrations, handlers: register.getHandlerCount('save') }).toEqual({
      log: ['a:1', 'new:2', 'b:3'],
      registrations: ['save:b'],
      handlers: 1,
    })
    wrapper.unmount()
  })

  it('re-registers on a config change, so priority order follows, and keeps the given id', async () => {
    const { wrapper, log, register } = host()
    await wrapper.setProps({ probes: [{ label: 'a', priority: 1 }, { label: 'b', priority: 2 }] })
    await register.dispatch('save', { id: 1 })
    await wrapper.setProps({ probes: [{ label: 'a', priority: 3 }, { label: 'b', priority: 2 }] })
    const result = await register.dispatchWithResult('save', { id: 2 })
    expect({ log, ids: result.handlers.map((h) => h.id) }).toEqual({ log: ['b:1', 'a:1', 'a:2', 'b:2'], ids: ['a', 'b'] })
    wrapper.unmount()
  })

  it('unregisters on unmount', async () => {
    const { wrapper, log, register } = host()
    await wrapper.setProps({ probes: [] })
    await register.dispatch('save', { id: 1 })
    expect({ log, handlers: register.getHandlerCount('save') }).toEqual({ log: [], handlers: 0 })
    wrapper.unmount()
  })

  it('aborts the signal of a handler whose component unmounts while it runs', async () => {
    const { wrapper, register } = host()
    const events: string[] = []
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    await wrapper.setProps({
      probes: [
        {
          label: 'slow',
          handler: async (_, controller) => {
            events.push('start')
            controller.signal.addEventListener('abort', () => events.push('abort'))
            await gate
            events.push(controller.signal.aborted ? 'saw aborted' : 'saw live')
          },
        },
      ],
    })
    const running = register.dispatch('save', { id: 1 })
    await nextTick()
    await wrapper.setProps({ probes: [] })
    release()
    await running
    expect(events).toEqual(['start', 'abort', 'saw aborted'])
    wrapper.unmount()
  })
})

describe('useActionHandler in an effect scope', () => {
  it('registers for the scope, follows a handler ref and a reactive config, and unregisters on stop', async () => {
    const register = new ActionRegister<TestActions>({ name: 'scope' })
    const log: string[] = []
    const handler = shallowRef((p: { id: number }) => void log.push(`first:${p.id}`))
    const config = reactive({ id: 'x', priority: 0 })
    const scope = effectScope()
    scope.run(() => {
      useActionHandler(register, 'save', handler, config)
      useActionHandler(register, 'save', (p) => void log.push(`other:${p.id}`), { id: 'y', priority: 1 })
    })
    await register.dispatch('save', { id: 1 })
    handler.value = (p) => void log.push(`second:${p.id}`)
    config.priority = 2
    await register.dispatch('save', { id: 2 })
    const during = register.getHandlerCount('save')
    scope.stop()
    await register.dispatch('save', { id: 3 })
    expect({ log, during, after: register.getHandlerCount('save') }).toEqual({
      log: ['other:1', 'first:1', 'second:2', 'other:2'],
      during: 2,
      after: 0,
    })
  })

  it('keeps the registration when a config getter gives an equal config again, so a running handler is not aborted', async () => {
    const register = new ActionRegister<TestActions>({ name: 'equal config' })
    const tick = shallowRef(0)
    const seen: string[] = []
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const scope = effectScope()
    scope.run(() =>
      useActionHandler(
        register,
        'save',
        async (_, controller) => {
          await gate
          seen.push(controller.signal.aborted ? 'aborted' : 'live')
        },
        () => ({ id: 'saver', priority: tick.value >= 0 ? 1 : 2 }),
      ),
    )
    const running = register.dispatch('save', { id: 1 })
    tick.value = 1
    release()
    await running
    scope.stop()
    expect(seen).toEqual(['live'])
  })

  it('outside any effect scope registers until its stop is called, without a Vue warning', () => {
    const register = new ActionRegister<TestActions>({ name: 'no scope' })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const stop = useActionHandler(register, 'reset', () => {})
    const warnings = warn.mock.calls.length
    warn.mockRestore()
    const during = register.getHandlerCount('reset')
    stop()
    expect({ warnings, during, after: register.getHandlerCount('reset') }).toEqual({ warnings: 0, during: 1, after: 0 })
  })

  it('returns a function that unregisters early, and rejects a handler that is not a function', () => {
    const register = new ActionRegister<TestActions>({ name: 'plain' })
    const stop = useActionHandler(register, 'reset', () => {})
    const during = register.getHandlerCount('reset')
    stop()
    expect([during, register.getHandlerCount('reset')]).toEqual([1, 0])
    expect(() => useActionHandler(register, 'reset', 'nope' as never)).toThrow(
      'useActionHandler: the handler for "reset" must be a function or a ref to one, got string',
    )
  })
})
