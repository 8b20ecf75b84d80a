// The core's production build: its errors carry a code instead of their development message, React's way (error-code
// extraction at build time). Every `argumentError(fn, message)` / `stateError(fn, message)` call whose message is a
// string or template literal gets the message's number in docs/errors.md instead; `libs/core/src/shared/errors.ts`
// turns a number into a short message with the code and a link to that page.
//   node tools/error-codes.mjs check          fail when a message of libs/core/src is not in docs/errors.md
//   node tools/error-codes.mjs write          add the new messages to docs/errors.md (codes never change meaning;
//                                             a message no longer in the source keeps its row, marked "(removed)")
//   node tools/error-codes.mjs build          from libs/core: `src/**/*.ts` → `dist/production/**/*.js` (after
//                                             tools/build-lib.mjs wrote the development build into `dist`)
// `productionCode(code, file)` is the same rewrite for one module, used by libs/core's production test run.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
const coreSrc = join(root, 'libs/core/src')
const docsPath = join(root, 'docs/errors.md')
const CALLEES = new Set(['argumentError', 'stateError'])
/** Where docs/errors.md's hand-written adapter sections start; `write` keeps them. */
const ADAPTERS = '<!-- Adapter sections'
const isTest = (path) => /\.(test|test-d|bench)\.ts$/.test(path) || path.split(/[\\/]/).includes('__tests__')

function* files(dir, ext) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* files(path, ext)
    else if (path.endsWith(ext)) yield path
  }
}

/** A module's syntax tree, read once for every rewrite of it. */
function parse(code, file) {
  return ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS)
}

/** The message calls of a module: `[{ start, end, message }]`, `message` being the literal's text without its quotes. */
function messageCalls(source) {
  const calls = []
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CALLEES.has(node.expression.text) && node.arguments.length === 2) {
      const arg = node.arguments[1]
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) || ts.isTemplateExpression(arg)) {
        const text = arg.getText(source)
        calls.push({ start: arg.getStart(source), end: arg.end, message: text.slice(1, -1) })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return calls
}

/** `Map<message, code>` from docs/errors.md (rows `| 12 | <code>message</code> | where |`). */
export function readCodes(text = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : '') {
  const codes = new Map()
  for (const [, code, message] of text.matchAll(/^\| (\d+) \| `` (.*) `` \|/gm)) codes.set(message.replaceAll('\\|', '|'), Number(code))
  return codes
}

/** Every message of libs/core/src, with the files that throw it. */
function sourceMessages() {
  const messages = new Map()
  for (const file of files(coreSrc, '.ts')) {
    if (isTest(file) || file.endsWith('.d.ts')) continue
    for (const { message } of messageCalls(parse(readFileSync(file, 'utf8'), file))) {
      if (!messages.has(message)) messages.set(message, new Set())
      messages.get(message).add(relative(root, file))
    }
  }
  return messages
}

/**
 * `code` with every message literal of a message call replaced by its number (throws on a message with no number), and
 * every literal naming the checked value for one of shared/errors.ts's checks (`assertFunction(fn, 'options.equals',
 * value)`) replaced by `0`: only the messages read those names, and the numbers carry none.
 */
export function productionCode(code, file, codes = readCodes()) {
  const source = parse(code, file)
  return edited(code, [...messageEdits(source, file, codes), ...namingArguments(source)])
}

/** The edits replacing each message literal of `code` with its number. */
function messageEdits(source, file, codes) {
  return messageCalls(source).map((call) => {
    const number = codes.get(call.message)
    if (number === undefined) throw new Error(`error-codes: ${file} throws a message docs/errors.md lacks (run node tools/error-codes.mjs write): ${call.message}`)
    return { start: call.start, end: call.end, text: String(number) }
  })
}

/** `code` with `edits` (`{ start, end, text }`, not overlapping) applied. */
function edited(code, edits) {
  let out = ''
  let at = 0
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += code.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + code.slice(at)
}

let naming
/**
 * The parameters of shared/errors.ts's functions that nothing reads once its messages are numbers: `Map<name, Set<index>>`,
 * found by reading that file's production code, so a check that comes to use such a parameter keeps its argument.
 */
function namingParameters() {
  if (naming) return naming
  naming = new Map()
  const file = join(coreSrc, 'shared/errors.ts')
  const code = readFileSync(file, 'utf8')
  // Its messages as numbers: what production runs of it.
  const source = parse(edited(code, messageEdits(parse(code, file), file, readCodes())), file)
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue
    const read = new Set()
    const visit = (node) => {
      if (ts.isIdentifier(node)) read.add(node.text)
      ts.forEachChild(node, visit)
    }
    visit(statement.body)
    const unread = new Set()
    statement.parameters.forEach((parameter, i) => ts.isIdentifier(parameter.name) && !read.has(parameter.name.text) && unread.add(i))
    if (unread.size > 0) naming.set(statement.name.text, unread)
  }
  return naming
}

