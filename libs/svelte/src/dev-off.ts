// A production build (see dev.ts): coded error messages, and no development checks.
export const isDev = false

/** Empty: a minifier drops its calls, and the development check they stand for is not bundled. */
export function checkProviderProps(_props: () => [context: unknown, state: unknown, register: unknown]): void {}
