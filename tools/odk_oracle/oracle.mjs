// ODK's own form engine (@getodk/xforms-engine, the engine of ODK Web Forms) driven by
// JSON: the oracle for fieldkit's differential tests and its speed peer in bench/.
//
// One request per stdin line, one answer per stdout line (so one process serves a whole
// test run). Request:
//   {"id": 1, "xform": "<h:html ...>", "attachments": {"fruits.csv": "text"}, "lang": "en",
//    "timing": false, "session": "s1", "close": false, "snapshot": true,
//    "steps": [{"op": "set", "path": "/data/x", "value": "3"},
//              {"op": "add_repeat", "path": "/data/rep"},
//              {"op": "remove_repeat", "path": "/data/rep[2]"}]}
// Answer:
//   {"id": 1, "error": null, "step_error": null,
//    "nodes": [{"path": "/data/rep[1]/x", "value": "", "relevant": true, "required": false,
//               "readonly": false, "node_type": "input", "value_type": "int"}, ...],
//    "containers": [{"path": "/data/rep[1]", "relevant": true, "node_type": ...}],
//    "repeats": {"/data/rep": 1}, "xml": "<data ...>", "timing": {...}}
// A load failure sets "error" and nothing else; a step the engine refuses sets
// "step_error" {"index", "message"} and the snapshot is taken as things stood.
// With "session", the opened form stays open under that name: a later request with the
// same "session" and no "xform" applies its steps to it ("close": true forgets it);
// "snapshot": false leaves out nodes/containers/repeats/xml (for timing only).
//
// Run: node oracle.mjs   (or: node oracle.mjs --once < request.json)
import './dom_globals.mjs';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';

const { loadForm } = await import('@getodk/xforms-engine');

const LEAF_TYPES = new Set([
  'model-value', 'note', 'select', 'input', 'trigger', 'range', 'rank', 'upload',
]);

// Form attachments (jr://file/x.csv, jr://file-csv/x.csv) come from the request;
// a 404 for anything else, which the BLANK behaviour below turns into an empty list.
function attachmentFetcher(attachments) {
  return async (url) => {
    const name = decodeURIComponent(String(url.href ?? url).split('/').pop());
    if (!(name in attachments)) {
      return { ok: false, status: 404, text: async () => '', blob: async () => new Blob([]) };
    }
    const text = attachments[name];
    return { ok: true, status: 200, text: async () => text, blob: async () => new Blob([text]) };
  };
}

// Concrete instance path in fieldkit's convention: the engine's reference already
// carries 1-based positions for repeat instances (/data/rep[2]/x).
const pathOf = (node) => node.currentState.reference;

function index(root) {
  const byPath = new Map();
  const visit = (node) => {
    byPath.set(pathOf(node), node);
    for (const child of node.currentState.children ?? []) visit(child);
  };
  visit(root);
  return byPath;
}

function find(root, path, wanted) {
  const node = index(root).get(path);
  if (node == null) throw new Error(`no node at ${path}`);
  if (wanted && !wanted(node.nodeType)) throw new Error(`${path} is a ${node.nodeType}`);
  return node;
}

function setValue(node, value) {
  const text = value == null ? '' : String(value);
  switch (node.nodeType) {
    case 'select':
      // A select1 value is taken whole (a choice name may hold a space, as in some
      // real lists); a multiple select's value is the space-separated list.
      if (node.selectType === 'select1') return node.selectValue(text === '' ? null : text);
      return node.selectValues(text.split(' ').filter((part) => part !== ''));
    case 'rank':
      return node.setValues(text.split(' ').filter((part) => part !== ''));
    case 'trigger':
      return node.setValue(text !== '');
    case 'input':
    case 'range':
      return node.setValue(text);
    default:
      throw new Error(`${pathOf(node)} (${node.nodeType}) cannot be answered`);
  }
}