/** A literal whose evaluation has no effect: a string, or a template whose parts are names and property reads. */
const isPlainLiteral = (node) =>
  ts.isStringLiteral(node) ||
  ts.isNoSubstitutionTemplateLiteral(node) ||
  (ts.isTemplateExpression(node) && node.templateSpans.every(({ expression: e }) => ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)))

/** The edits turning the literals a module passes to unread parameters (see `namingParameters`) into `0`. */
function namingArguments(source) {
  const unread = namingParameters()
  const edits = []
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && unread.has(node.expression.text)) {
      for (const i of unread.get(node.expression.text)) {
        const arg = node.arguments[i]
        if (arg !== undefined && isPlainLiteral(arg)) edits.push({ start: arg.getStart(source), end: arg.end, text: '0' })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return edits
}

function page(codes, messages) {
  const rows = [...codes].sort((a, b) => a[1] - b[1])
  const lines = [
    '# Error codes',
    '',
    "The production build of `@context-action/core` (what a bundler picks for a production build: the package's",
    '`default` export condition) throws short errors: the function that refused the call, and a code of this page. The',
    'development build (the `development` condition: Vite dev, Vitest, webpack in development mode) throws the full',
    'message below instead. `${…}` parts are filled in with the values of the call. Node.js running your code',
    'directly (no bundler) takes the `default` condition too: `node --conditions=development app.js` gives the full',
    'messages.',
    '',
    'This page is written by `node tools/error-codes.mjs write` from the messages of `libs/core/src`; a code never',
    'changes meaning (a message that is gone keeps its row, marked removed).',
    '',
    '| code | development message | thrown by |',
    '| --- | --- | --- |',
  ]
  for (const [message, code] of rows) {
    const where = messages.get(message)
    lines.push(`| ${code} | \`\` ${message.replaceAll('|', '\\|')} \`\` | ${where ? [...where].sort().join(', ') : '(removed)'} |`)
  }
  // Anchors for the links the errors carry (`errors.md#e12`).
  lines.push('', ...rows.map(([, code]) => `<a id="e${code}"></a>`))
  return lines.join('\n') + '\n'
}

function check() {
  const codes = readCodes()
  const missing = [...sourceMessages().keys()].filter((message) => !codes.has(message))
  if (missing.length > 0) {
    console.error(`error-codes: ${missing.length} message(s) of libs/core/src not in docs/errors.md (run node tools/error-codes.mjs write):\n  ${missing.join('\n  ')}`)
    process.exit(1)
  }
  console.log(`error-codes: the ${codes.size} codes of docs/errors.md cover every message of libs/core/src`)
}

function write() {
  const codes = readCodes()
  const messages = sourceMessages()
  let next = Math.max(0, ...codes.values()) + 1
  for (const message of messages.keys()) if (!codes.has(message)) codes.set(message, next++)
  // The adapters' sections, written by hand after the core's, are kept as they are.
  const current = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : ''
  const adapters = current.indexOf(ADAPTERS)
  writeFileSync(docsPath, page(codes, messages) + (adapters === -1 ? '' : `\n${current.slice(adapters)}`))
  console.log(`error-codes: docs/errors.md lists ${codes.size} codes`)
}

/** `./store` → `./store.js`, `./stores` → `./stores/index.js`, as tools/build-lib.mjs does for the development build. */
function withExtensions(code, from) {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]*)\2/g, (all, head, quote, spec) => {
    const target = join(dirname(from), spec)
    const ext = existsSync(`${target}.ts`) ? '.js' : existsSync(join(target, 'index.ts')) ? '/index.js' : null
    if (ext === null) throw new Error(`error-codes: cannot resolve "${spec}" from ${relative(root, from)}`)
    return `${head}${quote}${spec}${ext}${quote}`
  })
}

// `src/**/*.ts` → `dist/production/**/*.js`: the development build's modules, with numbers for messages.
async function build() {
  const { transform } = await import('esbuild')
  const src = join(process.cwd(), 'src')
  const out = join(process.cwd(), 'dist', 'production')
  const codes = readCodes()
  for (const file of files(src, '.ts')) {
    if (isTest(file) || file.endsWith('.d.ts')) continue
    const target = join(out, relative(src, file)).replace(/\.ts$/, '.js')
    mkdirSync(dirname(target), { recursive: true })
    // A source map beside each file, as in the development build (the replaced messages stay on their lines).
    const { code, map } = await transform(productionCode(readFileSync(file, 'utf8'), file, codes), {
      loader: 'ts',
      format: 'esm',
      target: 'es2022',
      sourcemap: 'external',
      sourcefile: relative(dirname(target), file),
      sourcesContent: true,
    })
    writeFileSync(target, `${withExtensions(code, file)}//# sourceMappingURL=${basename(target)}.map\n`)
    writeFileSync(`${target}.map`, map)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const steps = { check, write, build }
  const step = steps[process.argv[2]]
  if (step === undefined) throw new Error(`error-codes: say one of ${Object.keys(steps).join(', ')}`)
  await step()
}
