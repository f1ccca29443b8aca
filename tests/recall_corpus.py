"""The recall corpus of issue 23: at least five variants of every kind the scan must stop,
written for each way a value got through before (invisible characters, names from other
countries, names after role words, declared names, other word orders, obfuscations, new
kinds). Every name, number and address is made up; BSNs pass the 11-test and IBANs mod 97
by construction. `tests/test_privacy_corpora.py` holds that every entry is found with its
kind; `bench/privacy_scan.py` prints the figures.

Each entry is (group, field, text, kind): the text stands in `field` of a case that also
declares an organisation, a municipality, a region and two partners (`personal_data_corpus.
DECLARED`).
"""

from __future__ import annotations

SHY = "\u00ad"  # soft hyphen: what Word's optional hyphen becomes when pasted
ZWSP = "\u200b"
JOINER = "\u2060"

RECALL: list[tuple[str, str, str, str]] = [
    # Invisible characters inside a value (typed, or as an entity in Markdown)
    ("invisible", "aanpak", f"Bel haar op 06{SHY}1234{SHY}5678 na vijven.", "telefoonnummer"),
    ("invisible", "aanpak", "Bel haar op 06&shy;12345678 na vijven.", "telefoonnummer"),
    ("invisible", "aanpak", "Haar BSN is 1234&#8203;56782.", "bsn"),
    (
        "invisible",
        "resultaten",
        "Mail f.demir&#x2060;@voorbeeld.nl voor het dossier.",
        "e-mailadres",
    ),
    ("invisible", "aanpak", f"Huur ging van NL91{SHY}ABNA{SHY}0417{SHY}1643{SHY}00 af.", "iban"),
    ("invisible", "aanpak", f"Samen met Fat{ZWSP}ma De{JOINER}mir zocht de consulent.", "naam"),
    ("invisible", "lessen", "Noteer nooit 111&#xAD;222&#xAD;333 in een mail.", "bsn"),
    # Names the Dutch lists do not know, without a title
    (
        "world names",
        "aanpak",
        "Samen met Yohannes Tesfamariam zocht de consulent een kamer.",
        "naam",
    ),
    ("world names", "aanpak", "Oksana Kovalenko kreeg na drie maanden een woning.", "naam"),
    (
        "world names",
        "aanpak",
        "Volgens Abdulrahman Alhassan was de wachtlijst het probleem.",
        "naam",
    ),
    ("world names", "resultaten", "Gulalai Ahmadzai woont nu in een eigen huis.", "naam"),
    ("world names", "aanpak", "De sleutel ging naar Mehmet Yıldırım en zijn gezin.", "naam"),
    ("world names", "aanpak", "Khadija Bouzid belde elke week over de lekkage.", "naam"),
    (
        "world names",
        "aanpak",
        "Agnieszka Wiśniewska werkt in de kassen en huurt een kamer.",
        "naam",
    ),
    ("world names", "aanpak", "Samen met Semhar zocht de consulent een kamer.", "naam"),
    # Lower case, after a role word, in a quote's role
    ("role words", "aanpak", "fatma demir kreeg een woning aan de rand van de stad.", "naam"),
    ("role words", "aanpak", "De huurder (B.K.) belde elke week.", "naam"),
    ("role words", "aanpak", "Bewoner 'Henk' wilde niet verhuizen.", "naam"),
    ("role words", "aanpak", "mevrouw jansen belde over de verwarming.", "naam"),
    ("role words", "aanpak", "Dhr. Haddou kreeg een tweede kans.", "naam"),
    ("role words", "aanpak", "Zijn broer Tesfay hielp bij de verhuizing.", "naam"),
    ("role words", "citaten.wie", "oksana, huurder", "naam"),
    ("role words", "citaten.wie", "Familie Haddou", "naam"),
    # Names in image file names and links
    ("file names", "afbeeldingen.bestand", "media/fatma-demir-voor-de-deur.jpg", "naam"),
    ("file names", "afbeeldingen.bestand", "media/yohannes_tesfamariam.png", "naam"),
    ("file names", "afbeeldingen.bestand", "media/piet-jansen-0612345678.jpg", "telefoonnummer"),
    ("file names", "afbeeldingen.bestand", "media/jan-de-vries.png", "naam"),
    ("file names", "afbeeldingen.bestand", "media/woning-kerkstraat-12.jpg", "adres"),
    # Declared names that are a person's
    ("declared", "partners.naam", "Fatma Demir", "naam"),
    ("declared", "partners.naam", "Familie Haddou", "naam"),
    ("declared", "partners.naam", "Ahmed (broer van de huurder)", "naam"),
    ("declared", "regio", "de buurt van meneer Bakker", "naam"),
    ("declared", "financiering.bron", "Mevrouw De Vries", "naam"),
    ("declared", "contact.organisatie", "Jan Jansen", "naam"),
    # BSN with punctuation and line breaks
    ("bsn", "aanpak", "Het BSN 123456782, dat stond op de brief.", "bsn"),
    ("bsn", "aanpak", "Noteer het nummer 123 456\n782 nooit zo.", "bsn"),
    ("bsn", "aanpak", "Zijn bsn (1234.56.782) stond in de mail.", "bsn"),
    ("bsn", "aanpak", "BSN: 123-456-782; verder niets.", "bsn"),
    ("bsn", "lessen", "Zet nooit een BSN als 111 22 23 33 in een notitie.", "bsn"),
    # Dates of birth, also in words
    ("birth", "aanpak", "Ze is geboren op vier juni 1958 in Asmara.", "geboortedatum"),
    ("birth", "aanpak", "Hij werd op 12 maart 1961 geboren.", "geboortedatum"),
    ("birth", "aanpak", "Bewoner, geboren in '58, kreeg een woning.", "geboortedatum"),
    ("birth", "aanpak", "Haar geboortedatum: de derde januari 1990.", "geboortedatum"),
    ("birth", "aanpak", "De huurder (geb. 4-6-1958) belde.", "geboortedatum"),
    ("birth", "aanpak", "Zij is jarig op 4 juni en werd toen 66.", "geboortedatum"),
    # Addresses in any order
    ("address", "aanpak", "Ze woont op nummer 8b van de Molenweg.", "adres"),
    ("address", "aanpak", "Het gaat om de Stationsstraat, huisnummer 3.", "adres"),
    ("address", "aanpak", "Zijn flat aan de Beukenlaan nr. 12-III was te klein.", "adres"),
    ("address", "aanpak", "Het huis aan de Kerkstraat drie is verkocht.", "adres"),
    ("address", "aanpak", "Ze woont aan de Jan van Galenstraat 88 boven de bakker.", "adres"),
    ("address", "titel", "Een uitbouw aan de Molenweg nummer acht", "adres"),
    # Obfuscated e-mail addresses
    ("e-mail", "aanpak", "Mail fatma at voorbeeld dot nl voor het dossier.", "e-mailadres"),
    ("e-mail", "aanpak", "Schrijf naar f.demir (at) voorbeeld (punt) nl.", "e-mailadres"),
    ("e-mail", "aanpak", "Zijn adres is piet apenstaartje voorbeeld punt nl.", "e-mailadres"),
    ("e-mail", "aanpak", "Contact via jan [at] voorbeeld [dot] nl.", "e-mailadres"),
    ("e-mail", "aanpak", "Mail naar k.de.boer @ hotmail.com als het kan.", "e-mailadres"),
    # Links with names, dates of birth or credentials
    ("links", "bronnen.url", "https://jan:geheim@www.voorbeeld.nl/dossier", "inloggegevens"),
    ("links", "bronnen.url", "https://www.voorbeeld.nl/verhalen/fatma-demir", "naam"),
    (
        "links",
        "bronnen.url",
        "https://www.voorbeeld.nl/zoek?geboortedatum=1958-06-04",
        "geboortedatum",
    ),
    ("links", "partners.url", "https://www.voorbeeld.nl/mensen/jan_jansen", "naam"),
    (
        "links",
        "aanpak",
        "Zie [het dossier](https://beheer:wachtwoord@intranet.voorbeeld.nl/x).",
        "inloggegevens",
    ),
    ("links", "aanpak", "Lees [het verhaal](https://www.voorbeeld.nl/oksana-kovalenko).", "naam"),
    # A personal mailbox where the contract asks for a team
    ("mailbox", "contact.email", "v.achternaam@corporatie.nl", "e-mailadres"),
    ("mailbox", "contact.email", "f.demir@corporatie.nl", "e-mailadres"),
    ("mailbox", "contact.email", "yohannes.tesfamariam@corporatie.nl", "e-mailadres"),
    ("mailbox", "contact.email", "j.de.vries@corporatie.nl", "e-mailadres"),
    ("mailbox", "contact.email", "wijkteam.oost@gmail.com", "e-mailadres"),
    # Licence plates, one of every Dutch sidecode that has digits and letters
    ("plates", "aanpak", "De auto met kenteken 12-ABC-3 stond voor de deur.", "kenteken"),
    ("plates", "aanpak", "Zijn bus (GB-123-X) stond er elke dag.", "kenteken"),
    ("plates", "aanpak", "Het busje 1-KBB-00 hoort bij de huurder.", "kenteken"),
    ("plates", "aanpak", "Haar auto, XX-99-XX, stond er al jaren.", "kenteken"),
    ("plates", "aanpak", "De scooter met plaat D-123-FG werd gestolen.", "kenteken"),
    ("plates", "aanpak", "Kenteken 99 XXX 9 staat in de melding.", "kenteken"),
    ("plates", "aanpak", "De camper (ab-12-cd) stond op de stoep.", "kenteken"),
    # Postcodes, IBANs and phone numbers written the ways people paste them
    ("postcode", "aanpak", "Het huis staat op 7001 AB 12.", "postcode"),
    ("postcode", "aanpak", "Verhuisd naar 3511 lk 14a, vlak bij het station.", "postcode"),
    ("postcode", "aanpak", "Postcode 6981CD hoort bij haar moeder.", "postcode"),
    ("postcode", "aanpak", "Adres: 1234&nbsp;AB.", "postcode"),
    ("postcode", "resultaten", "Ze woont nu in 9711\u00a0GZ.", "postcode"),
    ("iban", "aanpak", "Van NL44-RABO-0123-4567-89 werd de huur betaald.", "iban"),
    ("iban", "aanpak", "Rekening nl91 abna 0417 1643 00 van de bewoner.", "iban"),
    ("iban", "aanpak", "Betaald via DE89 3704 0044 0532 0130 00.", "iban"),
    ("iban", "aanpak", "IBAN: NL91.ABNA.0417.1643.00, op naam van haar zus.", "iban"),
    ("iban", "aanpak", "Van NL91ABNA0417164300 en daarna van NL44RABO0123456789.", "iban"),
    (
        "phone",
        "aanpak",
        "Zijn mobiel, 06 – 12 34 56 78, staat bij de corporatie.",
        "telefoonnummer",
    ),
    ("phone", "aanpak", "Whatsapp hem op +316 12345678.", "telefoonnummer"),
    ("phone", "aanpak", "Bel (06) 1234 5678 na vijven.", "telefoonnummer"),
    ("phone", "aanpak", "Bel 0031 6 12345678 als het misgaat.", "telefoonnummer"),
    ("phone", "aanpak", "Haar nummer: 06.12.34.56.78.", "telefoonnummer"),
    ("phone", "aanpak", "Bel &#48;6-12345678 als het misgaat.", "telefoonnummer"),
    ("links", "partners.url", "https://admin:Welkom01@portaal.voorbeeld.nl/", "inloggegevens"),
    (
        "links",
        "aanpak",
        "Het dossier staat op ftp://huurder:geheim@server.voorbeeld.nl/map.",
        "inloggegevens",
    ),
    ("links", "contact.url", "https://wijkteam@www.voorbeeld.nl/contact", "inloggegevens"),
    # Client, dossier and registration numbers
    ("numbers", "aanpak", "Zijn cliëntnummer is 2023-44718 bij het wijkteam.", "dossiernummer"),
    ("numbers", "aanpak", "Dossiernummer: WZ-88231 staat op de brief.", "dossiernummer"),
    ("numbers", "aanpak", "Registratienummer 2024/0193/AB van de aanvraag.", "dossiernummer"),
    ("numbers", "aanpak", "Onder klantnummer 100.238.77 is de huur verlaagd.", "dossiernummer"),
    ("numbers", "aanpak", "Haar huurdersnummer is 00481932.", "dossiernummer"),
]

