export { createTestRecorder, createTestRegister, spyFactory, type CreateSpy, type RecordedDispatch, type TestActions, type TestActionsOptions } from './recording-register'
