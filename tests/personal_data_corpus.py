"""An invented corpus for the personal-data scan: recall on personal data, and ordinary
case text that must pass. Every name, number and address here is made up (BSNs and IBANs
are the well-known test numbers, or pass the checksum by construction).

Each entry is (field, text, kind). Every text sits in a case that declares the names in
`DECLARED` (organisation, municipality, partners), as real cases do. `tests/test_personal_data_corpus.py` asserts
the figures the README states; `bench/privacy_scan.py` prints them.
"""

from __future__ import annotations

from generator.privacy import personal_data

DECLARED: dict[str, object] = {
    "organisatie": "Woonstichting De Vaart",
    "gemeente": "Doetinchem",
    "regio": "Achterhoek",
    "partners": [{"naam": "Iriszorg"}, {"naam": "Sité Woondiensten"}],
}

PERSONAL: list[tuple[str, str, str]] = [
    # BSN
    ("aanpak", "Haar BSN is 111222333.", "bsn"),
    ("aanpak", "BSN: 1112.22.333 staat in het dossier.", "bsn"),
    ("aanpak", "Burgerservicenummer 111-222-333 doorgegeven.", "bsn"),
    ("lessen", "Noteer nooit 123 456 782 in een mail.", "bsn"),
    ("resultaten", "Het nummer １２３４５６７８２ kwam uit een pdf.", "bsn"),
    # IBAN
    ("aanpak", "Huur ging van NL91ABNA0417164300 af.", "iban"),
    ("aanpak", "Rekening nl91 abna 0417 1643 00 van de bewoner.", "iban"),
    ("financiering.bron", "Overgemaakt op NL44-RABO-0123-4567-89", "iban"),
    ("resultaten", "Betaald via DE89 3704 0044 0532 0130 00.", "iban"),
    # phone numbers
    ("aanpak", "Bel haar op 06-12345678.", "telefoonnummer"),
    ("aanpak", "Zijn nummer: 0612345678.", "telefoonnummer"),
    ("tips_voor_gemeenten", "Zijn broer is bereikbaar op +31 6 2345 6789.", "telefoonnummer"),
    ("resultaten", "Thuis bellen kan op 0314-123456.", "telefoonnummer"),
    ("aanpak", "Het nummer (020) 123 45 67 van de bewoner.", "telefoonnummer"),
    ("partners.rol", "Begeleiding, bereikbaar op 06 87654321", "telefoonnummer"),
    ("aanpak", "Bel ０６－１２３４５６７８ na vijven.", "telefoonnummer"),
    # e-mail
    ("aanpak", "Mail piet.jansen@gmail.com voor het dossier.", "e-mailadres"),
    ("aanpak", "Schrijf naar fatima [at] voorbeeld [dot] nl.", "e-mailadres"),
    ("aanpak", "Contact via jan＠voorbeeld.nl.", "e-mailadres"),
    ("lessen", "Stuur het naar k.de.boer (at) hotmail (punt) com.", "e-mailadres"),
    ("bronnen.url", "https://voorbeeld.nl/zoek?email=anna%40voorbeeld.nl", "e-mailadres"),
    # postcodes
    ("aanpak", "Het huis staat op 7001 AB 12.", "postcode"),
    ("aanpak", "Adres: 1234ab 5.", "postcode"),
    ("resultaten", "Verhuisd naar 3511 lk 14a.", "postcode"),
    ("gemeente", "Teststad 7001 AB", "postcode"),
    # addresses
    ("aanpak", "Ze woont aan de Dorpsstraat 14.", "adres"),
    ("aanpak", "Het gaat om Oude Gracht 12 in de binnenstad.", "adres"),
    ("aanpak", "De woning aan de Bösestraat 12 bleek te klein.", "adres"),
    ("aanpak", "Zijn flat aan de kerkstr. 12 was vochtig.", "adres"),
    ("aanpak", "Een huis aan de IJsselkade 3 kwam vrij.", "adres"),
    ("aanpak", "Burgemeester de Withstraat 3a werd aangepast.", "adres"),
    ("resultaten", "De bewoner van Lindelaan 7-2 kreeg een sleutel.", "adres"),
    ("afbeeldingen.bijschrift", "Voordeur van Prins Hendrikkade 101", "adres"),
    ("aanpak", "Hij verhuisde naar de Stationsweg 45 bis.", "adres"),
    # dates of birth
    ("aanpak", "Bewoner, geboren op 3 maart 1961, kreeg een woning.", "geboortedatum"),
    ("aanpak", "Haar geboortedatum is 3-4-1961.", "geboortedatum"),
    ("aanpak", "Geboren: 3 april 1961.", "geboortedatum"),
    ("aanpak", "Dossier: geb 3-4-1961, alleenstaand.", "geboortedatum"),
    ("aanpak", "Hij is geboren 3 apr. 1961 in Zwolle.", "geboortedatum"),
    ("resultaten", "geb. 1961-04-03, woont nu zelfstandig.", "geboortedatum"),
    ("aanpak", "Geboortedatum: 12/11/1975.", "geboortedatum"),
    # names
    ("aanpak", "Mevrouw de Vries belde ons elke week.", "naam"),
    ("aanpak", "Volgens Ahmed was het de eerste eigen sleutel.", "naam"),
    ("aanpak", "Piet belde elke dag over de lekkage.", "naam"),
    ("aanpak", "De huurder, J. Jansen, kreeg een sleutel.", "naam"),
    ("aanpak", "Toen kwam Sandra Bakker langs met de sleutels.", "naam"),
    ("resultaten", "Dhr. Bos is inmiddels verhuisd.", "naam"),
    ("aanpak", "Wij spraken met meneer Yilmaz over zijn wensen.", "naam"),
    ("lessen", "Vraag het aan Kees van der Berg, die kent de weg.", "naam"),
    ("aanpak", "Samen met Fatima zocht de consulent een kamer.", "naam"),
    ("citaten.wie", "J. Jansen", "naam"),
    ("citaten.wie", "Fatima, huurder", "naam"),
    ("citaten.wie", "jan jansen", "naam"),
    ("citaten.wie", "mevrouw B.", "naam"),
    ("citaten.wie", "Anna, moeder van een bewoner", "naam"),
    ("citaten.wie", "dhr. Bakker", "naam"),
    ("contact.functie", "Sandra Bakker", "naam"),
    ("afbeeldingen.bestand", "media/jan-de-vries.png", "naam"),
    ("afbeeldingen.bestand", "media/voordeur-0612345678.jpg", "telefoonnummer"),
    # contact: free mail, personal address, mobile number
    ("contact.email", "wonenteam@gmail.com", "e-mailadres"),
    ("contact.email", "piet.jansen@corporatie.nl", "e-mailadres"),
    ("contact.telefoon", "06 12345678", "telefoonnummer"),
]

