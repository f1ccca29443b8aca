"""The web form's Dutch: Decap CMS's interface strings completed, and the login page.

Decap ships a Dutch locale (`decap-cms-locales`, `nl`) that lacks some of its English keys
(Decap then shows the English, and screen readers read it out: "Collapse", "string
field"). `COMPLETED` has exactly those keys, in Dutch: a test compares it with the keys
of Decap's installed English and Dutch locales, so an upgrade that adds keys (or
translates some) fails until this table follows. `CORRECTED` replaces Dutch strings that
are wrong for this form, each with the reason. `LOCAL` are the words of the local form
(`make beheer`), where saving writes into `cases/` and nothing is published.
`beheer-formulier.js` registers them (`CMS.registerLocale`) before Decap starts.
"""

from __future__ import annotations

COMPLETED: dict[str, str] = {
    "auth.loginWithForgejo": "Inloggen met Forgejo",
    "collection.collectionTop.viewAsList": "Als lijst tonen",
    "collection.collectionTop.viewAsGrid": "Als tegels tonen",
    "collection.entries.unpublishedHeader": "Nog niet gepubliceerd",
    "editor.editorControl.field.widgetLabel": "Invoerveld",
    "editor.editorControlPane.widget.invalidPath": "'%{path}' is geen geldig pad",
    "editor.editorControlPane.widget.pathExists": "Pad '%{path}' bestaat al",
    "editor.editorControlPane.i18n.copyFromLocale": "Overnemen uit een andere taal",
    "editor.editorControlPane.i18n.copyFromLocaleConfirm": (
        "Wil je de gegevens overnemen uit %{locale}?\nAlles wat er nu staat, wordt overschreven."
    ),
    "editor.editorInterface.toggleNotes": "Notities tonen of verbergen",
    "editor.editorNotesPane.title": "Notities",
    "editor.editorNotesPane.emptyState": (
        "Nog geen notities. Voeg hieronder de eerste toe om samen te werken."
    ),
    "editor.editorNotesPane.addNote": "Notitie toevoegen",
    "editor.editorNotesPane.addPlaceholder": "Schrijf een notitie...",
    "editor.editorNotesPane.editPlaceholder": "Pas je notitie aan...",
    "editor.editorNotesPane.save": "Bewaren",
    "editor.editorNotesPane.cancel": "Annuleren",
    "editor.editorNotesPane.edit": "Wijzigen",
    "editor.editorNotesPane.delete": "Verwijderen",
    "editor.editorNotesPane.resolve": "Afhandelen",
    "editor.editorNotesPane.unresolve": "Weer openen",
    "editor.editorNotesPane.confirmDelete": "Weet je zeker dat je deze notitie wilt verwijderen?",
    "editor.editorNotesPane.shortcut": "Tip: met Ctrl+Enter voeg je de notitie meteen toe",
    "editor.editorToolbar.statusInfoTooltipDraft": (
        "Deze case is een concept. Klaar om te laten beoordelen? Zet de status op "
        "'Wordt beoordeeld'."
    ),
    "editor.editorToolbar.statusInfoTooltipInReview": (
        "Deze case wordt beoordeeld; je hoeft niets meer te doen. Je kunt nog wel wijzigingen "
        "aanbrengen."
    ),
    "editor.editorWidgets.markdown.strikethrough": "Doorhalen",
    "editor.editorWidgets.markdown.toggleMode.rich": "Naar opgemaakte tekst",
    "editor.editorWidgets.markdown.toggleMode.markdown": "Naar Markdown",
    "editor.editorWidgets.image.chooseMultiple": "Kies afbeeldingen",
    "editor.editorWidgets.image.addMore": "Meer afbeeldingen toevoegen",
    "editor.editorWidgets.image.removeAll": "Alle afbeeldingen verwijderen",
    "editor.editorWidgets.file.chooseMultiple": "Kies bestanden",
    "editor.editorWidgets.file.addMore": "Meer bestanden toevoegen",
    "editor.editorWidgets.file.removeAll": "Alle bestanden verwijderen",
    "editor.editorWidgets.datetime.setToNow": "Zet %{fieldLabel} op nu",
    "editor.editorWidgets.list.addType": "%{item} toevoegen",
    "editor.editorWidgets.object.expand": "Uitklappen",
    "editor.editorWidgets.object.collapse": "Inklappen",
    "mediaLibrary.mediaLibraryModal.close": "Sluiten",
    "ui.settingsDropdown.account": "Accountmenu",
    "ui.toast.noteAdded": "Notitie toegevoegd",
    "ui.toast.onFailToAddNote": "Notitie toevoegen is niet gelukt: %{details}",
    "ui.toast.noteUpdated": "Notitie bijgewerkt",
    "ui.toast.onFailToUpdateNote": "Notitie bijwerken is niet gelukt: %{details}",
    "ui.toast.noteDeleted": "Notitie verwijderd",
    "ui.toast.onFailToDeleteNote": "Notitie verwijderen is niet gelukt: %{details}",
    "ui.toast.noteResolved": "Notitie afgehandeld",
    "ui.toast.noteReopened": "Notitie weer geopend",
    "ui.toast.onFailToToggleNote": "Notitie afhandelen of openen is niet gelukt: %{details}",
}
"""Decap's English keys that its Dutch locale lacks, in Dutch."""

