// Writes docs/comparison.md: the same screen in Vue and in Svelte, lines of view code per screen, bundle sizes of the
// built apps, and how each framework's views consume the same stores. Every number and every code excerpt is read
// from the files; only the short explanations are fixed text. Run after building the apps:
//   npx nx run-many -t build -p vue-demo svelte-demo side-by-side && node tools/comparison.mjs
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = new URL('..', import.meta.url).pathname
const out = join(root, 'docs', 'comparison.md')
const apps = {
  Vue: { dir: 'apps/vue-demo', ext: '.vue', lang: 'vue' },
  Svelte: { dir: 'apps/svelte-demo', ext: '.svelte', lang: 'svelte' },
}
const viewDirs = ['src/screens', 'src/components']
const SCREEN_FOR_CODE = 'MasterDetail'
const RUNES = new Set(['$state', '$derived', '$effect', '$props', '$bindable', '$inspect', '$host'])

const read = (path) => readFileSync(join(root, path), 'utf8')
const nonBlank = (text) => text.split('\n').filter((line) => line.trim() !== '').length
const version = (pkg) => JSON.parse(read(`node_modules/${pkg}/package.json`)).version
const kb = (bytes) => (bytes / 1024).toFixed(1)

/** The view files of an app: `src/screens/*` and `src/components/*`, by base name. */
function viewFiles(app) {
  const files = new Map()
  for (const dir of viewDirs) {
    const full = join(root, app.dir, dir)
    if (!existsSync(full)) continue
    for (const name of readdirSync(full).sort()) {
      if (extname(name) === app.ext) files.set(basename(name, app.ext), `${app.dir}/${dir}/${name}`)
    }
  }
  return files
}

/** A single-file component cut into its `<script>`, `<style>` and markup (for .vue, the `<template>`). */
function sections(source) {
  const take = (tag) => {
    const parts = []
    const rest = source.replace(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'), (_, __, body) => {
      parts.push(body)
      return ''
    })
    return { body: parts.join('\n'), rest }
  }
  const script = take('script')
  const style = take('style')
  const markup = take('style').rest.replace(/<script(\s[^>]*)?>[\s\S]*?<\/script>/g, '')
  return { script: script.body, style: style.body, markup: markup.replace(/<\/?template(\s[^>]*)?>/g, '') }
}

const count = (text, regex) => (text.match(regex) ?? []).length
const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1').replace(/<!--[\s\S]*?-->/g, '')

