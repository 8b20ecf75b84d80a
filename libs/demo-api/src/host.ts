const LOOPBACK_IPV4 = /^127(\.\d{1,3}){3}$/

function hostname(header: string): string {
  const lower = header.trim().toLowerCase()
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1)
  return lower.replace(/:\d*$/, '')
}

/**
 * Whether a `Host` header names this machine (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`, any port) or `boundHost`,
 * the address the server listens on. Anything else may be a DNS-rebinding page reaching the server through a name it controls.
 */
export function isAllowedHost(header: string | undefined, boundHost: string): boolean {
  if (header === undefined || header.trim() === '') return false
  const name = hostname(header)
  if (name === 'localhost' || name.endsWith('.localhost') || LOOPBACK_IPV4.test(name) || name === '[::1]') return true
  const bound = boundHost.toLowerCase()
  return name === (bound.includes(':') ? `[${bound}]` : bound)
}