# Strings of the vocabulary file (`cases/_vocabulaire.yaml`), any section: each must be
# found (`personal_data.scan_strings`).
VOCABULARY: list[tuple[str, str]] = [
    ("label", "Gezin Demir, Kerkstraat 12"),
    ("omschrijving", "Vragen? Bel 06-12345678."),
    ("omschrijving", "Voor de familie van Fatma Demir in de Molenweg."),
    ("label", "Wonen aan de Dorpsstraat 14"),
    ("omschrijving", "Informatie via f.demir@gmail.com."),
]


# Written by the same engineer after the scan was built and measured once, unchanged:
# 20 of 20 found, 1 of 10 ordinary sentences refused (`Aan de Lek ...`: a river after a
# capitalised common word, since fixed). Not independent evidence: no fresh tester was
# available (see docs/trust-and-privacy.md).
LATE_RECALL: list[tuple[str, str, str]] = [
    ("aanpak", "Haar zoon Dawit Berhane kwam elke zondag.", "naam"),
    ("aanpak", "We spraken met buurvrouw Ilse over de tuin.", "naam"),
    ("aanpak", "Het gezin van Hussein Al-Khatib kreeg voorrang.", "naam"),
    ("aanpak", "De bewoonster, Nadia El Idrissi, had vier kinderen.", "naam"),
    ("aanpak", "Contact liep via taras.shevchenko@outlook.com.", "e-mailadres"),
    ("aanpak", "Hij woont sinds mei op Lindelaan 44-bis.", "adres"),
    ("aanpak", "Zijn adres: Vondelstraat 7hs, Amsterdam.", "adres"),
    ("aanpak", "BSN 1234 56 782 werd per ongeluk gemaild.", "bsn"),
    ("aanpak", "Geb.datum 17-09-1989, alleenstaand.", "geboortedatum"),
    ("aanpak", "Ze werd in 1958 geboren in Keren.", "geboortedatum"),
    ("aanpak", "Bel gerust op 0031-6-2345-6789.", "telefoonnummer"),
    ("aanpak", "Haar rekening NL02 ABNA 0123 4567 89 stond rood.", "iban"),
    ("aanpak", "Zijn kenteken is 56-KLN-4 volgens de melding.", "kenteken"),
    ("aanpak", "Zaaknummer Z/24/118923 bij de gemeente.", "dossiernummer"),
    ("aanpak", "Postcode 3062 PA, derde etage.", "postcode"),
    ("aanpak", "Zie https://www.voorbeeld.nl/bewoners/dawit-berhane-1989.", "naam"),
    ("citaten.wie", "Ilse (buurvrouw)", "naam"),
    ("citaten.wie", "moeder van Dawit", "naam"),
    ("aanpak", "Meneer Ç. Öztürk belde over de verwarming.", "naam"),
    ("aanpak", "De familie Nguyen woont er nu twee jaar.", "naam"),
]
LATE_ORDINARY: list[tuple[str, str]] = [
    ("aanpak", "De proef liep van maart 2023 tot en met juni 2024 in twaalf wijken."),
    ("aanpak", "Samen met Lister en de GGD maakte de corporatie een plan voor de wijk."),
    ("aanpak", "Het Rijk gaf via het Volkshuisvestingsfonds 4,5 miljoen euro."),
    ("aanpak", "Aan de Lek bij Culemborg staan de woningen op palen."),
    ("aanpak", "Medewerkers werkten in Teams en Excel om de wachtlijst bij te houden."),
    ("aanpak", "Vanaf Utrecht Centraal is het tien minuten met bus 12."),
    ("aanpak", "De Raad van State gaf de gemeente gelijk in 2022."),
    ("aanpak", "Ouderen in Ouderkerk aan den IJssel en Nieuwerkerk aan den IJssel deden mee."),
    ("aanpak", "In Sint-Michielsgestel en 's-Hertogenbosch zijn de wachtlijsten lang."),
    ("aanpak", "Op de Rijnkade en de Nieuwe Binnenweg liggen veel winkels."),
]