/** How one view file reads stores and dispatches, counted from its source. */
function consumption(framework, source) {
  const { script, markup } = sections(source)
  const code = stripComments(script)
  const view = stripComments(markup)
  const all = `${code}\n${view}`
  const common = {
    dispatchSites: count(all, /\bdispatch\(/g),
    statuses: count(code, /\buseActionStatus\(/g),
  }
  if (framework === 'Vue') {
    return {
      ...common,
      subscriptions: count(code, /\buse(StoreValue|ComputedStore|Store)\(/g),
      valueReads: count(code, /\.value\b/g),
      watchers: count(code, /\b(watch|watchEffect)\(/g),
      localRefs: count(code, /\b(ref|shallowRef|computed)\(/g),
    }
  }
  const storeRefs = [...all.matchAll(/(?<![\w$])\$([A-Za-z_]\w*)/g)].map((m) => `$${m[1]}`).filter((name) => !RUNES.has(name))
  return {
    ...common,
    subscriptions: new Set(storeRefs).size,
    storeReads: storeRefs.length,
    selects: count(code, /\bselect\(/g),
    runes: count(code, /\$(state|derived|effect)\b/g),
  }
}

/** The lines of a component's script that obtain stores, statuses or dispatch from the domain. */
function domainLines(framework, source) {
  const { script } = sections(source)
  const pattern =
    framework === 'Vue'
      ? /\b(useDemo|useStoreValue|useComputedStore|useStore|useActionStatus|useActionDispatch)\(/
      : /\b(useDemo|useStoreValue|useActionStatus|useActionDispatch|select)\(|(?<![\w$])\$(?!state\b|derived\b|effect\b|props\b)[A-Za-z_]\w*|\$derived\(/
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//') && !line.startsWith('import ') && pattern.test(line))
}

function bundle(appDir) {
  const assets = join(root, appDir, 'dist', 'assets')
  if (!existsSync(assets)) {
    throw new Error(`comparison: ${appDir}/dist/assets is missing; build first: npx nx run-many -t build -p vue-demo svelte-demo side-by-side`)
  }
  const totals = { js: { raw: 0, gzip: 0, files: 0 }, css: { raw: 0, gzip: 0, files: 0 } }
  for (const name of readdirSync(assets)) {
    const kind = extname(name).slice(1)
    if (!(kind in totals)) continue
    const bytes = readFileSync(join(assets, name))
    totals[kind].raw += statSync(join(assets, name)).size
    totals[kind].gzip += gzipSync(bytes, { level: 9 }).length
    totals[kind].files += 1
  }
  return totals
}

// ---- measure --------------------------------------------------------------------------------------------------------

const files = Object.fromEntries(Object.entries(apps).map(([fw, app]) => [fw, viewFiles(app)]))
const names = [...new Set([...files.Vue.keys(), ...files.Svelte.keys()])].sort((a, b) => {
  const order = ['MasterDetail', 'CacheSync', 'Checkout', 'ActionLog', 'ApiSwitches']
  return (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b)
})
for (const fw of Object.keys(apps)) {
  if (!files[fw].has(SCREEN_FOR_CODE)) throw new Error(`comparison: ${apps[fw].dir} has no ${SCREEN_FOR_CODE}${apps[fw].ext}`)
}

const lines = names.map((name) => {
  const row = { name }
  for (const fw of Object.keys(apps)) {
    const path = files[fw].get(name)
    if (path === undefined) {
      row[fw] = null
      continue
    }
    const source = read(path)
    const s = sections(source)
    row[fw] = { path, total: nonBlank(source), script: nonBlank(s.script), markup: nonBlank(s.markup), style: nonBlank(s.style), use: consumption(fw, source) }
  }
  return row
})
const sum = (fw, key) => lines.reduce((n, row) => n + (row[fw]?.[key] ?? 0), 0)
const sumUse = (fw, key) => lines.reduce((n, row) => n + (row[fw]?.use[key] ?? 0), 0)

const bundles = [
  ['vue-demo', 'apps/vue-demo'],
  ['svelte-demo', 'apps/svelte-demo'],
  ['side-by-side', 'apps/side-by-side'],
].map(([name, dir]) => ({ name, ...bundle(dir) }))

// ---- write ----------------------------------------------------------------------------------------------------------

const fence = (lang, code) => `\`\`\`${lang}\n${code.replace(/\n+$/, '')}\n\`\`\``
const cell = (v) => (v === null || v === undefined ? '–' : String(v))
const code = (fw) => read(files[fw].get(SCREEN_FOR_CODE))

const md = []
md.push('# Vue and Svelte over the same domain: a measured comparison')
md.push('')
md.push('<!-- Generated by tools/comparison.mjs; do not edit by hand. Regenerate after building the apps:')
md.push('     npx nx run-many -t build -p vue-demo svelte-demo side-by-side && node tools/comparison.mjs -->')
md.push('')
md.push(
  `Both apps render the same four screens over one framework-free domain (\`@context-action/demo-domain\`): the stores, ` +
    `the \`ActionRegister\` and its handlers are identical, only the views differ. Measured with vue ${version('vue')}, ` +
    `svelte ${version('svelte')}, vite ${version('vite')}.`,
)
md.push('')
md.push('## The same screen, side by side')
md.push('')
md.push(`\`${files.Vue.get(SCREEN_FOR_CODE)}\` and \`${files.Svelte.get(SCREEN_FOR_CODE)}\`, complete:`)
md.push('')
md.push('<table>')
md.push('<tr><th>Vue</th><th>Svelte</th></tr>')
md.push('<tr>')
md.push('<td valign="top">')
md.push('')
md.push(fence('vue', code('Vue')))
md.push('')
md.push('</td>')
md.push('<td valign="top">')
md.push('')
md.push(fence('svelte', code('Svelte')))
md.push('')
md.push('</td>')
md.push('</tr>')
md.push('</table>')
md.push('')
md.push('## Lines of view code')
md.push('')
md.push('Non-blank lines of each file in `src/screens/` and `src/components/` (script / markup / style).')
md.push('')
md.push('| file | Vue | Svelte | Svelte − Vue |')
md.push('| --- | ---: | ---: | ---: |')
for (const row of lines) {
  const show = (r) => (r === null ? '–' : `${r.total} (${r.script} / ${r.markup} / ${r.style})`)
  const diff = row.Vue && row.Svelte ? row.Svelte.total - row.Vue.total : null
  md.push(`| ${row.name} | ${show(row.Vue)} | ${show(row.Svelte)} | ${diff === null ? '–' : (diff > 0 ? '+' : '') + diff} |`)
}
const tv = sum('Vue', 'total')
const ts = sum('Svelte', 'total')
md.push(
  `| **total** | **${tv}** (${sum('Vue', 'script')} / ${sum('Vue', 'markup')} / ${sum('Vue', 'style')}) | **${ts}** (${sum('Svelte', 'script')} / ${sum('Svelte', 'markup')} / ${sum('Svelte', 'style')}) | ${ts - tv > 0 ? '+' : ''}${ts - tv} |`,
)
md.push('')
md.push('## Bundle size')
md.push('')
md.push('The built apps (`vite build`), every file in `dist/assets`; gzip at level 9. Each bundle also contains the shared core, domain and API client.')
md.push('')
md.push('| app | JS | JS gzip | CSS | CSS gzip | total gzip |')
md.push('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const b of bundles) {
  md.push(`| ${b.name} | ${kb(b.js.raw)} kB | ${kb(b.js.gzip)} kB | ${kb(b.css.raw)} kB | ${kb(b.css.gzip)} kB | **${kb(b.js.gzip + b.css.gzip)} kB** |`)
}
md.push('')
md.push('## How each framework consumes the same store')
md.push('')
md.push('Counted in the same view files (comments excluded):')
md.push('')
md.push('| file | Vue: `useStoreValue`/`useComputedStore` | Vue: `.value` in script | Vue: `watch` | Svelte: distinct `$store`s | Svelte: `$store` reads | Svelte: `select` | `useActionStatus` (Vue / Svelte) | `dispatch(` sites (Vue / Svelte) |')
md.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of lines) {
  const v = row.Vue?.use
  const s = row.Svelte?.use
  md.push(
    `| ${row.name} | ${cell(v?.subscriptions)} | ${cell(v?.valueReads)} | ${cell(v?.watchers)} | ${cell(s?.subscriptions)} | ${cell(s?.storeReads)} | ${cell(s?.selects)} | ${cell(v?.statuses)} / ${cell(s?.statuses)} | ${cell(v?.dispatchSites)} / ${cell(s?.dispatchSites)} |`,
  )
}
md.push(
  `| **total** | **${sumUse('Vue', 'subscriptions')}** | **${sumUse('Vue', 'valueReads')}** | **${sumUse('Vue', 'watchers')}** | **${sumUse('Svelte', 'subscriptions')}** | **${sumUse('Svelte', 'storeReads')}** | **${sumUse('Svelte', 'selects')}** | **${sumUse('Vue', 'statuses')} / ${sumUse('Svelte', 'statuses')}** | **${sumUse('Vue', 'dispatchSites')} / ${sumUse('Svelte', 'dispatchSites')}** |`,
)
md.push('')
md.push(`What \`${SCREEN_FOR_CODE}\` does to reach the domain (the script lines that take stores, statuses or \`dispatch\`):`)
md.push('')
md.push('<table>')
md.push('<tr><th>Vue</th><th>Svelte</th></tr>')
md.push('<tr>')
for (const [fw, lang] of [
  ['Vue', 'ts'],
  ['Svelte', 'ts'],
]) {
  md.push('<td valign="top">')
  md.push('')
  md.push(fence(lang, domainLines(fw, code(fw)).join('\n')))
  md.push('')
  md.push('</td>')
}
md.push('</tr>')
md.push('</table>')
md.push('')
md.push('What differs, and why:')
md.push('')
md.push(
  '- **Subscribing.** A core store already has Svelte\'s store contract (`subscribe` calls back now and on every change), so a Svelte view reads `$users` with no adapter call: the compiler subscribes and unsubscribes. A Vue view turns each store it reads into a read-only ref with `useStoreValue(store)` (or `useComputedStore`), which subscribes for the component\'s lifetime.',
)
md.push('- **Reading.** Vue templates unwrap refs (`users`, `saving.pending`); Vue scripts read `.value`. Svelte uses the same `$name` in script and markup.')
md.push(
  '- **Local drafts.** A form that edits a copy of a store value needs `ref` + `watch` in Vue; in Svelte a writable `$derived($selectedUser?.name ?? \'\')` follows the store and can be overwritten by typing.',
)
md.push(
  '- **Action status and dispatch** come from each app\'s `src/context.ts` in both: `useActionDispatch()` returns the domain register\'s typed `dispatch`; `useActionStatus(action)` is a ref in Vue and a store (`$saving`) in Svelte.',
)
md.push(
  '- **What does not differ**: validation, optimistic updates, rollback, cache decisions and the log live in the domain, so neither app has a line of that logic; the side-by-side page mounts both apps\' screens over one domain instance and they stay in step with no glue code.',
)
md.push('')

mkdirSync(join(root, 'docs'), { recursive: true })
writeFileSync(out, md.join('\n'))
console.log(`comparison: wrote ${out.slice(root.length)} (view lines Vue ${tv}, Svelte ${ts}; gzip ${bundles.map((b) => `${b.name} ${kb(b.js.gzip + b.css.gzip)} kB`).join(', ')})`)
