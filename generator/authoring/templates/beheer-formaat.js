// The project's own YAML for the web form: how Decap CMS reads and writes case files.
//
// Decap reads YAML 1.2, so `bedrag: 7.250` would become 7.25 and `telefoon: 0543123456`
// 543123456, and it drops comments. This format reads every value as written, the way
// the project's loader does (generator/reading/loading.py: a plain `~`, `null` or nothing
// is empty, every other scalar the string that was written), and writes the file back
// with the schema comment, the model's key order, and what the author did not change
// copied from the file as it was: opening and saving a case leaves it as it was. Fields
// an author emptied are left out (check refuses `regio: ""`), and yes/no fields are real
// true and false for the form's switches.
//
// `fileName` is check's rule for a new file's name (generator/authoring/file_names.py).
// A factory of (js-yaml, DATA): the form calls it in the browser (beheer-formulier.js),
// the tests in Node with the same DATA (generator/authoring/web_form.py, `format_data`).
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.MaatwerkbankFormaat = factory;
})(this, function (jsyaml, DATA) {
  "use strict";

  var SOURCE = "__bron";  // the file as it was, kept with the entry's data until saved
  var FILE_NAME = "__bestandsnaam";  // a new case's file name, for the collection's slug

  // As the project's loader reads: only these plain scalars are empty, the rest is text.
  var EMPTY = new jsyaml.Type("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: function (text) { return DATA.leeg.indexOf(text) >= 0; },
    construct: function () { return null; },
  });
  var AS_WRITTEN = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [EMPTY] });
  // Written values are quoted when any YAML reader could take them for something else
  // than text (a number, a boolean, a null; js-yaml also quotes YAML 1.1's yes and no).
  var WRITE = { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true };
  var KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|\r?$)/;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // The yes/no fields (by path, list items left out) as true and false.
  function yesNo(value, path) {
    if (Array.isArray(value)) return value.map(function (item) { return yesNo(item, path); });
    if (isObject(value)) {
      var out = {};
      Object.keys(value).forEach(function (key) {
        out[key] = yesNo(value[key], path ? path + "." + key : key);
      });
      return out;
    }
    if (typeof value === "string" && DATA.janee.velden.indexOf(path) >= 0) {
      var word = value.trim().toLowerCase();
      if (DATA.janee.ja.indexOf(word) >= 0) return true;
      if (DATA.janee.nee.indexOf(word) >= 0) return false;
    }
    return value;
  }

  function read(text) {
    var data = jsyaml.load(text, { schema: AS_WRITTEN });
    if (!isObject(data)) throw new Error(DATA.geen_velden);
    return yesNo(data, "");
  }

  function fromFile(text) {
    var data = read(text);
    data[SOURCE] = text;
    return data;
  }

  // What is written: empty values left out (at any depth), keys in the model's order
  // (others after them, as they came), dates as JJJJ-MM-DD.
  // The amount fields (DATA.getallen, by path, list items left out) keep the number the
  // form's number widget gives; any other number is text, as the loader reads it.
  function tidy(value, order, path) {
    path = path || "";
    if (value === null || value === undefined) return undefined;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === "string") return value.trim() === "" ? undefined : value;
    if (typeof value === "number") {
      if (isNaN(value)) return undefined;
      return DATA.getallen.indexOf(path) >= 0 ? value : String(value);
    }
    if (Array.isArray(value)) {
      var items = value.map(function (item) { return tidy(item, order, path); })
        .filter(function (item) { return item !== undefined; });
      return items.length ? items : undefined;
    }
    if (!isObject(value)) return value;
    var known = Object.keys(order || {});
    var keys = known.filter(function (key) { return key in value; })
      .concat(Object.keys(value).filter(function (key) { return known.indexOf(key) < 0; }));
    var out = {};
    keys.forEach(function (key) {
      if (key === SOURCE || key === FILE_NAME) return;
      var kept = tidy(value[key], (order || {})[key], path ? path + "." + key : key);
      if (kept !== undefined) out[key] = kept;
    });
    return Object.keys(out).length ? out : undefined;
  }

  // The same values, whatever the order of a block's keys.
  function canonical(value) {
    if (Array.isArray(value)) return value.map(canonical);
    if (!isObject(value)) return value;
    var out = {};
    Object.keys(value).sort().forEach(function (key) { out[key] = canonical(value[key]); });
    return out;
  }

  function same(a, b) {
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
  }

  function written(key, value) {
    var one = {};
    one[key] = value;
    return jsyaml.dump(one, WRITE);
  }

  // The file in parts: what comes before the first field (the schema comment), and per
  // top-level field its own text, the comment lines right above it included. Null when
  // the file is not plainly a list of fields (then it is written anew), and every part
  // is read back to make sure it holds exactly its field's value.
  function parts(source, data) {
    var lines = source.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    var starts = [];
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (/^(---|\.\.\.)(\s|$)/.test(line)) return null;
      if (line === "" || /^[ \t\r]/.test(line) || /^#/.test(line)) continue;
      var match = KEY_LINE.exec(line);
      if (!match) return null;
      var start = i;
      while (start > 0 && /^#/.test(lines[start - 1]) &&
        (starts.length === 0 || start - 1 > starts[starts.length - 1].line)) start--;
      starts.push({ key: match[1], line: i, start: start });
    }
    if (!same(starts.map(function (s) { return s.key; }).sort(), Object.keys(data).sort())) return null;
    var found = { head: lines.slice(0, starts.length ? starts[0].start : lines.length), fields: {} };
    for (var j = 0; j < starts.length; j++) {
      var end = j + 1 < starts.length ? starts[j + 1].start : lines.length;
      var body = lines.slice(starts[j].line, end);
      var blank = 0;
      while (blank < body.length - 1 && body[body.length - 1 - blank].trim() === "") blank++;
      var field = {
        comments: lines.slice(starts[j].start, starts[j].line),
        body: body,
        blank: body.slice(body.length - blank),
      };
      var back;
      try { back = read(field.body.join("\n") + "\n"); } catch (error) { return null; }
      if (!same(Object.keys(back), [starts[j].key]) || !same(back[starts[j].key], data[starts[j].key])) {
        return null;
      }
      found.fields[starts[j].key] = field;
    }
    return found;
  }

  function lines(text) {
    return text.replace(/\n$/, "").split("\n");
  }

  function toFile(data) {
    var source = data[SOURCE];
    var clean = tidy(data, DATA.volgorde) || {};
    var original = null, split = null;
    if (typeof source === "string") {
      try {
        original = read(source);
        split = parts(source, original);
      } catch (error) {
        split = null;
      }
    }
    if (split === null) {
      var head = typeof source === "string" ? [] : [DATA.schema];
      return head.concat(lines(jsyaml.dump(clean, WRITE))).join("\n") + "\n";
    }
    var keys = Object.keys(clean);
    var unchanged = same(Object.keys(original).sort(), keys.slice().sort()) && keys.every(function (key) {
      return same(original[key], clean[key]);
    });
    if (unchanged) return /\n$/.test(source) ? source : source + "\n";
    var out = split.head.slice();
    keys.forEach(function (key) {
      var field = split.fields[key];
      if (field && same(original[key], clean[key])) {
        out = out.concat(field.comments, field.body);
      } else if (field) {
        out = out.concat(field.comments, lines(written(key, clean[key])), field.blank);
      } else {
        out = out.concat(lines(written(key, clean[key])));
      }
    });
    return out.join("\n") + "\n";
  }

  // check's rule for a file name (generator/authoring/file_names.py, `file_name`).
  function fileName(title) {
    var rule = DATA.bestandsnaam;
    var words = [], word = "";
    var text = String(title || "").normalize("NFKD").toLowerCase().split("").map(function (c) {
      return rule.letters[c] || c;
    }).join("");
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) word += c;
      else if (/\p{Mn}/u.test(c) || rule.apostroffen.indexOf(c) >= 0) continue;
      else if (word) { words.push(word); word = ""; }
    }
    if (word) words.push(word);
    var name = words.join("-");
    if (name.length > rule.max) {
      var cut = name.slice(0, rule.max);
      if (name[rule.max] !== "-" && cut.indexOf("-") >= 0) cut = cut.slice(0, cut.lastIndexOf("-"));
      name = cut.replace(/^-+|-+$/g, "");
    }
    if (name.length < rule.min) name = name ? rule.reserve + "-" + name : rule.reserve;
    if (new RegExp(rule.gereserveerd).test(name)) name = name + "-" + rule.reserve;
    return name;
  }

  return { fromFile: fromFile, toFile: toFile, fileName: fileName, read: read, SOURCE: SOURCE, FILE_NAME: FILE_NAME };
});