# Found when issue 27's search corpus (33 stories by another engineer, never seen by the
# scan) met this scan: 3 false alarms in 33 files, all fixed (a brand before a region or
# river as an organisation; a town whose name ends like a street before a number word).
# With variants of the same kinds written then.
CROSS_CORPUS_ORDINARY: list[tuple[str, str]] = [
    ("organisatie", "Domesta Drenthe"),
    ("organisatie", "Woongoed Waal"),
    ("partners.naam", "Wonion Achterhoek"),
    ("financiering.bron", "Stichting Welzijn Veluwe"),
    ("aanpak", "De corporatie in Harderwijk bouwde zes Skaeve Huse aan de rand van de stad."),
    ("aanpak", "In Harderwijk zes Skaeve Huse, in Beverwijk twee."),
    ("aanpak", "Katwijk acht woningen, Noordwijk vier: zo verdeelden ze het."),
]
CROSS_CORPUS_RECALL: list[tuple[str, str, str]] = [
    ("organisatie", "Jan Drenthe", "naam"),
    ("partners.naam", "Fatma Waal", "naam"),
    ("aanpak", "Ze woont aan de Kerkstraat zes.", "adres"),
    ("aanpak", "Het huis aan de Stationsweg acht.", "adres"),
]

# Written by the engineer who fixed what issue 23's fresh tester found (`held_out_corpus`),
# a few per fixed kind, before measuring: so the fixes are not fitted to the tester's own
# sentences. Not independent evidence either. `filename` is a case's file name.
AFTER_TESTER_RECALL: list[tuple[str, str, str]] = [
    # names in lower case or in capitals
    ("aanpak", "De sleutel ging naar karin de jong en haar zoon.", "naam"),
    ("aanpak", "Op het spreekuur zat fatima el amrani al te wachten.", "naam"),
    ("aanpak", "GERRIT VAN DIJK TEKENDE HET CONTRACT.", "naam"),
    ("aanpak", "De brief was voor r. pinas, die niet thuis was.", "naam"),
    ("aanpak", "wim sprak de bewonerscommissie toe.", "naam"),
    ("aanpak", "De buurvrouw, olga nowak, hielp mee.", "naam"),
    # names in file names and media paths
    ("filename", "familie-de-boer-krijgt-een-tuin.yaml", "naam"),
    ("filename", "dhr-pinas-woont-weer.yaml", "naam"),
    ("afbeeldingen.bestand", "media/mevrouw-el-idrissi-keuken.jpg", "naam"),
    ("afbeeldingen.bestand", "media/2024/gezin-haddou/voordeur.jpg", "naam"),
    ("afbeeldingen.bestand", "media/senait-tesfamariam-balkon.jpg", "naam"),
    # a second person joined by `en`, role words
    ("aanpak", "Tsega Berhane en Awet Ghebreyesus tekenden samen.", "naam"),
    ("aanpak", "Cliënte 'Fenna' kreeg hulp bij de verhuizing.", "naam"),
    ("aanpak", "De patiënt (K.B.) kwam terug naar de wijk.", "naam"),
    # dates of birth
    ("aanpak", "Hij is van '61 en woont alleen.", "geboortedatum"),
    ("aanpak", "Zij kwam 12 maart 1975 ter wereld in Asmara.", "geboortedatum"),
    ("aanpak", "Meneer werd 3 mei 1949 geboren in Tiel.", "geboortedatum"),
    ("aanpak", "° 12-03-1975, alleenstaand.", "geboortedatum"),
    ("aanpak", "Ik ben van 1982, zegt ze.", "geboortedatum"),
    ("bronnen.url", "https://www.voorbeeld.nl/dossier/1958-06-04", "geboortedatum"),
    # addresses
    ("aanpak", "Postcode 1234ab, nummer 5.", "postcode"),
    ("aanpak", "Ze woont in de Kerkstraat op 14b.", "adres"),
    ("aanpak", "Op nummer twaalf van de Lindelaan woont hij al jaren.", "adres"),
    # e-mail written to fool a machine
    ("aanpak", "Mail: p . jansen @ gmail . com", "e-mailadres"),
    ("aanpak", "Schrijf naar fatma{at}hotmail{dot}com voor de sleutel.", "e-mailadres"),
    ("aanpak", "Stuur het naar p.jansen(@)kpnmail.nl.", "e-mailadres"),
    ("aanpak", "Antwoord ging naar h.smit@@ziggo.nl.", "e-mailadres"),
    # personal mailboxes as the contact
    ("contact.email", "pdejong@corporatie.nl", "e-mailadres"),
    ("contact.email", "jvandijk@woonstichting.nl", "e-mailadres"),
    ("contact.email", "henk@corporatie.nl", "e-mailadres"),
    ("contact.email", "van.dijk@corporatie.nl", "e-mailadres"),
    # client and dossier numbers
    ("aanpak", "Haar klant-id 99812 stond op het formulier.", "dossiernummer"),
    ("aanpak", "Dossier: 2023-5521, afgesloten.", "dossiernummer"),
    ("aanpak", "Huurcontractnummer: 88-1234.", "dossiernummer"),
    ("aanpak", "Zijn indicatienummer 556677 verliep.", "dossiernummer"),
    ("aanpak", "Cliëntnummer (88123) in de brief.", "dossiernummer"),
    # phone numbers
    ("aanpak", "Bel 06/87654321 na vijven.", "telefoonnummer"),
    ("aanpak", "Haar vaste nummer is 0314/654321.", "telefoonnummer"),
    ("aanpak", "Ze zei: nul zes een twee drie vier vijf zes zeven acht.", "telefoonnummer"),
    ("aanpak", "Je kon [haar appen](https://wa.me/31687654321) na vijven.", "telefoonnummer"),
    ("bronnen.url", "https://api.whatsapp.com/send?phone=31612345678", "telefoonnummer"),
    # a BSN digit by digit
    ("aanpak", "BSN 1 1 1 2 2 2 3 3 3 op de brief.", "bsn"),
    ("aanpak", "Burgerservicenummer 1.2.3.4.5.6.7.8.2 doorgegeven.", "bsn"),
]
AFTER_TESTER_ORDINARY: list[tuple[str, str]] = [
    ("aanpak", "In de wijk wonen veel jonge gezinnen en ouderen."),
    ("aanpak", "DE HUURDERS KREGEN EEN NIEUWE KEUKEN."),
    ("aanpak", "de bakker op de hoek hielp mee met de buurtmaaltijd."),
    ("aanpak", "roos en tulpen stonden in de gemeenschappelijke tuin."),
    ("filename", "familie-woningen-in-zwolle.yaml"),
    ("afbeeldingen.bestand", "media/gezinnen-aan-tafel.jpg"),
    ("afbeeldingen.bestand", "media/huurder-met-sleutel.jpg"),
    ("filename", "bewoner-van-de-kerkstraat.yaml"),
    ("aanpak", "Stichting Timon en Lindenhout werkten samen."),
    ("aanpak", "Het complex is van 1965 en wordt gerenoveerd."),
    ("aanpak", "Het plan werd geboren op 3 maart 2022 aan de keukentafel."),
    ("aanpak", "De woningen zijn van 1970."),
    ("aanpak", "We kozen voor plan B. De bewoners waren blij met die keuze."),
    ("aanpak", "Zie bijlage A. de Raad van State besliste anders."),
    ("aanpak", "Het ging om blok C. de bewoners daar kozen voor renovatie."),
    ("lessen", "Het werk aan de J.P. Coenstraat begon in maart."),
    ("aanpak", "Het project kwam in 2019 ter wereld als proef."),
    ("bronnen.url", "https://www.voorbeeld.nl/nieuws/2023-06-04/opening"),
    ("aanpak", "In de Dorpsstraat kwamen drie nieuwe woningen."),
    ("aanpak", "Aan de Stationsweg twaalf grote appartementen erbij."),
    ("aanpak", "In de Kerkstraat op 12 mei was het buurtfeest."),
    ("aanpak", "Op nummer één van de agenda stond de huurverhoging."),
    ("aanpak", "Mail het wijkteam via het contactformulier."),
    ("aanpak", "Zie hoofdstuk 3 . 2 voor de cijfers."),
    ("contact.email", "verhuur@corporatie.nl"),
    ("contact.email", "klantenservice@woonstichting.nl"),
    ("contact.email", "bewonerszaken@corporatie.nl"),
    ("contact.email", "wijkbeheer@corporatie.nl"),
    ("aanpak", "Het dossier bleef drie maanden open."),
    ("aanpak", "Dossier: zie de bijlage."),
    ("aanpak", "Deelnemers kregen een id-kaart en een sleutel."),
    ("aanpak", "De score was 8/10 en in 2023/2024 liepen er twee pilots."),
    ("aanpak", "De scores waren 1 2 3 4 5 6 7 8 9 op tien vragen."),
    ("aanpak", "De Maria Montessori School opende een buurtkamer."),
    ("aanpak", "Het Wilhelmina Kinderziekenhuis hielp mee."),
    ("aanpak", "Het Jeroen Bosch Ziekenhuis en het Antoni van Leeuwenhoek deden mee."),
    ("aanpak", "Ze gingen naar het Jan van Goyen College."),
    ("partners.naam", "Maria Montessori School"),
    ("aanpak", "Hij groeide op in Raqqa en vluchtte via Gaziantep."),
    ("aanpak", "Prinses Amalia bezocht het buurthuis."),
    ("aanpak", "De jongeren van Het Anker en De Brug deden mee."),
]

