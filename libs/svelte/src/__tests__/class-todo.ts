/** A store value that is a class instance: the core cannot copy it, so Svelte's field writes reach listeners as the same object. */
export class Todo {
  title = 'a'
}