ORDINARY: list[tuple[str, str]] = [
    ("aanpak", "In 2024 woonden 12 mensen er 6 maanden; kosten € 20.000 per jaar."),
    ("aanpak", "Zie rapport 2023-11 en artikel 7:271 BW; het Wmo-budget was 1.250.000."),
    ("aanpak", "De gemeente Doetinchem en Iriszorg werkten samen met Woonstichting De Vaart."),
    ("aanpak", "Samen met De Vaart stelde de gemeente een eengezinswoning beschikbaar."),
    ("aanpak", "Na 3 maanden evalueerden de partners het plan met de bewoners."),
    ("aanpak", "Het wijkteam sprak in 2023 op 12 plekken met huurders."),
    ("aanpak", "De Participatiewet en de Wmo gaven ruimte voor maatwerk."),
    ("aanpak", "In de Achterhoek liep de proef 18 maanden, tot 1 juli 2025."),
    ("aanpak", "De woonconsulent had in het werkveld 12 jaar ervaring."),
    ("aanpak", "Het zorgpad duurde 6 weken; daarna volgde een gesprek."),
    ("aanpak", "Volgens de corporatie werkt het: 5 van de 7 bewoners vonden een woning."),
    ("aanpak", "Op 14 maart 2024 tekenden de partners het convenant."),
    ("aanpak", "Team Wonen en Zorg belde iedere week met de begeleider."),
    ("aanpak", "De regels van de Huisvestingsverordening 2022 staan in artikel 2.4."),
    ("aanpak", "Het project kostte 123 456 euro in totaal."),
    ("resultaten", "Twaalf van de vijftien deelnemers hadden na een jaar geen nieuwe schulden."),
    ("resultaten", "De huur bleef onder de aftoppingsgrens van € 682,96."),
    ("lessen", "Gebruik je gezonde verstand in plaats van voor elke uitzondering beleid."),
    ("lessen", "Laat zien dat je mensen vertrouwt."),
    ("tips_voor_gemeenten", "Bel het Wmo-loket als een bewoner vastloopt."),
    ("tips_voor_gemeenten", "Spreek met Sité Woondiensten af wie de regie heeft."),
    ("citaten.wie", "huurder"),
    ("citaten.wie", "familielid van een bewoner"),
    ("citaten.wie", "projectleider van de corporatie"),
    ("citaten.wie", "Wijkteam Doetinchem"),
    ("citaten.wie", "bewoner van de springplankwoning"),
    ("citaten.wie", "woonconsulent"),
    ("contact.functie", "Team Jongeren"),
    ("contact.email", "wonenenzorg@corporatie.nl"),
    ("contact.telefoon", "0314 123 456"),
    ("bronnen.url", "https://www.rijksoverheid.nl/documenten/rapporten/2024/05/01/evaluatie"),
    ("afbeeldingen.bestand", "media/uitbouw-achterkant.jpg"),
    ("afbeeldingen.bijschrift", "De uitbouw na oplevering in 2024"),
    ("financiering.bedrag", "€ 12.000 per jaar"),
]

