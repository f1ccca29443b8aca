// The web form's start-up, before Decap CMS runs (it waits: CMS_MANUAL_INIT):
// - the project's file format (formaat.js) for every collection, and new files named by
//   check's rule (Decap's `preSave` puts the name where the collection's slug reads it);
// - Decap's Dutch completed and corrected (generator/authoring/form_texts.py), with the
//   local form's own words when it saves into the working copy (`make beheer`);
// - the login page saying what this is and what happens after logging in;
// - the preview styled with the site's own stylesheets, as the site serves them.
// Which backend Decap uses is found out as Decap does (its `detectProxyServer`): on this
// machine, decap-server answering at the configured address.
// DATA is generated (generator/authoring/web_form.py, `form_data`).
/* global CMS, jsyaml, MaatwerkbankFormaat */
window.CMS_MANUAL_INIT = true;
(function () {
  "use strict";
  var DATA = /* GEGEVENS */ {};

  function copy(value) {
    return JSON.parse(JSON.stringify(value || {}));
  }
  function put(phrases, dotted, text) {
    var keys = dotted.split("."), here = phrases;
    keys.slice(0, -1).forEach(function (key) {
      if (typeof here[key] !== "object" || here[key] === null) here[key] = {};
      here = here[key];
    });
    here[keys[keys.length - 1]] = text;
  }
  function dutch(local) {
    var phrases = copy(CMS.getLocale("nl"));
    var texts = DATA.teksten;
    [texts.aanvulling, texts.correctie, local ? texts.lokaal : {}].forEach(function (table) {
      Object.keys(table).forEach(function (key) { put(phrases, key, table[key]); });
    });
    return phrases;
  }

  function isLocal() {
    if (["localhost", "127.0.0.1"].indexOf(location.hostname) < 0) return Promise.resolve(false);
    return fetch(DATA.lokaal, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    }).then(function (response) { return response.json(); })
      .then(function (info) { return typeof info.repo === "string"; })
      .catch(function () { return false; });
  }

  // The site's stylesheets (Material's and its own) and its colour scheme, read from the
  // home page as served: the preview looks like the site, whichever engine built it.
  function siteLook() {
    var home = new URL("../", location.href);
    return fetch(home.href).then(function (response) { return response.text(); }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var sheets = Array.prototype.map.call(page.querySelectorAll('link[rel~="stylesheet"]'), function (link) {
        return new URL(link.getAttribute("href"), home).href;
      }).filter(function (href) { return new URL(href).origin === location.origin; });
      var scheme = {};
      Array.prototype.forEach.call(page.body ? page.body.attributes : [], function (attribute) {
        if (attribute.name.indexOf("data-md-color-") === 0) scheme[attribute.name] = attribute.value;
      });
      return { sheets: sheets, scheme: scheme };
    }).catch(function () { return { sheets: [], scheme: {} }; });
  }

  // The login page: Decap's shows a logo and a button; this says what the form is and
  // what logging in leads to, while Decap's page is shown.
  function login(local) {
    var intro = document.getElementById("mwb-inloggen");
    var texts = DATA.teksten.inloggen;
    intro.querySelector("h1").textContent = texts.kop;
    intro.querySelector(".mwb-ondertitel").textContent = texts.ondertitel;
    intro.querySelector(".mwb-uitleg").textContent = local ? texts.lokaal : texts.productie;
    function update() {
      var shown = !!document.querySelector('#nc-root section[class*="AuthenticationPage"]');
      intro.hidden = !shown;
      document.body.classList.toggle("mwb-op-inlogpagina", shown);
    }
    new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
    update();
  }

  function start() {
    var format = MaatwerkbankFormaat(jsyaml, DATA.formaat);
    CMS.registerCustomFormat(DATA.naam, "yaml", { fromFile: format.fromFile, toFile: format.toFile });
    CMS.registerEventListener({
      name: "preSave",
      handler: function (args) {
        var entry = args.entry, data = entry.get("data");
        // Decap saves a required list with no items (web_form.required_lists): refused
        // here, with the field's name; Decap shows it as the reason it did not save.
        var empty = DATA.verplichte_lijsten.filter(function (list) {
          var items = data.get(list.naam);
          return !items || !items.filter(function (item) { return String(item || "").trim(); }).size;
        });
        if (empty.length) throw empty.map(function (list) { return list.melding; }).join(" ");
        if (!entry.get("newRecord")) return data;
        // A new case: named by check's rule; no file's text carried over (a copy of one).
        return data.delete(format.SOURCE).set(format.FILE_NAME, format.fileName(data.get("titel")));
      },
    });
    Promise.all([isLocal(), siteLook()]).then(function (found) {
      var local = found[0], look = found[1];
      var phrases = dutch(local);
      CMS.registerLocale("nl", phrases);
      // Decap speaks its 'en' until it has read the configuration (the loading screen);
      // this form speaks Dutch from the start.
      CMS.registerLocale("en", phrases);
      look.sheets.forEach(function (href) { CMS.registerPreviewStyle(href); });
      window.MaatwerkbankKleuren = look.scheme;  // read by the preview (voorbeeld.js)
      document.documentElement.dataset.mwbOpslag = local ? "lokaal" : "github";
      login(local);
      CMS.init();
    });
  }
  document.addEventListener("DOMContentLoaded", start);
})();
