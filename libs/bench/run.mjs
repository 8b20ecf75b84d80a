// `npm run bench`: the core stores against peers and a hand-written floor, in one process, as ratios.
// Builds the core first (esbuild bundle of libs/core/src/index.ts, minified: the bytes `tools/size.mjs` counts),
// checks every count, then times every case in several rounds and reports the median ratio to the floor.
// Options: --rounds N (default 5), --time MS per measurement (default 150), --json FILE, --markdown FILE,
// --core ENTRY (another core entry to bundle, for A/B runs of a change), --only id,id (cases), --no-peers.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { measure } from 'mitata'
import { cases as allCases, countErrors, countRuns } from './src/cases.mjs'
import { measureMemory, subscribers, SUBSCRIPTIONS } from './src/memory.mjs'
import { measureRegistration, REGISTRATIONS } from './src/registration.mjs'

// Production builds of the peers (Vue reads this when its entry is first imported).
process.env.NODE_ENV = 'production'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? fallback : process.argv[i + 1]
}
const ROUNDS = Number(arg('rounds', 5))
const TIME_MS = Number(arg('time', 150))
const PEERS = process.argv.includes('--no-peers') ? [] : ['nanostores', 'tanstack', 'svelte/store', '@vue/reactivity']
// What a promise-returning API costs at least, shown beside the dispatch cases' synchronous floor (issue 16).
const BASELINES = ['loop returning a resolved promise', 'async/await loop']
const IMPLS = ['floor', 'ours', ...BASELINES, ...PEERS]
const only = arg('only', null)?.split(',') ?? null
const cases = allCases
  .filter((c) => only === null || only.includes(c.id) || only.includes(c.of))
  .map((c) => ({ ...c, impls: Object.fromEntries(Object.entries(c.impls).filter(([impl]) => IMPLS.includes(impl))) }))
const MEMORY_BYTES = 190
const DISPOSE_MS = 100

mkdirSync(here('dist'), { recursive: true })
await build({
  entryPoints: [arg('core', here('../core/src/index.ts'))],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outfile: here('dist/core.min.js'),
  logLevel: 'warning',
})

