import { describe, expect, it } from 'vitest'
import { ActionStatusBook, type DispatchEnding, type StatusEntry } from './action-status'
import type { ActionStatus } from './action-types'

const completed: DispatchEnding = { failed: false, error: undefined, aborted: false, abortReason: undefined }
const failed = (error: unknown): DispatchEnding => ({ failed: true, error, aborted: false, abortReason: undefined })
const aborted = (abortReason: string | undefined): DispatchEnding => ({ failed: false, error: undefined, aborted: true, abortReason })

const idle: ActionStatus = { running: 0, pending: false, lastError: undefined, lastAbortReason: undefined }

/** `begin` and `end` by action name, paired as the dispatcher pairs them (`end` takes what `begin` returned). */
function runs(book: ActionStatusBook) {
  const entries = new Map<string, StatusEntry>()
  return {
    begin: (action: string) => void entries.set(action, book.begin(action)),
    end: (action: string, ending: DispatchEnding, superseded?: boolean) => book.end(entries.get(action)!, ending, superseded),
  }
}

/** Every value the status store of `action` shows: the current one, then one per change. */
function watch(book: ActionStatusBook, action: string): ActionStatus[] {
  const seen: ActionStatus[] = []
  book.get(action).subscribe((value) => seen.push(value))
  return seen
}

describe('ActionStatusBook', () => {
  it('creates the status store on first request and hands out the same store afterwards', () => {
    const book = new ActionStatusBook('app')
    const first = book.get('save')
    expect([first === book.get('save'), first === book.get('load'), first.name, book.get('load').name, first.getValue()]).toEqual([
      true,
      false,
      'app.status.save',
      'app.status.load',
      idle,
    ])
  })

  it('offers only the read side of the store', () => {
    const status = new ActionStatusBook('app').get('save') as unknown as Record<string, unknown>
    expect(['setValue', 'set', 'update'].map((key) => typeof status[key])).toEqual(['undefined', 'undefined', 'undefined'])
  })

  it('shows a dispatch running, then idle again after it completes', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const seen = watch(book, 'save')
    run.begin('save')
    run.end('save', completed)
    expect(seen).toEqual([idle, { ...idle, running: 1, pending: true }, idle])
  })

  it('keeps the error of a failed dispatch until a later dispatch succeeds', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const seen = watch(book, 'save')
    const boom = new Error('boom')
    run.begin('save')
    run.end('save', failed(boom))
    run.begin('save')
    run.end('save', completed)
    expect(seen).toEqual([
      idle,
      { ...idle, running: 1, pending: true },
      { ...idle, lastError: boom },
      { ...idle, running: 1, pending: true, lastError: boom },
      idle,
    ])
  })

  it('shows a failure whose handler threw undefined or null as an Error, never as a missing error', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const seen = watch(book, 'save')
    for (const thrown of [undefined, null]) {
      run.begin('save')
      run.end('save', failed(thrown))
    }
    const errors = [seen[2].lastError, seen[4].lastError] as Error[]
    expect(errors.map((e) => [e instanceof Error, e.message, e.cause])).toEqual([
      [true, 'a handler threw undefined', undefined],
      [true, 'a handler threw null', null],
    ])
  })

  it('keeps the abort reason of an aborted dispatch until a later dispatch succeeds', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const seen = watch(book, 'save')
    run.begin('save')
    run.end('save', aborted('user left'))
    run.begin('save')
    run.end('save', completed)
    expect(seen).toEqual([
      idle,
      { ...idle, running: 1, pending: true },
      { ...idle, lastAbortReason: 'user left' },
      { ...idle, running: 1, pending: true, lastAbortReason: 'user left' },
      idle,
    ])
  })

  it('keeps the last error through an abort, and the last abort reason through a failure', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const seen = watch(book, 'save')
    const boom = new Error('boom')
    for (const ending of [failed(boom), aborted('stop'), failed('again')]) {
      run.begin('save')
      run.end('save', ending)
    }
    expect(seen.filter((s) => s.running === 0)).toEqual([
      idle,
      { ...idle, lastError: boom },
      { ...idle, lastError: boom, lastAbortReason: 'stop' },
      { ...idle, lastError: 'again', lastAbortReason: 'stop' },
    ])
  })

  it('counts concurrent dispatches and stays pending until the last one ends', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const seen = watch(book, 'save')
    const boom = new Error('boom')
    run.begin('save')
    run.begin('save')
    run.begin('save')
    run.end('save', failed(boom))
    run.end('save', completed)
    run.end('save', aborted('late'))
    expect(seen).toEqual([
      idle,
      { ...idle, running: 1, pending: true },
      { ...idle, running: 2, pending: true },
      { ...idle, running: 3, pending: true },
      { ...idle, running: 2, pending: true, lastError: boom },
      { ...idle, running: 1, pending: true },
      { ...idle, lastAbortReason: 'late' },
    ])
  })

  it('starts a store created while dispatches run with their running count', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    run.begin('save')
    run.begin('save')
    const seen = watch(book, 'save')
    run.end('save', completed)
    run.end('save', completed)
    expect(seen).toEqual([{ ...idle, running: 2, pending: true }, { ...idle, running: 1, pending: true }, idle])
  })

  it('counts running dispatches per action', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    run.begin('save')
    run.begin('load')
    run.begin('load')
    run.end('save', completed)
    expect([book.get('save').getValue(), book.get('load').getValue(), book.get('other').getValue()]).toEqual([
      idle,
      { ...idle, running: 2, pending: true },
      idle,
    ])
  })

  it('forgets the count once an action is idle, so a later store starts idle', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    run.begin('save')
    run.end('save', failed(new Error('not kept without a store')))
    expect(book.get('save').getValue()).toEqual(idle)
  })

  it('forgets an idle action only: forget says whether it was idle, and a running count stays', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    expect(book.forget('never dispatched')).toBe(true)
    run.begin('save')
    expect(book.forget('save')).toBe(false)
    expect(book.get('save').getValue()).toEqual({ ...idle, running: 1, pending: true })
    run.end('save', completed)
    expect(book.forget('save')).toBe(true)
  })

  it('keeps the store someone holds when the action is forgotten: the same store, still told', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const status = book.get('save')
    expect(book.forget('save')).toBe(true)
    expect(book.get('save')).toBe(status)
    run.begin('save')
    expect(status.getValue()).toEqual({ ...idle, running: 1, pending: true })
  })

  it('tells listen() listeners about every begin and end, without the current value first', () => {
    const book = new ActionStatusBook('app')
    const run = runs(book)
    const changes: ActionStatus[] = []
    book.get('save').listen((value) => changes.push(value))
    run.begin('save')
    run.end('save', completed)
    run.begin('save')
    run.end('save', completed)
    expect(changes).toEqual([{ ...idle, running: 1, pending: true }, idle, { ...idle, running: 1, pending: true }, idle])
  })
})
