export { createStoreManager, validateStoreDefinitions, type StoreDefinition, type StoreDefinitions, type StoreManager, type StoreState } from './store-manager'