# Missed when a fresh tester (given only issue 23; its own 104 variants and 70 ordinary
# sentences, 6 December 2026: 90 found, 5 more refused for their invisible characters, no
# false alarm) met this scan, and fixed as kinds: an IBAN whose bank's own check digit
# is wrong (still someone's account), a house number written on after the postcode, a
# birth-date cue that says whose date it is; later the same day, initials with a prefix
# before a surname that is also a common word or a place (`J. de Vries`, `H. van Dam`),
# and numbers in the digits of other scripts. Variants of each beside the tester's own.
TESTER_RECALL: list[tuple[str, str, str]] = [
    (
        "aanpak",
        "Hij heeft nog een Belgische rekening, BE68 5390 0754 7034, waar zijn loon op komt.",
        "iban",
    ),
    ("aanpak", "De borg gaat naar BE68539007547034.", "iban"),
    ("aanpak", "Stuur de sleutel naar 7001AB12 ter attentie van de bewoner.", "postcode"),
    ("resultaten", "Het nieuwe adres is 3512JK4b, tweede etage.", "postcode"),
    ("aanpak", "Geboortedatum huurder: 1985-11-23.", "geboortedatum"),
    ("lessen", "Geboortedatum van de bewoonster: 4 juni 1958.", "geboortedatum"),
    ("aanpak", "Het gesprek met J. de Vries liep goed.", "naam"),
    ("aanpak", "Toen belde J.P. van der Berg ons op.", "naam"),
    ("resultaten", "Daarna kwam H. van Dam nog even langs.", "naam"),
    ("lessen", "De sleutel is afgegeven aan M. ter Horst.", "naam"),
    ("aanpak", "R. de Groot en S. van Dijk tekenden samen.", "naam"),
    ("aanpak", "Volgens H.J. van den Bosch was de woning te klein.", "naam"),
    ("aanpak", "Bel haar op ٠٦-١٢٣٤٥٦٧٨ na vijven.", "telefoonnummer"),
    ("aanpak", "Zijn nummer is ०६ १२३४ ५६७८.", "telefoonnummer"),
    ("resultaten", "Het adres is ٧٠٠١ AB in Doetinchem.", "postcode"),
    ("aanpak", "De huur gaat van NL٩١ABNA٠٤١٧١٦٤٣٠٠ af.", "iban"),
]

