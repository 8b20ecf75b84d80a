import { createStore } from '@context-action/core'
import { render } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it } from 'vitest'
import NonNegative from './NonNegative.svelte'
import TodoRows from './TodoRows.svelte'

describe('useStoreValue: a selector that throws on a change', () => {
  it('does not throw to the writer when its row is removed by the same write (list[index] past the end)', () => {
    const todos = createStore([{ title: 'a' }, { title: 'b' }])
    const { container } = render(TodoRows, { todos })
    expect(container.textContent).toBe('ab')
    todos.update((list) => list.slice(0, -1))
    flushSync()
    expect([container.textContent, todos.getListenerCount()]).toEqual(['a', 2])
  })

  it('meets its error where the value is read, as $derived would, when it still throws there', () => {
    const count = createStore(1)
    const { container } = render(NonNegative, { count })
    // The write itself succeeds; the component's effect reads `current` again and throws there.
    count.setValue(-1)
    expect(count.getValue()).toBe(-1)
    expect(() => flushSync()).toThrow('negative: -1')
    expect(container.textContent).toBe('1')
  })
})
