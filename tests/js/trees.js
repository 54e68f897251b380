// Print the parse tree of each file as JSON, like tests/test_reuse.py's canonical().
const fs = require('fs');
const parser = require(process.argv[2]).get_parser({g_regex_flags: 'i'});

function canonical(node) {
  if (node.children !== undefined) return [String(node.data), node.children.map(canonical)];
  return [String(node.type), String(node.value)];
}

const out = {};
for (const path of process.argv.slice(3)) {
  let text = fs.readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  if (!text.endsWith('\n')) text += '\n';
  try {
    out[path] = canonical(parser.parse(text));
  } catch (error) {
    const token = error.token || {};
    out[path] = ['error', error.constructor.name, token.line ?? error.line ?? null, token.column ?? error.column ?? null];
  }
}
console.log(JSON.stringify(out));
