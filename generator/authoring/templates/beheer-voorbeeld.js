// Preview in the form: the case as the site's case page shows it (case.md.j2): title,
// summary, the facts box with Dutch labels, the pilot box, the sections in the site's order.
// Authors' Markdown is rendered by markdown-it with the rules of the site's markdown-it-py
// (generator/reading/author_text.py): CommonMark, raw HTML off, only http(s), mailto and relative
// links, author headings pushed under the section. DATA is generated (generator/authoring/web_form.py).
/* global CMS, createClass, h, markdownit */
(function () {
  "use strict";
  var DATA = /* GEGEVENS */ {};
  CMS.registerPreviewStyle("../stylesheets/maatwerkbank.css");

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
  function labels(slugs, table) {
    return (slugs || []).map(function (slug) { return table[slug] || slug; }).join(", ");
  }
  function fact(label, value) {
    return value ? h("li", { key: label }, h("strong", {}, label + ":"), " ", value) : null;
  }
  function section(title, body) {
    return body ? [h("h2", { key: title }, title), body] : null;
  }
  function items(list, render, className) {
    if (!list || !list.length) return null;
    return h("ul", { className: className }, list.map(function (item, i) {
      return h("li", { key: i }, render(item));
    }));
  }

  var CasePreview = createClass({
    render: function () {
      var c = this.props.entry.get("data").toJS();
      var getAsset = this.props.getAsset;
      var pilot = c.soort === "pilot" && c.pilot ? c.pilot : null;
      var gemeente = c.gemeente ? text(c.gemeente) + (c.regio ? " (regio " + text(c.regio) + ")" : "") : "";
      return h("article", { className: "md-typeset" },
        h("h1", {}, text(c.titel) || "(nog geen titel)"),
        c.status === "gearchiveerd" ? h("div", { className: "admonition warning mwb-archived" },
          h("p", { className: "admonition-title" }, "Gearchiveerd"),
          h("p", {}, "Deze case is gearchiveerd: de inhoud wordt niet meer bijgewerkt en kan verouderd " +
            "zijn. Hij blijft beschikbaar omdat er nog steeds van te leren is.")) : null,
        h("p", { className: "mwb-lead" }, text(c.samenvatting)),
        h("ul", { className: "mwb-meta" },
          fact("Organisatie", text(c.organisatie)),
          fact("Gemeente", gemeente),
          fact("Soort", DATA.soort[c.soort]),
          pilot ? fact("Fase", DATA.fase[pilot.fase]) : fact("Status", DATA.status[c.status]),
          fact("Laatst gecontroleerd", c.bijgewerkt ? dutchDate(c.bijgewerkt) : ""),
          fact("Thema's", labels(c.themas, DATA.themas)),
          fact("Doelgroepen", labels(c.doelgroepen, DATA.doelgroepen))),
        pilot ? h("div", { className: "admonition info mwb-pilot" },
          h("p", { className: "admonition-title" }, "De pilot in het kort"),
          h("ul", {},
            fact("Fase", DATA.fase[pilot.fase]),
            fact("Start", pilot.start ? dutchDate(pilot.start) : ""),
            fact("Einde", pilot.einde ? dutchDate(pilot.einde) : ""),
            fact("Deelnemers", text(pilot.deelnemers)),
            fact("Maximale duur", text(pilot.maximale_duur)))) : null,
        section("Aanleiding", rendered(c.aanleiding)),
        section("Aanpak", rendered(c.aanpak)),
        (c.afbeeldingen || []).map(function (img, i) {
          return img && img.bestand ? h("figure", { key: "img" + i, className: "mwb-figure" },
            h("img", { src: String(getAsset(img.bestand)), alt: text(img.alt) }),
            img.bijschrift ? h("figcaption", {}, text(img.bijschrift)) : null) : null;
        }),
        section("Waar is afgeweken van de regels?", c.afwijkingen && c.afwijkingen.length ?
          c.afwijkingen.map(function (a, i) {
            return h("div", { key: i }, h("h3", {}, text(a.regel)), rendered(a.toelichting, MD4));
          }) : null),
        section("Partners", items(c.partners, function (p) {
          return [h("strong", { key: "n" }, text(p.naam)), ": " + text(p.rol)];
        })),
        section("Financiering", items(c.financiering, function (f) {
          return [h("strong", { key: "b" }, text(f.bron)),
            (f.bedrag ? ": " + text(f.bedrag) : "") +
            (f.toelichting ? (f.bedrag ? ". " : ": ") + text(f.toelichting) : "")];
        })),
        section("Resultaten", rendered(c.resultaten)),
        section("Evaluatie", pilot ? rendered(pilot.evaluatie) : null),
        section("Citaten", c.citaten && c.citaten.length ? c.citaten.map(function (q, i) {
          return h("figure", { key: i, className: "mwb-quote" },
            h("blockquote", {}, h("p", {}, text(q.tekst))), h("figcaption", {}, "— " + text(q.wie)));
        }) : null),
        section("Lessen", items(c.lessen, text)),
        section("Tips voor gemeenten", items(c.tips_voor_gemeenten, text, "mwb-tips")),
        section("Contact", c.contact ? h("ul", {},
          fact("Organisatie", text(c.contact.organisatie)),
          fact("Functie of team", text(c.contact.functie)),
          fact("E-mail", text(c.contact.email)),
          fact("Telefoon", text(c.contact.telefoon)),
          fact("Website", text(c.contact.url))) : null),
        section("Bronnen", items(c.bronnen, function (b) {
          return linkAllowed(b.url || "") ? h("a", { href: text(b.url) }, text(b.titel)) : text(b.titel);
        })));
    },
  });
  // Every collection the form has: the names come from the generated config.
  DATA.collecties.forEach(function (name) { CMS.registerPreviewTemplate(name, CasePreview); });
})();
