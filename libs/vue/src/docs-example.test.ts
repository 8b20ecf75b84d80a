import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { expect, it } from 'vitest'
import MinimalComponent from './__tests__/MinimalComponent.vue'

const fixture = join(import.meta.dirname, '__tests__/MinimalComponent.vue')
const guide = join(import.meta.dirname, '../../../docs/vue.md')

it('the guide\'s "Minimal component" is this tested SFC, verbatim', () => {
  const section = readFileSync(guide, 'utf8').split('## Minimal component')[1]
  const start = section.indexOf('```vue\n') + '```vue\n'.length
  const block = section.slice(start, section.indexOf('\n```', start))
  expect(block + '\n').toBe(readFileSync(fixture, 'utf8'))
})

it('the minimal component shows the store value, edits the field with v-model and dispatches the action', async () => {
  const wrapper = mount(MinimalComponent)
  await wrapper.find('input').setValue('Write docs')
  await wrapper.find('form').trigger('submit')
  await flushPromises()
  expect({ items: wrapper.findAll('li').map((li) => li.text()), input: wrapper.find('input').element.value, count: wrapper.find('p').text() }).toEqual({
    items: ['Write docs'],
    input: '',
    count: '1 to do',
  })
  wrapper.unmount()
})