const libs = {
  core: await import('./dist/core.min.js'),
  nanostores: await import('nanostores'),
  tanstack: await import('@tanstack/store'),
  svelteStore: await import('svelte/store'),
  vue: await import('@vue/reactivity'),
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const shuffle = (xs) => {
  const a = xs.slice()
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

// ---- counts: a wrong count for `ours` fails the run; the peers' counts are reported.
const failures = []
const counts = {}
for (const kase of cases) {
  counts[kase.id] = {}
  for (const impl of IMPLS) {
    const make = kase.impls[impl]
    if (make === undefined) continue
    counts[kase.id][impl] = await countRuns(make(libs))
  }
  failures.push(...countErrors(kase, counts[kase.id].ours))
}
if (failures.length > 0) {
  console.error(`bench: wrong counts\n  ${failures.join('\n  ')}`)
  process.exit(1)
}

// ---- timing: every round measures every implementation of every case, in a shuffled order.
const load = [loadavg()[0]]
const times = {} // times[case][impl] = [p50 per round]
const setups = {}
for (const kase of cases) {
  times[kase.id] = {}
  setups[kase.id] = {}
  for (const impl of Object.keys(kase.impls)) {
    times[kase.id][impl] = []
    setups[kase.id][impl] = kase.impls[impl](libs)
  }
}
for (let round = 0; round < ROUNDS; round++) {
  for (const kase of shuffle(cases)) {
    for (const impl of shuffle(Object.keys(kase.impls))) {
      const { run } = setups[kase.id][impl]
      const stats = await measure(run, { min_cpu_time: TIME_MS * 1e6 })
      times[kase.id][impl].push(stats.p50)
    }
  }
  load.push(loadavg()[0])
  process.stderr.write(`bench: round ${round + 1}/${ROUNDS} done\n`)
}

// Counts again after timing: state carried across hundreds of thousands of runs must not change them.
for (const kase of cases) failures.push(...countErrors(kase, await countRuns(setups[kase.id].ours)).map((e) => `after timing: ${e}`))

const results = cases.map((kase) => {
  const t = times[kase.id]
  const base = kase.of === undefined ? t.floor : (times[kase.of]?.ours ?? t.floor)
  const ratios = {}
  for (const impl of Object.keys(t)) ratios[impl] = median(t[impl].map((x, r) => x / t.floor[r]))
  const ratio = median(t.ours.map((x, r) => x / base[r]))
  return {
    id: kase.id,
    title: kase.title,
    target: kase.target,
    of: kase.of ?? 'floor',
    ratio,
    ratios,
    floorNs: median(t.floor),
    oursNs: median(t.ours),
    spread: [Math.min(...t.ours.map((x, r) => x / base[r])), Math.max(...t.ours.map((x, r) => x / base[r]))],
    counts: counts[kase.id],
    met: kase.target === null ? null : ratio <= kase.target,
  }
})

// ---- memory
const memory = {}
for (const impl of (only === null ? IMPLS : ['ours']).filter((name) => subscribers[name] !== undefined)) memory[impl] = measureMemory(subscribers[impl], libs)
const mem = memory.ours
if (mem.left !== 0) failures.push(`memory: ${mem.left} listeners left after disposing all ${SUBSCRIPTIONS}`)
const memoryMet = !mem.quadratic && mem.bytes <= MEMORY_BYTES && Math.max(mem.forward, mem.reverse, mem.random) < DISPOSE_MS

// ---- registration: 100,000 handlers registered and unregistered (also alone with `--only register`)
const registration = only === null || only.includes('register') ? measureRegistration(libs.core) : null

// ---- report
const fmt = (x) => (x === undefined ? '–' : x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`)
const fmtCounts = (c) =>
  c === undefined
    ? '–'
    : Object.entries(c)
        .filter(([k, v]) => v !== 0 || k === 'torn' || k === 'glitches')
        .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(2)}`)
        .join(', ')
const machine = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
  nproc: execFileSync('nproc').toString().trim(),
  load: `${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
  rounds: ROUNDS,
  timeMs: TIME_MS,
}
const lines = []
lines.push(`Run: ${machine.date} UTC, Node ${machine.node}, nproc ${machine.nproc} (${machine.cpus}), load average ${machine.load} during the run, ${ROUNDS} rounds × ≥${TIME_MS} ms per measurement.`)
lines.push('')
lines.push(`| case | target | ours | [min, max] over rounds | ${PEERS.join(' | ')} | floor per op | counts per op (ours) | |`)
lines.push(`| --- | --- | --- | --- | ${PEERS.map(() => '---').join(' | ')} | --- | --- | --- |`)
for (const r of results) {
  const target = r.target === null ? 'report' : `≤ ${r.target}×${r.of === 'floor' ? '' : ` ${r.of}`}`
  const peers = PEERS.map((p) => (r.of === 'floor' ? fmt(r.ratios[p]) : '–'))
  const verdict = r.met === null ? '' : r.met ? 'met' : '**missed**'
  lines.push(
    `| ${r.title} | ${target} | **${fmt(r.ratio)}** | ${fmt(r.spread[0])}, ${fmt(r.spread[1])} | ${peers.join(' | ')} | ${r.floorNs.toFixed(0)} ns | ${fmtCounts(r.counts.ours)} | ${verdict} |`,
  )
}
const baselined = results.filter((r) => BASELINES.some((b) => r.ratios[b] !== undefined))
if (baselined.length > 0) {
  lines.push('')
  lines.push('The dispatch cases against other loops over the same handlers (ratios to the synchronous floor):')
  lines.push('')
  lines.push(`| case | ours | ${BASELINES.join(' | ')} |`)
  lines.push(`| --- | --- | ${BASELINES.map(() => '---').join(' | ')} |`)
  for (const r of baselined) lines.push(`| ${r.title} | ${fmt(r.ratios.ours)} | ${BASELINES.map((b) => fmt(r.ratios[b])).join(' | ')} |`)
}
lines.push('')
lines.push(`Peers' counts per op (ours must match \`expect\`; the peers are shown, not judged):`)
lines.push('')
lines.push(`| case | floor | ${PEERS.join(' | ')} |`)
lines.push(`| --- | --- | ${PEERS.map(() => '---').join(' | ')} |`)
for (const r of results) {
  if (r.counts.nanostores === undefined) continue
  lines.push(`| ${r.title} | ${fmtCounts(r.counts.floor)} | ${PEERS.map((p) => fmtCounts(r.counts[p])).join(' | ')} |`)
}
lines.push('')
lines.push(`Memory, ${SUBSCRIPTIONS.toLocaleString('en')} subscriptions on one store (a distinct listener each; target ≤ ${MEMORY_BYTES} bytes each, disposal < ${DISPOSE_MS} ms in any order):`)
lines.push('')
lines.push('| | bytes per subscription | dispose forward | reverse | random order | |')
lines.push('| --- | --- | --- | --- | --- | --- |')
for (const impl of Object.keys(memory)) {
  const m = memory[impl]
  const verdict = impl === 'ours' ? (memoryMet ? 'met' : '**missed**') : ''
  const ms = (x) => (x === undefined ? 'not run (quadratic)' : `${x.toFixed(1)} ms`)
  lines.push(`| ${impl} | ${m.bytes.toFixed(0)} | ${ms(m.forward)} | ${ms(m.reverse)} | ${ms(m.random)} | ${verdict} |`)
}
if (registration !== null) {
  const [reg, unreg] = registration.ours
  lines.push('')
  lines.push(`Registration, ${REGISTRATIONS.toLocaleString('en')} handlers on one action (10 priorities), then unregistered in a shuffled order (median of 3):`)
  lines.push('')
  lines.push('| | register all | unregister all | total | ratio |')
  lines.push('| --- | --- | --- | --- | --- |')
  lines.push(`| ours | ${reg.toFixed(0)} ms | ${unreg.toFixed(0)} ms | ${(reg + unreg).toFixed(0)} ms | **${fmt(registration.ratio)}** |`)
  const [freg, funreg] = registration.floor
  lines.push(`| sorted array (binary search + splice) | ${freg.toFixed(0)} ms | ${funreg.toFixed(0)} ms | ${(freg + funreg).toFixed(0)} ms | 1× |`)
}
const markdown = lines.join('\n')
console.log(markdown)

const json = arg('json', here('dist/bench-results.json'))
writeFileSync(json, JSON.stringify({ machine, results, memory, registration, failures }, null, 2))
const md = arg('markdown', null)
if (md !== null) writeFileSync(md, markdown + '\n')

if (failures.length > 0) {
  console.error(`bench: wrong counts\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
