// The web form's preview script (beheer/voorbeeld.js) run outside Decap CMS: stand-ins for
// Decap's globals (CMS, createClass, and h, which here writes HTML), so a test reads what
// the preview shows for a case without a browser.
// node preview.js VOORBEELD_JS MARKDOWN_IT_JS CASE_JSON -> {"registered": [...], "html": "..."}
"use strict";
const fs = require("fs");
const vm = require("vm");

const [script, markdownIt, casePath] = process.argv.slice(2);
const registered = {};
const escape = (s) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function html(node) {
  if (node === null || node === undefined || node === false || node === "") return "";
  if (Array.isArray(node)) return node.map(html).join("");
  if (typeof node === "object" && "html" in node) return node.html;
  return escape(node);
}

function h(tag, props, ...children) {
  let attributes = "";
  let inner = null;
  for (const [name, value] of Object.entries(props || {})) {
    if (name === "key") continue;
    if (name === "dangerouslySetInnerHTML") inner = value.__html;
    else attributes += ` ${name === "className" ? "class" : name}="${escape(value)}"`;
  }
  return { html: `<${tag}${attributes}>${inner !== null ? inner : html(children)}</${tag}>` };
}

const context = vm.createContext({
  console,
  h,
  createClass: (spec) => spec,
  CMS: {
    registerPreviewStyle() {},
    registerPreviewTemplate(name, template) { registered[name] = template; },
  },
});
vm.runInContext(fs.readFileSync(markdownIt, "utf8"), context);
vm.runInContext(fs.readFileSync(script, "utf8"), context);

const data = JSON.parse(fs.readFileSync(casePath, "utf8"));
const names = Object.keys(registered);
const props = {
  entry: { get: (key) => (key === "data" ? { toJS: () => data } : undefined) },
  getAsset: (path) => path,
};
const page = names.length ? html(registered[names[0]].render.call({ props })) : "";
process.stdout.write(JSON.stringify({ registered: names, html: page }));