# A third fresh tester (given only issue 23, 6 December 2026, evening: its own 703
# variants and 334 ordinary sentences, through `check`): 628 found, 27 ordinary sentences
# refused. Fixed as kinds, each with variants beside the tester's own: a contact's phone
# field with more than a number in it (it was read as one number, or not at all), values
# split by an HTML comment or tag or by a hyphen at a line's end; and ordinary sentences
# refused (service numbers, neighbourhoods after `wijk` or `in`, a place after a point of
# the compass, a street with its article, a law's year, a block's range of numbers, care
# organisations and sayings with a name in them, a word and a number).
THIRD_TESTER_RECALL: list[tuple[str, str, str]] = [
    ("contact.telefoon", "06-12345678 (mobiel)", "telefoonnummer"),
    ("contact.telefoon", "0314 377 600 / 06-12345678", "telefoonnummer"),
    ("contact.telefoon", "Bereikbaar op +31 6 1234 5678 voor de huurder", "telefoonnummer"),
    ("contact.telefoon", "0314-123456 (vraag naar Oksana Kovalenko)", "naam"),
    ("contact.telefoon", "Fatma Demir", "naam"),
    ("contact.telefoon", "BSN 123456782", "bsn"),
    ("contact.telefoon", "Mail oksana.kovalenko@gmail.com voor vragen", "e-mailadres"),
    ("contact.telefoon", "Molenweg 8b", "adres"),
    ("aanpak", "BSN 1234<!-- -->56782 staat in de brief.", "bsn"),
    ("aanpak", "Bel 06<span>12345678</span> voor de sleutel.", "telefoonnummer"),
    ("aanpak", "Mail: fatma.demir@gmail<!-- x -->.com", "e-mailadres"),
    ("resultaten", "Fat<b>ma</b> Demir kreeg de sleutel.", "naam"),
    ("contact.telefoon", "06<span>12345678</span>", "telefoonnummer"),
    # what a tag or comment holds is shown as written, and read where it stands
    ("aanpak", '<img alt="Fatma Demir" src="woning.png">', "naam"),
    ("aanpak", "<!-- Fatma Demir belt terug -->", "naam"),
    (
        "aanpak",
        'Zie <a href="https://jan:geheim@portaal.example.nl/">verslag</a>.',
        "inloggegevens",
    ),
    ("aanpak", "Rekeningnummer 0123456789 bij de Rabobank.", "dossiernummer"),
    ("aanpak", "Gironummer 1234567 van de huurder.", "dossiernummer"),
    ("partners.naam", "J. de Vries", "naam"),
    ("aanpak", "Ze woont op Dorpsstraat huisnummer achtentwintig.", "adres"),
    ("aanpak", "Ze woont op de Dorpsstraat, nummer achtentwintig.", "adres"),
    ("resultaten", "Ze woont op huisnummer drieëntwintig in de Molenweg.", "adres"),
    ("aanpak", "Ze woont op Molenweg #8.", "adres"),
    ("aanpak", "Ze woont op 8 Molenweg.", "adres"),
    ("resultaten", "Op 8b Molenweg woont nu een jong gezin.", "adres"),
    ("aanpak", "Ze woont op de Rue Neuve 5 in Brussel.", "adres"),
    ("aanpak", "Haar broer woont aan de Via Regia 12 in Maastricht.", "adres"),
    ("aanpak", "Hij woont op Rue de la Loi 16, Brussel.", "adres"),
    ("aanpak", "Kaczmarek kreeg de sleutel.", "naam"),
    ("aanpak", "Daarna kwam Nowak nog even langs.", "naam"),
    ("resultaten", "Kovalenko woont er nu een jaar.", "naam"),
    ("aanpak", "Daarna kwam Оксана Коваленко langs.", "naam"),
    ("aanpak", "Ze heette Оксана en kwam uit Kyiv.", "naam"),
    ("aanpak", "De familie Παπαδόπουλος kreeg een woning.", "naam"),
    ("aanpak", "De huurder (’58) woont er al lang.", "geboortedatum"),
    ("aanpak", "Geboren op 4-jun-1958.", "geboortedatum"),
    ("aanpak", "Gebdat. 04061958.", "geboortedatum"),
    ("lessen", "Ze is van 4 juni 1958, zei ze trots.", "geboortedatum"),
    ("aanpak", "Geboren op 4 VI 1958.", "geboortedatum"),
    ("aanpak", "Geboren op 4-6-’58.", "geboortedatum"),
    ("aanpak", "Sinds haar geboorte op 4 juni 1958 woont ze in de wijk.", "geboortedatum"),
    ("contact.email", "kjansen@corporatie.example.nl", "e-mailadres"),
    ("contact.email", "pbakker@woonstichting.nl", "e-mailadres"),
    ("filename", "fatma-kreeg-een-woning.yaml", "naam"),
    ("filename", "de-sleutel-voor-oksana.yaml", "naam"),
    ("afbeeldingen.bestand", "media/oksana.png", "naam"),
    ("afbeeldingen.bestand", "media/FatmaDemir.png", "naam"),
    ("afbeeldingen.bestand", "media/MehmetYilmaz.jpg", "naam"),
    (
        "aanpak",
        "Zie [verslag](https://portaal.example.nl/?user=jdevries&password=Welkom01).",
        "inloggegevens",
    ),
    ("bronnen.url", "https://portaal.example.nl/login?wachtwoord=Zomer2024", "inloggegevens"),
    ("bronnen.url", "https://portaal.example.nl/?token=9f8e7d6c5b4a39281706", "inloggegevens"),
    ("bronnen.url", "https://www.example.nl/huurders/19580604", "geboortedatum"),
    ("bronnen.url", "https://www.example.nl/huurder?geb=04061958", "geboortedatum"),
    ("aanpak", "Zie www.example.nl/bewoners/fatma-demir voor meer.", "naam"),
    ("contact.organisatie", "H.J. van den Bosch", "naam"),
    ("aanpak", "BSN 12345678-\n2 staat in de brief.", "bsn"),
    ("aanpak", "Ze woont op Molen-\nweg 8.", "adres"),
    ("lessen", "Bel haar op 06-1234-\n5678 na vijven.", "telefoonnummer"),
    ("aanpak", "Het cliëntnummer van de huurder was toen 4481236.", "dossiernummer"),
    ("aanpak", "Het cliëntnummer van mevrouw in ons systeem is 4481236.", "dossiernummer"),
    ("aanpak", "Het dossier heeft nummer 2023-0457.", "dossiernummer"),
    ("aanpak", "CAK-nummer 1234567.", "dossiernummer"),
    ("resultaten", "Wmo-beschikking nr. 2023-1234 van de huurder.", "dossiernummer"),
    ("aanpak", "Referentie 2023-0457 in het systeem.", "dossiernummer"),
    ("aanpak", "| cliëntnummer | 4481236 |\n|---|---|", "dossiernummer"),
    ("aanpak", "Rekening NL 44 RABO 0123 4567 89.", "iban"),
    ("lessen", "De borg ging naar NL 91 ABNA 0417 1643 00, haar rekening.", "iban"),
    ("aanpak", "Het adres is 7001-AB-12.", "postcode"),
    ("aanpak", "Het adres is 7001-AB 12, bovenwoning.", "postcode"),
    # the rules made for the false alarms below still find what they must
    ("aanpak", "Daarna kwam mevrouw Waal langs.", "naam"),
    ("aanpak", "Zijn vader Abraham kwam mee naar de bezichtiging.", "naam"),
    ("aanpak", "Daarna sprak ik Jansen 2 keer over de huur.", "naam"),
    ("aanpak", "Ze woont op Molenweg 8-2, driehoog.", "adres"),
    ("aanpak", "Hij woont aan de Zuiderring 12 in Doetinchem.", "adres"),
    ("aanpak", "Het gezin De Huet kreeg de sleutel van meneer De Huet zelf.", "naam"),
]

