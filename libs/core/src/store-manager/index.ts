export { createStoreManager, validateStoreDefinitions, type StoreDefinition, type StoreDefinitions, type StoreManager } from './store-manager'
