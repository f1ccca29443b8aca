// Preview in the form: the case as the site's case page shows it (case.html.j2): title,
// summary, the facts box with Dutch labels, the pilot box, then the sections and figures in
// the model's order. Which fields there are, and in which part of the page each is shown,
// comes from the model (DATA.velden): this script names no field but `status`, whose
// value 'gearchiveerd' adds the page's notice.
// Authors' Markdown is rendered by markdown-it with the rules of the site's markdown-it-py
// (generator/reading/author_text.py): CommonMark, raw HTML off, only http(s), mailto and relative
// links, author headings pushed under the section. DATA is generated (generator/authoring/web_form.py).
/* global CMS, createClass, h, markdownit */
(function () {
  "use strict";
  var DATA = /* GEGEVENS */ {};
  // The site's stylesheets are registered by formulier.js, read from the site as served;
  // the page is wrapped as Material wraps a page, with the site's colour scheme.

  function linkAllowed(url) {
    var cleaned = String(url).replace(/[\u0000-\u0020\u007f]/g, "");
    var scheme = /^([A-Za-z][A-Za-z0-9+.\-]*):/.exec(cleaned);
    if (scheme) return ["http", "https", "mailto"].indexOf(scheme[1].toLowerCase()) >= 0;
    return cleaned.indexOf("//") !== 0 && cleaned.indexOf("\\") < 0;
  }

  function secureInline(children, Token) {
    var safe = [];
    var dropped = 0;
    children.forEach(function (child) {
      if (child.type === "link_open" && !linkAllowed(child.attrGet("href") || "")) {
        dropped += 1;
        return;
      }
      if (child.type === "link_close" && dropped) {
        dropped -= 1;
        return;
      }
      if (child.type === "image") {
        // The preview shows no images from a text: the site shows only the case's own media.
        var src = child.attrGet("src") || "";
        var alt = new Token("text", "", 0);
        alt.content = child.content || src;
        if (!linkAllowed(src)) { safe.push(alt); return; }
        var open = new Token("link_open", "a", 1);
        open.attrSet("href", src);
        safe.push(open, alt, new Token("link_close", "a", -1));
        return;
      }
      safe.push(child);
    });
    return safe;
  }

  function markdown(level) {
    var md = markdownit("commonmark", { html: false, maxNesting: 20 });
    md.validateLink = function () { return true; };
    md.core.ruler.push("maatwerkbank_secure", function (state) {
      state.tokens.forEach(function (token) {
        if (token.type === "heading_open" || token.type === "heading_close") {
          token.tag = "h" + Math.min(6, Number(token.tag.slice(1)) + level - 1);
        } else if (token.type === "inline" && token.children) {
          token.children = secureInline(token.children, state.Token);
        }
      });
    });
    return md;
  }
  var MD3 = markdown(3);
  var MD4 = markdown(4);

  function rendered(text, md) {
    if (!text) return null;
    return h("div", { className: "mwb-text", dangerouslySetInnerHTML: { __html: (md || MD3).render(String(text)) } });
  }
  function text(value) {
    if (value === undefined || value === null) return "";
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  }
  function dutchDate(value) {
    var parts = text(value).split("-");
    if (parts.length < 2 || !/^\d{4}$/.test(parts[0])) return text(value);
    var month = DATA.maanden[Number(parts[1]) - 1];
    if (!month) return text(value);
    return (parts.length > 2 ? Number(parts[2]) + " " : "") + month + " " + parts[0];
  }
  function empty(value) {
    if (value === undefined || value === null || value === "") return true;
    if (Array.isArray(value)) return value.every(empty);
    if (typeof value === "object" && !(value instanceof Date)) {
      return Object.keys(value).every(function (key) { return empty(value[key]); });
    }
    return false;
  }
  function fact(label, value) {
    return value ? h("li", { key: label }, h("strong", {}, label + ":"), " ", value) : null;
  }
  function section(title, body) {
    return body ? [h("h2", { key: title }, title), body] : null;
  }

  // An amount in euro as the site writes it (labels.euro): € 12.500, € 3.250,50.
  function euro(value) {
    var number = Number(value);
    if (!isFinite(number) || number < 0) return text(value);
    var cents = Math.round(number * 100);
    var whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    var rest = cents % 100;
    return "\u20ac\u00a0" + whole + (rest ? "," + (rest < 10 ? "0" : "") + rest : "");
  }

  // One value as the case page shows it, by what the model says its values are.
  function shown(field, value) {
    if (empty(value)) return "";
    if (field.soort === "markdown") return rendered(value, MD4);
    if (field.soort === "date" || field.soort === "period") return dutchDate(value);
    if (field.soort === "choice") return (DATA.keuzes[field.naam] || {})[value] || text(value);
    if (field.soort === "terms") return (DATA.woordenlijst[field.termen] || {})[value] || text(value);
    if (field.soort === "amount") return euro(value);
    if (field.soort === "bool") return value ? "ja" : "nee";
    return text(value);
  }
  function values(field, value) {
    var list = field.lijst ? (Array.isArray(value) ? value : []) : [value];
    return list.filter(function (item) { return !empty(item); });
  }
  function joined(field, value) {
    return values(field, value).map(function (item) { return shown(field, item); }).join(", ");
  }

  // A block inside an item (a deviation's source): its label, its first value, linked to
  // its web address when it has one.
  function inner(field, value) {
    var name = null, link = null;
    field.velden.forEach(function (f) {
      var v = value[f.naam];
      if (empty(v)) return;
      if (f.soort === "url") { if (linkAllowed(v)) link = text(v); } else if (name === null) name = shown(f, v);
    });
    var body = name === null ? link : name;
    return h("p", { key: field.naam }, h("strong", {}, field.label + ": "),
      link ? h("a", { href: link }, body) : body);
  }

  // An item of a list of blocks: its first value in bold (a link when the item has a web
  // address), the other values after it (a choice right after an amount is its unit:
  // "€ 12.500 per jaar"), Markdown and inner blocks below.
  function item(fields, value, key) {
    var head = null, rest = [], blocks = [], link = null, last = null;
    fields.forEach(function (f) {
      var v = value[f.naam];
      if (empty(v)) return;
      if (f.soort === "url") { if (linkAllowed(v)) link = text(v); return; }
      if (f.soort === "markdown") { blocks.push(h("div", { key: f.naam }, rendered(v, MD4))); return; }
      if (f.soort === "block") { blocks.push(inner(f, v)); return; }
      if (head === null) head = shown(f, v);
      else if (f.soort === "choice" && last === "amount") rest.push(rest.pop() + " " + shown(f, v));
      else rest.push(shown(f, v));
      last = f.soort;
    });
    return h("li", { key: key },
      head === null ? null : h("strong", {}, link ? h("a", { href: link }, head) : head),
      rest.length ? ": " + rest.join(". ") : "", blocks);
  }
  function figure(fields, value, key, asset) {
    var src = "", alt = "", caption = [];
    fields.forEach(function (f) {
      var v = value[f.naam];
      if (empty(v)) return;
      if (f.soort === "file") src = String(asset(text(v)));
      else if (f.deel === "alt-tekst") alt = text(v);
      else caption.push(text(v));
    });
    return src ? h("figure", { key: key, className: "mwb-figure" }, h("img", { src: src, alt: alt }),
      caption.length ? h("figcaption", {}, caption.join(". ")) : null) : null;
  }
  function body(field, value) {
    if (field.soort === "block" && field.lijst) {
      return h("ul", {}, values(field, value).map(function (v, i) { return item(field.velden, v, i); }));
    }
    if (field.soort === "block") {
      // The block's own fields (those shown elsewhere are placed there): Markdown as text,
      // a web address as a link, the others as facts.
      var facts = [], texts = [];
      field.velden.forEach(function (f) {
        var v = value[f.naam];
        if (f.deel !== field.deel || empty(v)) return;
        if (f.soort === "markdown") texts.push(h("div", { key: f.naam }, rendered(v)));
        else if (f.soort === "url" && linkAllowed(v)) facts.push(fact(f.label, h("a", { href: text(v) }, text(v))));
        else facts.push(fact(f.label, joined(f, v)));
      });
      return [facts.length ? h("ul", { key: "feiten" }, facts) : null, texts];
    }
    if (field.lijst) {
      return h("ul", {}, values(field, value).map(function (v, i) { return h("li", { key: i }, shown(field, v)); }));
    }
    return field.soort === "markdown" ? rendered(value) : h("p", {}, shown(field, value));
  }

  // The fields, each to the part of the page the model names (generator/contract/uses.py).
  function place(fields, data, parts, asset) {
    fields.forEach(function (field) {
      var value = data ? data[field.naam] : undefined;
      if (empty(value)) return;
      if (field.soort === "block" && !field.lijst && field.deel !== "sectie") {
        place(field.velden, value, parts, asset);  // the pilot block: its fields have their own parts
      } else if (field.deel === "kop" || field.deel === "inleiding") {
        parts[field.deel].push(text(value));
      } else if (field.deel === "feiten" || field.deel === "pilot") {
        parts[field.deel].push(fact(field.label, joined(field, value)));
      } else if (field.deel === "afbeelding") {
        values(field, value).forEach(function (v, i) {
          parts.rest.push(figure(field.velden, v, field.naam + i, asset));
        });
      } else {
        if (field.soort === "block" && !field.lijst) {  // its fields shown in another part
          place(field.velden.filter(function (f) { return f.deel !== field.deel; }), value, parts, asset);
        }
        parts.rest.push(section(field.label, body(field, value)));
      }
    });
    return parts;
  }

  var CasePreview = createClass({
    render: function () {
      var c = this.props.entry.get("data").toJS();
      var parts = { kop: [], inleiding: [], feiten: [], pilot: [], rest: [] };
      place(DATA.velden, c, parts, this.props.getAsset);
      var page = h("article", { className: "md-content__inner md-typeset" },
        h("h1", {}, parts.kop.join(" ") || "(nog geen titel)"),
        // The page's notice for an archived case: the one state that changes its layout.
        c.status === "gearchiveerd" ? h("div", { className: "admonition warning mwb-archived" },
          h("p", { className: "admonition-title" }, "Gearchiveerd"),
          h("p", {}, "Deze case is gearchiveerd: de inhoud wordt niet meer bijgewerkt en kan verouderd " +
            "zijn. Hij blijft beschikbaar omdat er nog steeds van te leren is.")) : null,
        h("p", { className: "mwb-lead" }, parts.inleiding.join(" ")),
        h("ul", { className: "mwb-meta" }, parts.feiten),
        parts.pilot.length ? h("div", { className: "admonition info mwb-pilot" },
          h("p", { className: "admonition-title" }, "De pilot in het kort"),
          h("ul", {}, parts.pilot)) : null,
        parts.rest);
      var colours = typeof window === "undefined" ? {} : window.MaatwerkbankKleuren;
      var scheme = Object.assign({ className: "md-container mwb-voorbeeld" }, colours || {});
      return h("div", scheme, h("main", { className: "md-main" },
        h("div", { className: "md-main__inner md-grid" }, h("div", { className: "md-content" }, page))));
    },
  });
  // Every collection the form has: the names come from the generated config.
  DATA.collecties.forEach(function (name) { CMS.registerPreviewTemplate(name, CasePreview); });
})();
