// The web form's file format (beheer/formaat.js) run outside the browser, with the same
// js-yaml and the same data as the form, so tests can read and write case files as the
// form does without starting Decap.
// node format.js FORMAAT_JS JS_YAML DATA_JSON < requests.json -> results.json
// A request: {"open": TEXT, "set": [[PATH, VALUE], ...]} opens a file as the form does,
// sets values (PATH a list of keys and list positions; VALUE "" empties a field, as an
// author who clears it) and saves it; {"new": DATA} saves a new case; {"title": TEXT}
// gives the file name of a new case with that title.
"use strict";
const fs = require("fs");

const [formatPath, yamlPath, dataPath] = process.argv.slice(2);
const jsyaml = require(yamlPath);
const format = require(formatPath)(jsyaml, JSON.parse(fs.readFileSync(dataPath, "utf8")));
const requests = JSON.parse(fs.readFileSync(0, "utf8"));

function set(data, path, value) {
  let here = data;
  for (const key of path.slice(0, -1)) {
    if (here[key] === undefined) here[key] = typeof key === "number" ? [] : {};
    here = here[key];
  }
  here[path[path.length - 1]] = value;
}

const results = requests.map((request) => {
  try {
    if ("title" in request) return { name: format.fileName(request.title) };
    if ("new" in request) return { text: format.toFile(request.new) };
    // Decap keeps an entry's data as Immutable values and gives the format plain ones:
    // the round trip through JSON is what survives that.
    const data = JSON.parse(JSON.stringify(format.fromFile(request.open)));
    for (const [path, value] of request.set || []) set(data, path, value);
    return { data, text: format.toFile(data) };
  } catch (error) {
    return { error: String(error && error.message) };
  }
});
process.stdout.write(JSON.stringify(results));