function applyStep(root, step) {
  const isRange = (type) => type.startsWith('repeat-range');
  switch (step.op) {
    case 'set':
      return setValue(find(root, step.path), step.value);
    case 'add_repeat': {
      const range = find(root, step.path.replace(/\[\d+\]$/, ''), isRange);
      return range.addInstances();
    }
    case 'remove_repeat': {
      const position = Number(/\[(\d+)\]$/.exec(step.path)?.[1] ?? NaN);
      const range = find(root, step.path.replace(/\[\d+\]$/, ''), isRange);
      return range.removeInstances(position - 1);
    }
    default:
      throw new Error(`unknown op ${step.op}`);
  }
}

function snapshot(root) {
  const nodes = [];
  const containers = [];
  const repeats = {};
  const visit = (node) => {
    const state = node.currentState;
    if (LEAF_TYPES.has(node.nodeType)) {
      nodes.push({
        path: pathOf(node), value: state.instanceValue, relevant: state.relevant,
        required: state.required, readonly: state.readonly,
        node_type: node.nodeType, value_type: node.valueType ?? null,
      });
      return;
    }
    if (node.nodeType.startsWith('repeat-range')) repeats[pathOf(node)] = state.children.length;
    else if (node !== root) containers.push({ path: pathOf(node), relevant: state.relevant, node_type: node.nodeType });
    for (const child of state.children ?? []) visit(child);
  };
  visit(root);
  return { nodes, containers, repeats };
}

function chooseLanguage(root, lang) {
  if (!lang) return;
  const language = root.languages.find((item) => item.language === lang);
  if (language) root.setLanguage(language);
}

async function open(request, timing) {
  let start = performance.now();
  const result = await loadForm(request.xform, {
    fetchFormAttachment: attachmentFetcher(request.attachments ?? {}),
    missingResourceBehavior: 'BLANK',
  });
  timing.load_ms = performance.now() - start;
  if (result.status === 'failure') throw result.error;
  start = performance.now();
  const instance = result.createInstance();
  timing.create_ms = performance.now() - start;
  return instance.root;
}

function runSteps(root, steps, timing) {
  timing.steps_ms = [];
  for (const [index, step] of steps.entries()) {
    const start = performance.now();
    try {
      applyStep(root, step);
    } catch (error) {
      return { index, message: String(error?.message ?? error) };
    }
    timing.steps_ms.push(performance.now() - start);
  }
  return null;
}

// Open sessions by name: a request with "session" and no "xform" continues one, so a
// scripted fill sends only its next step and gets a snapshot after each.
const sessions = new Map();

async function rootFor(request, timing) {
  if (request.xform == null) {
    const root = sessions.get(request.session);
    if (root == null) throw new Error(`no open session ${request.session}`);
    return root;
  }
  const root = await open(request, timing);
  chooseLanguage(root, request.lang);
  if (request.session != null) sessions.set(request.session, root);
  return root;
}

function serialized(root) {
  try {
    return { xml: root.instanceState.instanceXML };
  } catch (error) {
    return { xml: null, xml_error: String(error?.message ?? error) };
  }
}

export async function handle(request) {
  const timing = {};
  const id = request.id ?? null;
  let root;
  try {
    root = await rootFor(request, timing);
  } catch (error) {
    return { id, error: String(error?.message ?? error) };
  }
  const stepError = runSteps(root, request.steps ?? [], timing);
  let answer = { id, error: null, step_error: stepError };
  if (request.snapshot !== false) answer = { ...answer, ...snapshot(root), ...serialized(root) };
  if (request.timing) answer.timing = timing;
  if (request.close) sessions.delete(request.session);
  return answer;
}

// BigInt (int values) and similar never reach JSON: values are the instance strings.
const write = (answer) => process.stdout.write(JSON.stringify(answer) + '\n');

async function serve() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let request;
    try {
      request = JSON.parse(line);
    } catch (error) {
      write({ id: null, error: `bad request: ${error.message}` });
      continue;
    }
    write(await handle(request));
  }
}

async function once() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  write(await handle(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
}

await (process.argv.includes('--once') ? once() : serve());
