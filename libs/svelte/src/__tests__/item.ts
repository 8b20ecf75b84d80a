export interface Item {
  id: number
  label: string
}
