import { createComputedStore, createStore, shallowEqual, transaction, type ActionRegister, type Cache, type ComputedStore, type Store } from '@context-action/core'
import type { DemoActions } from './demo-actions'
import { isAbort, messageOf } from './errors'
import type { DemoApi, User } from './types'

export interface MasterDetailStores {
  /** The user list (master). */
  users: Store<User[]>
  /** The user being edited (detail), a copy kept in step with the list. */
  selectedUser: Store<User | null>
  /** The last save the API refused, kept so the user can retry it without retyping; cleared by a save or another selection. */
  failedSave: Store<FailedSave | null>
  /** What the detail form shows: the selected user, with a refused save's edit laid over it; `null` when none is selected. */
  detailForm: ComputedStore<UserForm | null>
}

export interface UserForm {
  name: string
  email: string
}

export interface FailedSave {
  userId: string
  changes: { name?: string; email?: string }
  reason: string
}

const replace = (user: User) => (list: User[]) => list.map((u) => (u.id === user.id ? user : u))

/** Validation messages shown next to the form; the API answers with the same texts. */
export function validateUserChanges(changes: DemoActions['updateSelectedUser']): string | undefined {
  if (changes.name === undefined && changes.email === undefined) return 'Nothing to update'
  if (changes.name !== undefined && changes.name.trim() === '') return 'Name cannot be empty'
  if (changes.email !== undefined && !changes.email.includes('@')) return 'Email must contain @'
  return undefined
}

export function setupMasterDetail(
  register: ActionRegister<DemoActions>,
  api: DemoApi,
  cache: Cache<string, User>,
  now: () => number,
  given: { users?: Store<User[]>; selectedUser?: Store<User | null> } = {},
): MasterDetailStores {
  const users = given.users ?? createStore<User[]>([], { name: 'users' })
  const selectedUser = given.selectedUser ?? createStore<User | null>(null, { name: 'selectedUser' })
  const failedSave = createStore<FailedSave | null>(null, { name: 'failedSave' })
  const detailForm = createComputedStore(
    [selectedUser, failedSave],
    (user, failed): UserForm | null => {
      if (user === null) return null
      const kept = failed?.userId === user.id ? failed.changes : {}
      return { name: kept.name ?? user.name, email: kept.email ?? user.email }
    },
    { name: 'detailForm', equals: shallowEqual },
  )

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
      // A refused edit is kept for its own user only.
      if (failedSave.getValue()?.userId !== userId) failedSave.setValue(null)
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
      if (failedSave.getValue()?.userId === current.id) failedSave.setValue(null)
      try {
        // List, detail and cache change together and roll back together if the API refuses (the cache is written
        // through `cache.set` in the synchronous part, which the transaction attributes to itself).
        const saved = await transaction([users, selectedUser, cache.entries], async (users, detail) => {
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
        if (isAbort(error)) return
        const reason = `Could not save: ${messageOf(error)}`
        // The stores rolled back; the edit is kept so the form can show it again and the user can retry.
        failedSave.setValue({ userId: current.id, changes, reason })
        controller.abort(reason)
      }
    },
    { id: 'saveUser' },
  )

  return { users, selectedUser, failedSave, detailForm }
}