CORRECTED: dict[str, tuple[str, str]] = {
    "editor.editorControlPane.widget.regexPattern": (
        "%{fieldLabel}: %{pattern}.",
        "Decap's 'komt niet overeen met het patroon' says nothing; each field's pattern has "
        "its own message (web_form), which this shows",
    ),
    "editor.editorControlPane.widget.required": (
        "Vul %{fieldLabel} in.",
        "the same words as check ('vul ... in')",
    ),
    "editor.editorToolbar.changesSaved": (
        "Geen wijzigingen om op te slaan",
        "Decap shows it on a new entry too, where 'Wijzigingen opgeslagen' is untrue",
    ),
    "editor.editor.onPublishingNotReady": (
        "Zet de status op 'Klaar' voordat je publiceert.",
        "the status is called 'Klaar' in the form, not 'Voltooid'",
    ),
    "workflow.workflowList.onPublishingNotReadyEntry": (
        "Alleen cases met de status 'Klaar' kunnen worden gepubliceerd. Sleep de kaart naar "
        "de kolom 'Klaar' om te publiceren.",
        "the column is called 'Klaar', not 'Gereed'",
    ),
    "ui.toast.onFailToPersist": (
        "De case is niet opgeslagen. %{details}",
        "'item' is Decap's word; the form says why (a required list left empty: web_form)",
    ),
    "app.app.loadingConfig": ("Instellingen laden...", "a typo in Decap's ('Configuatie')"),
    "ui.toast.onBackendDown": (
        "De opslag is op dit moment niet bereikbaar. Zie %{details} voor meer informatie.",
        "a broken placeholder in Decap's ('% {details}')",
    ),
    "ui.toast.onLoggedOut": (
        "Je bent uitgelogd. Bewaar wat je nog niet hebt opgeslagen, en log opnieuw in.",
        "Decap's sentence is garbled",
    ),
    "editor.editorWidgets.markdown.headings": ("Koppen", "not 'Hoofdtekst'"),
    "editor.editorWidgets.markdown.quote": ("Citaat", "English in Decap's Dutch"),
    "editor.editorWidgets.headingOptions.headingOne": ("Kop 1", "English in Decap's Dutch"),
    "editor.editorWidgets.headingOptions.headingTwo": ("Kop 2", "English in Decap's Dutch"),
    "editor.editorWidgets.headingOptions.headingThree": ("Kop 3", "English in Decap's Dutch"),
    "editor.editorWidgets.headingOptions.headingFour": ("Kop 4", "English in Decap's Dutch"),
    "editor.editorWidgets.headingOptions.headingFive": ("Kop 5", "English in Decap's Dutch"),
    "editor.editorWidgets.headingOptions.headingSix": ("Kop 6", "English in Decap's Dutch"),
    "editor.editorWidgets.unknownControl.noControl": (
        "Geen invoer voor veldtype '%{widget}'.",
        "'control' is English",
    ),
    "editor.editorWidgets.markdown.richText": ("Opgemaakte tekst", "not 'Rijke tekst'"),
    "collection.sidebar.collections": ("Soorten cases", "the collections are casus and pilot"),
    "collection.sidebar.allCollections": ("Alle cases", "the collections are casus and pilot"),
    "workflow.workflow.newPost": ("Nieuwe case", "this form makes cases, not posts"),
}
"""Decap's Dutch strings replaced, with the reason."""

LOCAL: dict[str, str] = {
    "editor.editorToolbar.publish": "Opslaan",
    "editor.editorToolbar.publishing": "Opslaan...",
    "editor.editorToolbar.published": "Opgeslagen",
    "editor.editorToolbar.publishNow": "Opslaan in cases/",
    "editor.editorToolbar.publishAndCreateNew": "Opslaan en een nieuwe case beginnen",
    "editor.editorToolbar.publishAndDuplicate": "Opslaan en een kopie beginnen",
    "ui.toast.entryPublished": "Opgeslagen in cases/ van je werkkopie",
    "editor.editor.onPublishing": "Deze case opslaan in cases/?",
}
"""The local form (`make beheer`) saves into the working copy and publishes nothing: its
button says so. The author guide names these buttons (content/een-case-toevoegen.md)."""

LOGIN = {
    "kop": "Maatwerkbank",
    "ondertitel": "Cases toevoegen en bewerken",
    "lokaal": (
        "Dit formulier draait op je eigen computer (make beheer). Na het inloggen sla je een "
        "case direct op in de map cases/ van je werkkopie. Controleer hem daarna met "
        "make check; de voorvertoning op http://127.0.0.1:8000 ververst vanzelf."
    ),
    "productie": (
        "Log in met je GitHub-account. Wat je opslaat, wordt een voorstel (een pull request) "
        "in de repository van de Maatwerkbank. Dat voorstel wordt automatisch gecontroleerd "
        "voordat iemand het samenvoegt; pas daarna komt de case op de site."
    ),
}
"""The login page's own words: what this is, and what happens after logging in."""


def locale_data() -> dict[str, object]:
    """What `beheer-formulier.js` registers: the keys to add and replace in both modes,
    the local mode's own, and the login page."""
    return {
        "aanvulling": COMPLETED,
        "correctie": {key: text for key, (text, _) in CORRECTED.items()},
        "lokaal": LOCAL,
        "inloggen": LOGIN,
    }
