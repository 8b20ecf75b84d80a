/** An amount rounded to cents, the precision prices, totals and payments are stored with. */
export const toCents = (amount: number): number => Math.round(amount * 100) / 100
