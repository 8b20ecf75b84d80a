import type { Registration } from './handler-registration'

const live = (items: Registration[]): Registration[] => items.filter((r) => r.active)

/**
 * The handlers of one action. Adding and removing are amortised O(1): new handlers are appended and removed ones only
 * marked; the dispatch order (priority, then registration) is made when a dispatch asks for it after a change.
 */
export class HandlerList {
  /** In dispatch order up to the handlers appended since; may still hold removed ones. */
  // Stryker disable next-line ArrayDeclaration: `live` drops anything that is not an active registration before the items are read
  private items: Registration[] = []
  /** The dispatch order handed out, never changed afterwards (running dispatches hold it); null after a change. */
  private order: readonly Registration[] | null = null
  size = 0
  /** The handlers whose id their user chose, by id: registering that id again replaces them. */
  readonly chosen = new Map<string, Registration>()

  add(registration: Registration, chosen: boolean): void {
    this.items.push(registration)
    if (chosen) this.chosen.set(registration.id, registration)
    this.order = null
    this.size++
  }

  /** `registration` is inactive already. */
  delete(registration: Registration): void {
    if (this.chosen.get(registration.id) === registration) this.chosen.delete(registration.id)
    this.order = null
    // Compacted once removed handlers outnumber live ones, so the array stays within twice the live count.
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: when to compact is about memory and speed: `snapshot` skips removed handlers whatever the array holds, and the array stays bounded either way
    if (this.items.length > 2 * --this.size) this.items = live(this.items)
  }

  snapshot(): readonly Registration[] {
    // Stryker disable next-line ConditionalExpression: sorting again gives an equal order (a stable sort of a sorted array); the cached one only saves the sort
    if (this.order === null) {
      // A stable sort of a sorted run followed by the few handlers added since: close to linear.
      this.items = live(this.items).sort((a, b) => b.priority - a.priority)
      this.order = this.items.slice()
    }
    return this.order
  }
}
