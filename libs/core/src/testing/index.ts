export { createTestRegister, spyFactory, type CreateSpy, type TestActions, type TestActionsOptions } from './recording-register'
