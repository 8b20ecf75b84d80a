// Nx release's version step for our npm packages, without the @nx/js plugin (which would bring Babel and its
// presets into the install for this one job). It reads a package's version from its package.json and writes the new
// version there, and rewrites the exact version by which a package depends on another of the release group (the
// adapters on `@context-action/core`). The published manifest in `dist` is derived from that package.json at build
// time (tools/publish-manifest.mjs), so it is not versioned separately.
const { VersionActions } = require('nx/release')

const collections = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies']

class PackageJsonVersionActions extends VersionActions {
  validManifestFilenames = ['package.json']

  readJson(tree, path) {
    return JSON.parse(tree.read(path, 'utf-8'))
  }

  writeJson(tree, path, value) {
    tree.write(path, `${JSON.stringify(value, null, 2)}\n`)
  }

  async readCurrentVersionFromSourceManifest(tree) {
    const manifestPath = this.manifestsToUpdate[0]?.manifestPath ?? `${this.projectGraphNode.data.root}/package.json`
    const { version } = this.readJson(tree, manifestPath)
    return typeof version === 'string' ? { currentVersion: version, manifestPath } : null
  }

  async readCurrentVersionFromRegistry() {
    // Versions are read from disk (nx.json: currentVersionResolver "disk"); nothing is asked of a registry.
    return null
  }

  async readCurrentVersionOfDependency(tree, projectGraph, dependencyProjectName) {
    const dependencyName = this.packageName(tree, projectGraph, dependencyProjectName)
    const pkg = this.readJson(tree, `${this.projectGraphNode.data.root}/package.json`)
    for (const collection of collections) {
      const spec = pkg[collection]?.[dependencyName]
      if (spec !== undefined) return { currentVersion: spec, dependencyCollection: collection }
    }
    return { currentVersion: null, dependencyCollection: null }
  }

  packageName(tree, projectGraph, projectName) {
    const node = projectGraph.nodes[projectName]
    return node.data.metadata?.js?.packageName ?? this.readJson(tree, `${node.data.root}/package.json`).name
  }

  async updateProjectVersion(tree, newVersion) {
    const logs = []
    for (const { manifestPath } of this.manifestsToUpdate) {
      const pkg = this.readJson(tree, manifestPath)
      pkg.version = newVersion
      this.writeJson(tree, manifestPath, pkg)
      logs.push(`✍️  New version ${newVersion} written to manifest: ${manifestPath}`)
    }
    return logs
  }

  async updateProjectDependencies(tree, projectGraph, dependenciesToUpdate) {
    const byPackageName = Object.fromEntries(
      Object.entries(dependenciesToUpdate).map(([project, version]) => [this.packageName(tree, projectGraph, project), version]),
    )
    const logs = []
    for (const { manifestPath } of this.manifestsToUpdate) {
      const pkg = this.readJson(tree, manifestPath)
      let changed = 0
      for (const collection of collections) {
        for (const [name, version] of Object.entries(byPackageName)) {
          // Only exact pins are rewritten (what we publish); a range such as "*" in a private package stays.
          if (pkg[collection]?.[name] === undefined || !/^\d/.test(pkg[collection][name])) continue
          pkg[collection][name] = version
          changed += 1
        }
      }
      if (changed === 0) continue
      this.writeJson(tree, manifestPath, pkg)
      logs.push(`✍️  Updated ${changed} dependenc${changed === 1 ? 'y' : 'ies'} in manifest: ${manifestPath}`)
    }
    return logs
  }
}

module.exports = PackageJsonVersionActions

// After the versions are written, bring package-lock.json's workspace entries in line (npm ci refuses a lockfile
// whose workspace versions differ from the package.json files).
module.exports.afterAllProjectsVersioned = async (cwd, { dryRun }) => {
  if (dryRun) return { changedFiles: ['package-lock.json'], deletedFiles: [] }
  require('node:child_process').execFileSync(
    'npm',
    ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
    { cwd, stdio: 'inherit' },
  )
  return { changedFiles: ['package-lock.json'], deletedFiles: [] }
}
