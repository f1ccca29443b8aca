// Decap's English and Dutch interface strings as dotted keys, read from the installed
// decap-cms-locales (the package Decap's bundle is built with), for tests/test_form_texts.py.
// node locales.js LOCALES_DIR -> {"en": {key: text}, "nl": {key: text}}
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

function read(dir, name) {
  // The sources are one object literal and `export default <name>;`.
  const text = fs.readFileSync(path.join(dir, "src", name, "index.js"), "utf8");
  const body = text.replace(/export default (\w+);\s*$/, "module.exports = $1;");
  if (body === text) throw new Error(`${name}: no 'export default' at the end`);
  const sandbox = { module: {} };
  vm.runInNewContext(body, sandbox);
  return sandbox.module.exports;
}

function flat(tree, prefix, out) {
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") flat(value, dotted, out);
    else out[dotted] = value;
  }
  return out;
}

const dir = process.argv[2];
process.stdout.write(
  JSON.stringify({ en: flat(read(dir, "en"), "", {}), nl: flat(read(dir, "nl"), "", {}) }),
);
