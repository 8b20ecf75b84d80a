import { createStore } from '@context-action/core'
import type { DemoDomain, User } from '@context-action/demo-domain'
import { createTestContexts } from '@context-action/vue/testing'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { Demo, DemoForms, demoStores } from '../context'
import MasterDetail from './MasterDetail.vue'

const ada: User = { id: 'u1', name: 'Ada', email: 'ada@example.org', updatedAt: 0 }
const bob: User = { id: 'u2', name: 'Bob', email: 'bob@example.org', updatedAt: 0 }

/** MasterDetail under test: Demo's handlers stubbed and its dispatches recorded, the domain stores it reads seeded. */
function setup(selected: User | null) {
  const contexts = createTestContexts({ createSpy: vi.fn })
  const demo = contexts.actions(Demo, { stub: true })
  const forms = contexts.stores(DemoForms)
  const stores = {
    users: createStore([ada, bob]),
    selectedUser: createStore(selected),
    detailForm: createStore(selected && { name: selected.name, email: selected.email }),
    failedSave: createStore(null),
    detailMessage: createStore(null),
  } as unknown as DemoDomain['stores']
  const wrapper = mount(MasterDetail, { global: { plugins: [contexts, demoStores({ stores, userCache: {} as DemoDomain['userCache'] })] } })
  return { demo, forms, wrapper }
}

describe('MasterDetail', () => {
  it('lists the users and dispatches selectUser for the one clicked', async () => {
    const { demo, wrapper } = setup(null)
    await wrapper.findAll('[data-testid="user-list"] button')[1].trigger('click')
    expect({ users: wrapper.findAll('[data-testid="user-list"] button').map((b) => b.text()), empty: wrapper.find('[data-testid="detail-empty"]').exists(), dispatches: demo.dispatches }).toEqual({
      users: ['Ada', 'Bob'],
      empty: true,
      dispatches: [{ action: 'selectUser', payload: { userId: 'u2' } }],
    })
    wrapper.unmount()
  })

  it('edits the selected user in a draft (v-model on useStoreRefs) and dispatches the draft on save', async () => {
    const { demo, forms, wrapper } = setup(ada)
    const name = wrapper.find('input[name="name"]')
    const before = (name.element as HTMLInputElement).value
    await name.setValue('Ada Lovelace')
    await wrapper.find('form').trigger('submit')
    expect({ before, draft: forms.getStore('draft').getValue(), dispatches: demo.dispatches }).toEqual({
      before: 'Ada',
      draft: { name: 'Ada Lovelace', email: 'ada@example.org' },
      dispatches: [{ action: 'updateSelectedUser', payload: { name: 'Ada Lovelace', email: 'ada@example.org', source: 'Vue' } }],
    })
    wrapper.unmount()
  })
})