THIRD_TESTER_ORDINARY: list[tuple[str, str]] = [
    ("contact.telefoon", "0314 377 600 (ma-vr 9-17 uur)"),
    ("contact.telefoon", "088 900 4000, wijkteam Oost"),
    ("contact.telefoon", "14 0314"),
    ("aanpak", "De Huurcommissie is bereikbaar op 0800-4887243."),
    ("aanpak", "Bel 14 0314 of de Huurcommissie (0800-4887243) als je twijfelt."),
    ("aanpak", "Het team belde 088 900 4000, het algemene nummer van de zorgaanbieder."),
    ("aanpak", "Voor vragen over toeslagen: 0800-0543, de BelastingTelefoon."),
    ("aanpak", "In Noord-\nHolland en Zuid-Holland is de woningnood groot."),
    ("aanpak", "Zie <https://www.rijksoverheid.nl/onderwerpen/huurwoning> voor meer."),
    ("aanpak", "Het gezin uit Eritrea kreeg een woning in de wijk De Huet."),
    ("citaten.wie", "wijkagent in De Huet"),
    ("resultaten", "Twaalf huishoudens uit Het Overstegen deden mee."),
    ("aanpak", "In de buurt De Hoven staan vooral eengezinswoningen."),
    ("aanpak", "GGD Noord- en Oost-Gelderland deed de medische beoordeling."),
    ("lessen", "Ook in Oost-Gelderland, Zuid-Limburg en West-Betuwe is er woningnood."),
    ("aanpak", "Midden-Drenthe en Noordoost-Friesland kozen voor dezelfde aanpak."),
    ("aanpak", "In de Laan van Nieuw Oost-Indië komt een buurtkamer."),
    ("aanpak", "De Wet inburgering 2021 en de Huisvestingswet 2014 gelden."),
    ("aanpak", "Het Akkoord van Groningen 2024 is daarbij leidend."),
    ("aanpak", "Dr. Leo Kannerhuis en Van Boeijen gaven advies over prikkelarm wonen."),
    ("aanpak", "Een inkomen van Jan Modaal is niet genoeg voor een huis in de vrije sector."),
    ("lessen", "Jan en alleman wil meepraten; kies vooraf wie beslist."),
    ("aanpak", "Hij is een echte Pietje Precies als het om de huur gaat."),
    ("aanpak", "Jantje lacht, Jantje huilt: zo ging het ook met de pilot."),
    ("aanpak", "Blok 4 van de flats aan de Molenweg wordt als eerste gesloopt."),
    ("aanpak", "Fase 2 begon in mei, Portiek 3 volgde in juni."),
    ("aanpak", "Het complex Molenweg 2-40 wordt in 2026 gesloopt."),
    ("aanpak", "Het dossiernummer werd in 2023 ingevoerd."),
    ("aanpak", "Het dossier van de familie telt 1200 pagina's."),
    ("aanpak", "Het dossier bevat 35 brieven en 120 e-mails."),
    ("aanpak", "De referentie naar de Woningwet 2015 klopt."),
    ("aanpak", "Tussen 2020-2024 bouwden we 120 woningen."),
    ("partners.naam", "Dr. Leo Kannerhuis"),
    ("aanpak", "Zie <b>de wijk</b> en <em>het plan</em> voor meer."),
    ("aanpak", "Het rekeningnummer staat op de factuur."),
    ("bronnen.url", "https://www.example.nl/zoek?key=woning&page=2"),
    ("bronnen.url", "https://www.example.nl/nieuws/20240604-nieuwe-woningen"),
    ("aanpak", "Zie www.rijksoverheid.nl/onderwerpen/huurwoning voor meer."),
    ("organisatie", "Weller"),
    ("aanpak", "Shell en Philips sponsorden het buurtfeest."),
    ("aanpak", "In de Kerkstraat staan achtentwintig woningen."),
    ("aanpak", "Via Doetinchem kregen 12 gezinnen een woning."),
    ("aanpak", "Zie punt #8 van de agenda."),
    ("aanpak", "Op 12 mei begon het werk aan de Molenweg."),
    ("aanpak", "Het gaat om 8 Molenweg-woningen en 3 Kerkstraat-adressen."),
    ("aanpak", "De Rue Neuve is een winkelstraat in Brussel."),
    ("aanpak", "Na de geboorte van haar kind verhuisde ze naar een grotere woning."),
    ("aanpak", "Het huis is van 1965 en het complex is van de corporatie."),
    ("aanpak", "De woningen (1965) worden gerenoveerd."),
    ("aanpak", "Het verslag van 04062023 staat online."),
    ("contact.email", "bbeheer@corporatie.nl"),
    ("contact.email", "klantenservice@corporatie.nl"),
    ("filename", "tiny-houses-almere-poort.yaml"),
    ("filename", "amber-alert-in-de-wijk.yaml"),
    ("filename", "roos-en-tulpen-in-de-tuin.yaml"),
    ("afbeeldingen.bestand", "media/NieuweWoningen.jpg"),
    ("afbeeldingen.bestand", "media/IMG_20230512.jpg"),
]

