// Preview in the form: the case as the site will show it (title, summary, facts, sections).
/* global CMS, createClass, h */
(function () {
  "use strict";
  CMS.registerPreviewStyle("../stylesheets/maatwerkbank.css");
  var SECTIONS = [
    ["aanleiding", "Aanleiding"],
    ["aanpak", "Aanpak"],
    ["resultaten", "Resultaten"],
  ];
  function list(items, title) {
    if (!items || !items.size) return null;
    return h("section", {}, h("h2", {}, title),
      h("ul", {}, items.map(function (item, i) { return h("li", { key: i }, String(item)); }).toArray()));
  }
  var CasePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var data = entry.get("data");
      var widgetFor = this.props.widgetFor;
      var meta = [
        ["Organisatie", data.get("organisatie")],
        ["Gemeente", data.get("gemeente")],
        ["Soort", data.get("soort")],
        ["Status", data.get("status")],
        ["Laatst gecontroleerd", data.get("bijgewerkt")],
      ].filter(function (row) { return row[1]; });
      return h("article", { className: "md-typeset" },
        h("h1", {}, data.get("titel") || "(nog geen titel)"),
        h("p", { className: "mwb-lead" }, data.get("samenvatting") || ""),
        h("ul", { className: "mwb-meta" }, meta.map(function (row) {
          return h("li", { key: row[0] }, h("strong", {}, row[0] + ": "), String(row[1]));
        })),
        SECTIONS.map(function (section) {
          return data.get(section[0]) ? h("section", { key: section[0] },
            h("h2", {}, section[1]), widgetFor(section[0])) : null;
        }),
        list(data.get("lessen"), "Lessen"),
        list(data.get("tips_voor_gemeenten"), "Tips voor gemeenten"));
    },
  });
  CMS.registerPreviewTemplate("cases", CasePreview);
})();
