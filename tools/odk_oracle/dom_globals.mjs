// The engine is written for a browser: it parses XML with DOMParser and reads
// Node/document at module load. Its own test suite runs it under vitest's jsdom
// environment, which copies jsdom's window onto the global object; this does the same.
// It must be imported before '@getodk/xforms-engine' (use a dynamic import after it).
import { JSDOM } from 'jsdom';

const dom = new JSDOM('', { url: 'http://localhost/' });
// window/self would switch the bundled emscripten loader (web-tree-sitter) into browser
// mode, where it fetches its wasm over HTTP; storage throws on access outside a page.
const skipped = new Set([
  'window', 'self', 'top', 'parent', 'frames', 'globalThis', 'localStorage', 'sessionStorage',
]);
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (skipped.has(key) || key in globalThis) continue;
  globalThis[key] = dom.window[key];
}
// The emscripten loader's Node branch reads these CommonJS names; the wasm itself is
// inlined in the bundle as a data: URL, so the directory is never used to read files.
globalThis.__dirname ??= process.cwd();
globalThis.module ??= {};