# A fourth fresh tester (given only issue 23, 6 December 2026, evening, after the third's
# fixes: its own 574 variants and 407 ordinary texts through `check`): 529 found, 29
# refused. Fixed as kinds, with variants beside its own.
FOURTH_TESTER_RECALL: list[tuple[str, str, str]] = [
    ("lessen", "Vraag het Mustafa zelf, niet zijn begeleider.", "naam"),
    ("aanpak", "Vraag het Fatma zelf, niet haar begeleider.", "naam"),
    ("aanpak", "Meneer Bakker van de Molenstraat kwam langs.", "naam"),
    ("aanpak", "Daarna kwam dr. Jansen nog langs.", "naam"),
    ("aanpak", "BSN 22169593 (acht cijfers, zonder de nul) stond in het dossier.", "bsn"),
    ("aanleiding", "BSN 35488219 staat in het systeem.", "bsn"),
    ("aanleiding", "Vreemdelingennummer 2345678901 stond op het W-document.", "dossiernummer"),
    ("aanleiding", "Het vreemdelingennummer van de man was 2345678901.", "dossiernummer"),
    ("aanpak", "De familie woont in de Anjerlaan (nummer 23).", "adres"),
    ("aanleiding", "Ze woont op de Molenweg (nr. 8).", "adres"),
    ("resultaten", "Ze woont in de Molenweg (8).", "adres"),
    ("lessen", "Op de Grote Markt nummer zeven woont zij nu.", "adres"),
    ("aanleiding", "Zij woont op De Dam 7.", "adres"),
    ("aanleiding", "Voor ze vluchtte woonde ze in de vulytsia Khreshchatyk 22, kv. 5.", "adres"),
    ("aanleiding", "In Polen woonde hij aan de ul. Marszałkowska 12 m. 4.", "adres"),
    ("aanpak", "Zijn familie woont in de Rue Hassan II n° 45, Casablanca.", "adres"),
    ("aanpak", "Zijn broer woont aan de Atatürk Caddesi No: 12 Daire 3.", "adres"),
    ("aanpak", "De woning op de Laan van Nieuw Oost-Indië 3 is aangepast.", "adres"),
    ("aanpak", "Ze woont aan de Laan van Meerdervoort 120.", "adres"),
    ("aanpak", "Gesprek met De Vries over de huurachterstand.", "naam"),
    ("aanpak", "Daarna belde Van Dijk de corporatie.", "naam"),
    ("resultaten", "De Jong kreeg de sleutel in maart.", "naam"),
    ("aanpak", "Met Ter Horst gesproken over de verhuizing.", "naam"),
    ("regio", "Fam. Haddad", "naam"),
    ("contact.organisatie", "Fam. Haddad", "naam"),
    ("aanpak", "De fam. Haddad kreeg de sleutel.", "naam"),
    ("aanpak", "j. de vries belde de corporatie.", "naam"),
    ("aanpak", "De vereniging Fatma Demir hielp niet, zei ze.", "naam"),
    ("aanpak", "De huurder 'Fatma Demir' belde.", "naam"),
    ("aanleiding", "De brief was gericht aan j.j. de vries-bakker.", "naam"),
    ("resultaten", "Hij las de brief van p. de groot voor.", "naam"),
    ("filename", "huurder-geboren-04-06-1958.yaml", "geboortedatum"),
    ("filename", "huurder-04-06-1958.yaml", "geboortedatum"),
    ("afbeeldingen.bestand", "media/huurder-19580604.jpg", "geboortedatum"),
    ("resultaten", "Schrijf naar fatmademir op gmail punt com.", "e-mailadres"),
]

FOURTH_TESTER_ORDINARY: list[tuple[str, str]] = [
    ("aanpak", "De flats aan de Dr. Huber Noodtstraat en de Mgr. Nolensplein zijn oud."),
    ("resultaten", "Op de Prof. Dr. Dorgelolaan en de Burg. Van Nispenstraat kwamen woningen."),
    ("aanpak", "Bij de Nelson Mandelabrug en het Koning Willem-Alexanderplein komen woningen."),
    ("aanpak", "Een Philips-lamp met bewegingssensor en een Bosch-wasmachine hielpen."),
    ("aanleiding", "Door de Wet Hillen en de Wet op de huurtoeslag veranderde de rekensom."),
    ("afwijkingen.grondslag.naam", "Wet Mulder"),
    ("aanpak", "Een tolk Tigrinya en een tolk Dari waren bij elk gesprek."),
    ("aanleiding", "Veel bewoners spreken Tigrinya, Dari, Farsi, Koerdisch of Berbers."),
    ("aanpak", "Met Nowruz, Meskel en het Suikerfeest organiseerde de buurt een maaltijd."),
    ("aanleiding", "Rond Keti Koti en Koningsdag was het druk in het buurthuis."),
    ("tips_voor_gemeenten", "Joost mag het weten waarom dit zo lang duurde; leer ervan."),
    ("kosten.omschrijving", "Koffie van Douwe Egberts en boodschappen bij Albert Heijn"),
    ("aanpak", "De inrichting kwam van Kringloop Zeeman, Blokker en Karwei."),
    ("aanpak", "Startblok Riekerhaven en Majella Wonen waren het voorbeeld voor de Magic Mix."),
    ("partners.naam", "Andersson Elffers Felix"),
    ("partners.naam", "Kennedy Van der Laan"),
    ("partners.naam", "Van Doorne advocaten"),
    ("partners.naam", "Yes We Can Clinics"),
    ("aanpak", "Het Jeroen Bosch Ziekenhuis en het Antoni van Leeuwenhoek deden mee."),
    ("resultaten", "De wijk is geboren in 1965 en wordt nu voor het eerst vernieuwd."),
    ("aanleiding", "De stichting (RSIN 878838211) is eigenaar van de grond."),
    ("aanpak", "Het postadres van de corporatie is Postbus 1500, 7000 BM Doetinchem."),
    ("aanpak", "De Molenweg (2019) werd als eerste vernieuwd."),
    ("aanpak", "BSN 12345678 is geen geldig nummer, zei de ambtenaar."),
    ("filename", "bewonersavond-2023-06-04.yaml"),
    ("aanpak", "De site staat op wonen punt nl, de mail gaat naar het team."),
    ("aanpak", "Via Doetinchem kregen 12 gezinnen een woning."),
    ("aanpak", "We kozen plan b. de bewoners waren blij."),
    ("aanpak", "Het verslag t.a.v. de raad volgde n.a.v. de evaluatie."),
    ("aanpak", "De huurdersvereniging 'Ons Belang' en bewonerscommissie 'De Vonk' dachten mee."),
    ("aanpak", "Aan de Laan van Meerdervoort staan vooral flats."),
    ("aanpak", "Ze woont al jaren aan de Laan van Meerdervoort."),
    ("aanpak", "Het ging om de huurder. Daarna kwam Timon langs."),
    ("aanpak", "Met De Alliantie en De Key werkten we samen."),
    ("resultaten", "In Den Helder, Den Haag en Den Bosch zijn projecten gestart."),
    ("aanpak", "In De Meern en De Lier staan nieuwe woningen."),
    ("partners.naam", "Marga Klompé"),
    ("partners.naam", "Willem van den Bergh"),
    ("aanleiding", "In Bos en Lommer, de Tarwewijk en Pendrecht is de woningnood het grootst."),
]


