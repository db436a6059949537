// Bundle src/ into ../build/: index.html, one minified calendar.js and the licences of what it bundles.
// Run with `npm ci && npm run build` (README.md).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { build } from "esbuild"

const here = (path) => new URL(path, import.meta.url).pathname
const out = here("../build/")

// streamlit-component-lib's protocol code imports ArrowTable (apache-arrow, ~200 kB) for dataframe
// arguments, which the calendar never receives: a small stand-in keeps it out of the bundle.
const noArrow = {
  name: "no-arrow",
  setup(b) {
    b.onResolve({ filter: /^\.\/ArrowTable$/ }, (a) =>
      a.importer.includes("streamlit-component-lib") ? { path: here("src/no-arrow.ts") } : undefined,
    )
  },
}

// One notice per bundled npm package: name, version, licence and its licence text when it ships one.
function notices(metafile) {
  const names = new Set()
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)
    if (m) names.add(m[1])
  }
  return [...names].sort().map((name) => {
    const dir = here(`node_modules/${name}/`)
    const pkg = JSON.parse(readFileSync(dir + "package.json", "utf8"))
    const file = ["LICENSE", "LICENSE.md", "LICENSE.txt"].map((f) => dir + f).find(existsSync)
    const text = file ? readFileSync(file, "utf8").trim() : `Licensed under ${pkg.license}.`
    return `${name} ${pkg.version} (${pkg.license})\n\n${text}\n`
  })
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const result = await build({
  entryPoints: [here("src/index.ts")],
  outfile: out + "calendar.js",
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none", // the notices are in THIRD-PARTY-LICENSES.txt
  metafile: true,
  plugins: [noArrow],
  logLevel: "info",
})
copyFileSync(here("src/index.html"), out + "index.html")
writeFileSync(out + "THIRD-PARTY-LICENSES.txt", notices(result.metafile).join("\n" + "-".repeat(72) + "\n\n"))