# Written after the scan was tuned on the lists above, and measured once without changes
# to the scan: the fairer recall figure (README).
HELD_OUT: list[tuple[str, str, str]] = [
    ("aanpak", "Het BSN 100000009 stond op de brief.", "bsn"),
    ("aanpak", "Ze gaf haar bsn (1234.56.782) door aan de balie.", "bsn"),
    ("resultaten", "Rekeningnummer NL44 RABO 0123 4567 89 is van haar zus.", "iban"),
    ("aanpak", "Zijn mobiel, 06 – 12 34 56 78, staat bij de corporatie.", "telefoonnummer"),
    ("aanpak", "Whatsapp hem op +316 12345678.", "telefoonnummer"),
    ("lessen", "Zijn werkmail is m.yilmaz@voorbeeldzorg.nl.", "e-mailadres"),
    ("aanpak", "Haar adres is Jan van Galenstraat 88 3e verdieping.", "adres"),
    ("aanpak", "De familie woont op het Marktplein 3 boven de bakker.", "adres"),
    ("resultaten", "Het gezin kreeg een woning in de Lange Nieuwstraat 21.", "adres"),
    ("aanpak", "Postcode 6981 CD is van zijn moeder.", "postcode"),
    ("aanpak", "Geboortedatum 01-02-1958, weduwe.", "geboortedatum"),
    ("aanpak", "Hij werd geboren op 17 september 1989.", "geboortedatum"),
    ("aanpak", "Meneer Pietersen wilde niet verhuizen.", "naam"),
    ("aanpak", "Marieke van Dam hielp bij de verhuizing.", "naam"),
    ("aanpak", "Na overleg met mevr. El Amrani ging het beter.", "naam"),
    ("resultaten", "Mohamed kreeg na een half jaar een eigen huis.", "naam"),
    ("citaten.wie", "Ria, buurvrouw", "naam"),
    ("citaten.wie", "mw. de Groot", "naam"),
    ("citaten.wie", "kees", "naam"),
    ("contact.email", "info.wijkteam@hotmail.nl", "e-mailadres"),
]


def document_with(field: str, text: str) -> dict[str, object]:
    """A case's data holding `text` in `field` (a dotted path; lists get one item)."""
    parts = field.split(".")
    data = dict(DECLARED)
    if len(parts) == 1:
        data[field] = [text] if field in ("lessen", "tips_voor_gemeenten") else text
    elif parts[0] in ("contact", "pilot"):
        data[parts[0]] = {parts[1]: text}
    else:
        data[parts[0]] = [*data.get(parts[0], []), {parts[1]: text}]  # type: ignore[misc]
    return data


def kinds_found(field: str, text: str) -> list[str]:
    """Kinds found in the field (the declared names around it are clean)."""
    data = document_with(field, text)
    target = tuple(field.split("."))
    return [
        f.kind
        for f in personal_data._findings(data, None)
        if tuple(p for p in f.loc if isinstance(p, str)) == target
    ]
