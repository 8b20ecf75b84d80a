import { createStore, transaction, type ActionRegister, type Cache, type Store } from '@context-action/core'
import type { DemoActions } from './demo-actions'
import { isAbort, messageOf } from './errors'
import type { DemoApi, User } from './types'

export interface MasterDetailStores {
  /** The user list (master). */
  users: Store<User[]>
  /** The user being edited (detail), a copy kept in step with the list. */
  selectedUser: Store<User | null>
}

const replace = (user: User) => (list: User[]) => list.map((u) => (u.id === user.id ? user : u))

/** Validation messages shown next to the form; the API answers with the same texts. */
export function validateUserChanges(changes: DemoActions['updateSelectedUser']): string | undefined {
  if (changes.name === undefined && changes.email === undefined) return 'Nothing to update'
  if (changes.name !== undefined && changes.name.trim() === '') return 'Name cannot be empty'
  if (changes.email !== undefined && !changes.email.includes('@')) return 'Email must contain @'
  return undefined
}

export function setupMasterDetail(register: ActionRegister<DemoActions>, api: DemoApi, cache: Cache<string, User>, now: () => number): MasterDetailStores {
  const users = createStore<User[]>([], { name: 'users' })
  const selectedUser = createStore<User | null>(null, { name: 'selectedUser' })

  register.setActionConcurrency('loadUsers', 'takeLatest')
  register.register(
    'loadUsers',
    async (_, controller) => {
      try {
        const list = await api.getUsers({ signal: controller.signal })
        const selected = selectedUser.getValue()
        transaction([users, selectedUser], (users, detail) => {
          users.setValue(list)
          if (selected !== null) detail.setValue(list.find((u) => u.id === selected.id) ?? null)
        })
      } catch (error) {
        if (!controller.signal.aborted) controller.abort(`Could not load users: ${messageOf(error)}`)
      }
    },
    { id: 'fetchUsers' },
  )

  register.register(
    'selectUser',
    ({ userId }, controller) => {
      const user = users.getValue().find((u) => u.id === userId)
      if (user === undefined) return controller.abort('User not found')
      selectedUser.setValue(user)
    },
    { id: 'selectUser' },
  )

  register.register(
    'updateSelectedUser',
    (changes, controller) => {
      if (selectedUser.getValue() === null) return controller.abort('No user selected')
      const problem = validateUserChanges(changes)
      if (problem !== undefined) controller.abort(problem)
    },
    { id: 'validateUser', priority: 100 },
  )

  register.register(
    'updateSelectedUser',
    async (payload, controller) => {
      const current = selectedUser.getValue()!
      const changes: DemoActions['updateSelectedUser'] = {}
      if (payload.name !== undefined) changes.name = payload.name.trim()
      if (payload.email !== undefined) changes.email = payload.email.trim()
      const optimistic: User = { ...current, ...changes, updatedAt: now() }
      try {
        // List, detail and cache change together and roll back together if the API refuses.
        const saved = await transaction([users, selectedUser, cache.entries], async (users, detail, _cacheEntries) => {
          users.update(replace(optimistic))
          detail.setValue(optimistic)
          cache.set(optimistic.id, optimistic)
          return api.updateUser(current.id, changes, { signal: controller.signal })
        })
        transaction([users, selectedUser], (users, detail) => {
          users.update(replace(saved))
          detail.update((d) => (d?.id === saved.id ? saved : d))
        })
        cache.set(saved.id, saved)
      } catch (error) {
        if (!isAbort(error)) controller.abort(`Could not save: ${messageOf(error)}`)
      }
    },
    { id: 'saveUser' },
  )

  return { users, selectedUser }
}
