export { compensate, CompensationError, type CompensationStep } from './compensate'
export { transaction, type TransactionOptions } from './transaction'
