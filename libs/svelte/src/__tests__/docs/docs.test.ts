import { fireEvent, render, screen } from '@testing-library/svelte'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Greeting from './Greeting.svelte'

const guide = readFileSync(join(import.meta.dirname, '../../../../../docs/svelte.md'), 'utf8')
const fixture = readFileSync(join(import.meta.dirname, 'Greeting.svelte'), 'utf8')

describe('docs/svelte.md', () => {
  it('opens with the minimal component, verbatim from the fixture this test renders', () => {
    const section = guide.slice(guide.indexOf('## Minimal component'))
    const block = /```svelte\n([\s\S]*?)```/.exec(section)?.[1]
    expect([guide.indexOf('## Minimal component') < guide.indexOf('\n## ', guide.indexOf('## Minimal component') + 1), block]).toEqual([true, fixture])
  })

  it('the minimal component shows a store value, writes a bound field and dispatches an action', async () => {
    render(Greeting)
    const input = screen.getByLabelText('New name') as HTMLInputElement
    await fireEvent.click(screen.getByText('Rename'))
    const refused = screen.getByRole('alert').textContent
    await fireEvent.input(input, { target: { value: 'Grace' } })
    await fireEvent.click(screen.getByText('Rename'))
    expect([refused, screen.getByText(/^Hello/).textContent, input.value, screen.getByRole('alert').textContent]).toEqual([
      'A name is required',
      'Hello, Grace! (GRACE)',
      '',
      '',
    ])
  })
})