# The fifth fresh tester (issue 23's text only; 7 December 2026 by its clock, run on 6 December
# 2026): 325 of 352 found and 7 of 306 refused at first. What it found, with variants of
# our own beside each kind.
FIFTH_TESTER_RECALL: list[tuple[str, str, str]] = [
    ("regio", "buurt van meneer Van Leeuwen", "naam"),
    ("regio", "de straat van mevrouw De Boer", "naam"),
    ("aanpak", "Meneer Van Leeuwen kreeg een sleutel.", "naam"),
    ("aanpak", "Via WhatsApp (wa.me/31612345678) hield de begeleider contact.", "telefoonnummer"),
    ("aanpak", "Ze appte via wa.me/+31687654321 met de consulent.", "telefoonnummer"),
    ("lessen", "Telegram (t.me/31612345678) werkte beter dan mail.", "telefoonnummer"),
    ("aanleiding", "Zijn postcode is 7009 bc.", "postcode"),
    ("aanleiding", "Haar postcode is 7001ab.", "postcode"),
    ("aanleiding", "Ze verhuisde naar 7004-HK in Doetinchem.", "postcode"),
    ("aanpak", "Het nieuwe adres ligt in 6512-KL, vlak bij het station.", "postcode"),
    ("aanleiding", "De zoon (*14-05-2009) woont bij zijn moeder.", "geboortedatum"),
    ("titel", "Een jongen (* 3-11-2007) krijgt een kamer", "geboortedatum"),
    ("lessen", "Noem geen geboortedatum zoals 04-06-1958 in het verhaal.", "geboortedatum"),
    ("aanpak", "Geboortedatum bijvoorbeeld 12-03-1961 stond op het formulier.", "geboortedatum"),
    ("aanleiding", "Uitkeringsnummer 9876543 bij de Sociale Dienst.", "dossiernummer"),
    ("aanleiding", "Zijn paspoortnummer NW3K8R2P1 stond op de kopie.", "dossiernummer"),
    ("aanpak", "Het nummer van haar ID-kaart is IR57FK9L3.", "dossiernummer"),
    (
        "aanpak",
        "Vreemdelingennummer (V-nr.) 12.345.678.90 stond op de brief van het COA.",
        "dossiernummer",
    ),
    ("aanpak", "Haar creditcard 4111 1111 1111 1111 werd gebruikt voor de borg.", "dossiernummer"),
    ("aanpak", "Het nummer van zijn verblijfsvergunning is E12345678.", "dossiernummer"),
    ("resultaten", "Rijbewijsnummer 5123456789 lag bij de balie.", "dossiernummer"),
    ("aanleiding", "De woning ligt op 51.96543, 6.28812, achter de school.", "adres"),
    ("aanpak", "Haar huis staat op 52.0907,5.1214 in de kaart.", "adres"),
    ("aanleiding", "Het nummer van haar dochter: 06/98765432", "telefoonnummer"),
    ("aanpak", "Bel haar op 06 9876 5432 na vijven.", "telefoonnummer"),
    ("bronnen.url", "https://www.instagram.com/fatma_demir85/", "naam"),
    (
        "bronnen.url",
        "https://www.gelderlander.nl/doetinchem/mohammed-al-khatib-63-vond-een-huis~a1234/",
        "naam",
    ),
    ("aanpak", "Zie https://example.nl/bewoners/oksana_kovalenko1987 voor haar verhaal.", "naam"),
]

FIFTH_TESTER_ORDINARY: list[tuple[str, str]] = [
    ("aanleiding", "Elke week doet ze boodschappen bij de Dirk en de Lidl."),
    ("aanleiding", "Bewoners van De Huet kozen zelf de kleur van de voordeuren."),
    ("aanpak", "Inwoners van De Meern en bewoners van het Oude Dorp dachten mee."),
    ("aanleiding", "De bewoners van de Hofstede en de Molen hebben een gemeenschappelijke tuin."),
    ("aanleiding", "De woongroepen De Roos en De Mees liggen naast elkaar."),
    ("aanpak", "De flats De Vink, De Reiger en De Mees krijgen nieuwe liften."),
    ("aanleiding", "Mevrouw de burgemeester opende de nieuwe woningen."),
    ("aanpak", "Meneer de wethouder en mevrouw de voorzitter spraken de bewoners toe."),
    ("aanpak", "Het besluit viel op 12-03-2024 en de postcodes 7001 tot en met 7009 doen mee."),
    ("aanpak", "De pilot kostte 51.500 euro, 6.250 euro minder dan begroot."),
    ("aanpak", "Om 06.00 uur begon de verhuizing, om 06.30 uur stond alles buiten."),
    ("bronnen.url", "https://www.platform31.nl/nieuws/housing-first-in-nederland-2024"),
    (
        "bronnen.url",
        "https://www.rijksoverheid.nl/documenten/rapporten/2023/05/12/staat-van-de-volkshuisvesting",
    ),
]


# The sixth fresh tester (issue 23's text only, the same night): 341 of 375 found and 12 of
# 373 refused at first. Its main find: a name opening a sentence after one that ends in a
# building or area word (`... aan huis. Fatma Demir ...`) was taken for that building's name.
SIXTH_TESTER_RECALL: list[tuple[str, str, str]] = [
    (
        "aanpak",
        "De begeleiding kwam aan huis. Fatma Demir kreeg zo weer grip op haar post.",
        "naam",
    ),
    ("aanleiding", "Hulp kwam van de stichting. Ahmad Alhamwi betaalt nu elke maand af.", "naam"),
    (
        "resultaten",
        "Het geld kwam uit het fonds. Piet Hendriks kon zo zijn schuld aflossen.",
        "naam",
    ),
    ("aanpak", "Ze woont nu in de wijk. Olena Kovalenko kent inmiddels al haar buren.", "naam"),
    ("samenvatting", "Hij woont in een flat. Yonas Haile heeft last van de trap.", "naam"),
    ("aanpak", "Zorg aan huis: Tesfay Gebremedhin krijgt drie keer per week bezoek.", "naam"),
    ("aanpak", "Begeleiding in huis.\n\nMustafa Bouzidi heeft nu een vaste begeleider.", "naam"),
    ("aanpak", "Zij woonde aan de straat. Hodan Warsame verhuisde in mei.", "naam"),
    ("afbeeldingen.bijschrift", "BSN-nr.301572860", "bsn"),
    ("aanpak", "BSN266498139 staat in de map.", "bsn"),
    ("lessen", "Geb. datum 1 mei 1990", "geboortedatum"),
    ("lessen", "Het dossier (nr. 2024-00871) ging naar de gemeente.", "dossiernummer"),
    ("aanpak", "Vonnis met rolnummer C/05/412345 tegen de huurder.", "dossiernummer"),
    ("aanpak", "Zorgverzekeringsnummer 123456789 van Zilveren Kruis.", "dossiernummer"),
    (
        "aanpak",
        "Inloggen op het portaal met gebruikersnaam tgebremedhin en wachtwoord Asmara87!",
        "inloggegevens",
    ),
    ("aanpak", "Het wachtwoord van de huurder is Welkom123.", "inloggegevens"),
    ("resultaten", "Haar pincode: 4821ab stond op een briefje.", "inloggegevens"),
    # our own: a row of names that does not start in the building's sentence
    ("aanpak", "Ze woont in de flat. Fatma en De Vries hielpen met de verhuizing.", "naam"),
]

SIXTH_TESTER_ORDINARY: list[tuple[str, str]] = [
    ("aanpak", "De Berkel loopt vlak langs het complex."),
    ("aanpak", "De Amstel en de Dommel zijn de namen van twee woongebouwen."),
    ("aanpak", "De GGD Hollands Noorden en de GGD Gelderland-Zuid deden onderzoek."),
    ("aanpak", "Het rapport van Berenschot werd in 2023 gepubliceerd."),
    ("aanpak", "Het NJi en Movisie beoordelen erkende interventies."),
    ("partners.naam", "Antoni van Leeuwenhoek"),
    (
        "aanpak",
        "Het wachtwoord is bekend bij de huurder en een wachtwoord van 12 tekens is veiliger.",
    ),
    ("aanpak", "In de wijk De Huet staan de flats De Vink en De Mees."),
]
