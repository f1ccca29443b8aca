"""Validation: the contract's rules, applied to every file, reported all at once.

Three layers, each collecting problems rather than stopping:
1. field rules, from the pydantic model (types, lengths, choices, unknown keys, vocabulary);
2. rules between fields of one case (pilot block, start/end, consent, dates in the future);
3. rules between files (related cases exist, images exist).
Pydantic's English errors are translated here into Dutch messages that name the field.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.contract import labels, model
from generator.contract.model import Case
from generator.contract.problems import MAX_PER_FILE, WARNING, Problem, field_name
from generator.reading import media, text_rules
from generator.reading.freshness import Freshness
from generator.reading.loading import Document
from generator.reading.vocabulary import Vocabulary


@dataclass
class ValidCase:
    """A case that passed every rule: the typed model plus the file it came from."""

    slug: str
    case: Case
    display: str


def validate_document(
    document: Document, slug: str, vocabulary: Vocabulary, today: date
) -> tuple[Case | None, list[Problem]]:
    """Rules 1 and 2 for one file. Returns the model only when there was no problem at all."""
    problems: list[Problem] = []
    case: Case | None = None
    reported: set[tuple[str | int, ...]] = set()
    errors: list[ErrorDetails] = []
    try:
        case = Case.model_validate(document.data, context={"vocabulary": vocabulary})
    except ValidationError as error:
        errors = error.errors(include_url=False)
        problems.extend(_translate_all(errors, document))
        reported = {tuple(e["loc"]) for e in errors}
    if document.has_empty_values:
        problems.extend(_empty_fields(document, reported))
    problems.extend(_between_fields(document, today))
    problems.extend(text_rules.value_problems(document))
    return (case if not problems else None), problems


def validate_links(
    document: Document,
    slug: str,
    case: Case,
    known_slugs: set[str],
    cases_dir: Path,
    site_files: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Rule 3 for one file: references to other files. A reference to a case that does
    not exist is no problem here: like one to a case that is not published, it is left
    out of the page with a warning (`missing_case`, and the build's pass over links), so
    that deleting a story never withdraws the stories that name it."""
    problems: list[Problem] = []
    for i, related in enumerate(case.gerelateerd or []):
        if related == slug:
            problems.append(
                document.problem(
                    ("gerelateerd", i), "een case kan niet aan zichzelf gerelateerd zijn"
                )
            )
    for i, adopted in enumerate(case.overgenomen_van or []):
        where = ("overgenomen_van", i, "case")
        if adopted.case == slug:
            problems.append(
                document.problem(
                    where, f"'{field_name(where)}': een case kan niet van zichzelf zijn overgenomen"
                )
            )
    images = {image.bestand for image in case.afbeeldingen or []}
    problems.extend(text_rules.link_problems(document, known_slugs, images))
    judged: dict[str, str | None] = {}
    for i, image in enumerate(case.afbeeldingen or []):
        # One image named twice is read and decoded once.
        if image.bestand not in judged:
            judged[image.bestand] = media.problem(cases_dir, image.bestand, site_files)
        refused = judged[image.bestand]
        if refused:
            loc = ("afbeeldingen", i, "bestand")
            problems.append(document.problem(loc, f"'{field_name(loc)}': {refused}"))
    return problems


def missing_case(target: str, known_slugs: set[str]) -> str:
    """Why a case named by another is not shown, when there is no file of that name: it
    may have been deleted (then this is right) or misspelt (then the hint helps)."""
    close = difflib.get_close_matches(target, sorted(known_slugs), n=1, cutoff=0.6)
    hint = f"; bedoelde je '{close[0]}'?" if close else ""
    return f"bestaat niet of wordt niet gepubliceerd (geen bestand 'cases/{target}.yaml'){hint}"


def missing_related_notices(document: Document, case: Case, known_slugs: set[str]) -> list[Problem]:
    """A warning at each `gerelateerd` entry without a case file: the page leaves it out
    (as it leaves out a related case that is not published)."""
    notices = []
    for i, related in enumerate(case.gerelateerd or []):
        if related not in known_slugs:
            problem = document.problem(
                ("gerelateerd", i),
                f"gerelateerde case '{related}' wordt niet getoond, want die case "
                f"{missing_case(related, known_slugs)}",
            )
            notices.append(replace(problem, level=WARNING))
    return notices


def cases_named(data: Any) -> set[str]:
    """The cases a case's page links to and that must be published with it: those its
    Markdown links to (`../<slug>/`) and those it says it adopted (`overgenomen_van`)."""
    return text_rules.linked_cases(data) | set(_adopted(data))


def _adopted(data: Any) -> dict[str, int]:
    """The slugs in `overgenomen_van[].case` as written, with their place in the list."""
    items = data.get("overgenomen_van") if isinstance(data, dict) else None
    found: dict[str, int] = {}
    for i, item in enumerate(items if isinstance(items, list) else []):
        target = item.get("case") if isinstance(item, dict) else None
        if isinstance(target, str) and target.strip():
            found.setdefault(target.strip(), i)
    return found


def without_cases(data: Any, hidden: frozenset[str]) -> tuple[Any, list[text_rules.Path_]]:
    """A copy of a case's data that names no case in `hidden` (not published on the date):
    its Markdown links to them are their text (`text_rules.without_links_to`, which also
    gives the places where that could not be done safely), and an adoption of one
    (`overgenomen_van[].case`) keeps its `verschil` but loses its case, which the page
    shows as "een case die niet op deze site staat" (as a link shows as text)."""
    copy, failed = text_rules.without_links_to(data, hidden)
    items = copy.get("overgenomen_van") if isinstance(copy, dict) else None
    for item in items if isinstance(items, list) else []:
        target = item.get("case") if isinstance(item, dict) else None
        if isinstance(target, str) and target.strip() in hidden:
            item["case"] = None
    return copy, failed


def unpublished_adoption_notices(
    document: Document, about: dict[str, tuple[str, str]]
) -> list[Problem]:
    """At each adoption of a case in `about` (`{slug: (level, what happens)}`), a notice of
    that level, as `text_rules.unpublished_link_notices` gives at a link."""
    notices = []
    items = document.data.get("overgenomen_van") if isinstance(document.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        target = item.get("case") if isinstance(item, dict) else None
        if isinstance(target, str) and target.strip() in about:
            level, what = about[target.strip()]
            where = ("overgenomen_van", i, "case")
            problem = document.problem(
                where, f"'{field_name(where)}': case '{target.strip()}' {what}"
            )
            notices.append(replace(problem, level=level))
    return notices


def advice(document: Document, case: Case, freshness: Freshness) -> list[str]:
    """Lines for the editors that are no problem (the case is published all the same): a
    finished or scaled-up pilot that does not say how well it is known to work, and a
    case whose last check lies longer ago than the site's setting."""
    notes = []
    if case.pilot and case.pilot.fase in ("afgerond", "opgeschaald") and not case.onderbouwing:
        phase = labels.FASE[case.pilot.fase].lower()
        notes.append(
            document.problem(
                ("pilot", "fase"),
                f"waarschuwing: de pilot is {phase}, maar 'onderbouwing' ontbreekt; zeg met "
                "'onderbouwing.niveau' hoe goed bekend is dat de aanpak werkt (bijvoorbeeld "
                "intern-geevalueerd), en waarom",
            )
        )
    if case.status == "gepubliceerd" and freshness.is_stale(case.bijgewerkt):
        notes.append(
            document.problem(
                ("bijgewerkt",),
                f"let op: mogelijk verouderd: laatst gecontroleerd op "
                f"{labels.dutch_date(case.bijgewerkt)}, langer dan {freshness.months} maanden "
                "geleden; controleer of de case nog klopt en zet de datum van die controle in "
                "'bijgewerkt'",
            )
        )
    return [str(note) for note in sorted(notes)]


def _empty_fields(doc: Document, reported: set[tuple[str | int, ...]]) -> list[Problem]:
    """A key written without a value. The model takes it as 'not given', so an empty
    `publiceren_vanaf:` would publish at once, with no warning; the author meant something."""
    problems: list[Problem] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if item is None and (*loc, key) not in reported:
                    problems.append(
                        doc.problem(
                            (*loc, key),
                            f"'{field_name((*loc, key))}' is leeg: vul een waarde in of "
                            "verwijder het veld",
                            key=True,
                        )
                    )
                elif (*loc, key) not in reported:  # a wrong value is one problem, not more
                    stack.append(((*loc, key), item))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in enumerate(value))
    return sorted(problems)


# --- rules between fields ----------------------------------------------------------------


def _between_fields(doc: Document, today: date) -> list[Problem]:
    data = doc.data
    problems: list[Problem] = []
    soort = data.get("soort")
    if soort == "pilot" and data.get("pilot") is None:
        problems.append(
            doc.problem(
                ("soort",), "bij soort: pilot hoort een blok 'pilot' met minstens 'fase' en 'start'"
            )
        )
    if soort == "casus" and "pilot" in data:
        problems.append(
            doc.problem(
                ("pilot",),
                "het blok 'pilot' hoort alleen bij soort: pilot; verwijder "
                "het of zet soort op pilot",
                key=True,
            )
        )
    bijgewerkt = _date_or_none(data.get("bijgewerkt"))
    if bijgewerkt and bijgewerkt > today:
        problems.append(
            doc.problem(
                ("bijgewerkt",),
                f"'bijgewerkt' ({bijgewerkt.isoformat()}) ligt in de "
                "toekomst; vul de datum van de laatste controle in",
            )
        )
    pilot = data.get("pilot")
    if isinstance(pilot, dict):
        start, end = _period_or_none(pilot.get("start")), _period_or_none(pilot.get("einde"))
        if start and end and _before(end, start):
            problems.append(
                doc.problem(
                    ("pilot", "einde"), f"'pilot.einde' ({end}) ligt voor 'pilot.start' ({start})"
                )
            )
    problems.extend(_knowledge_rules(doc))
    privacy = data.get("privacy")
    consent = privacy.get("toestemming") if isinstance(privacy, dict) else None
    identifiable = isinstance(privacy, dict) and model.is_yes(privacy.get("herleidbaar"))
    if identifiable and not isinstance(consent, dict):
        problems.append(
            doc.problem(
                ("privacy", "herleidbaar"),
                "bij herleidbaar: true hoort 'toestemming' met 'vastgelegd_op' en 'geldig_tot'",
            )
        )
    # Consent counts whatever `herleidbaar` says (`publication.hold_back_reason`), so its
    # dates are checked whenever it is written.
    if isinstance(consent, dict):
        given = _date_or_none(consent.get("vastgelegd_op"))
        until = _date_or_none(consent.get("geldig_tot"))
        if given and until and until < given:
            problems.append(
                doc.problem(
                    ("privacy", "toestemming", "geldig_tot"),
                    "'geldig_tot' ligt voor 'vastgelegd_op'",
                )
            )
        if given and given > today:
            problems.append(
                doc.problem(
                    ("privacy", "toestemming", "vastgelegd_op"),
                    "'vastgelegd_op' ligt in de toekomst",
                )
            )
    return problems


def _knowledge_rules(doc: Document) -> list[Problem]:
    """The rules between the fields of `onderbouwing`, `kosten` and `overgenomen_van`:
    a level that rests on a report names it, an amount says how it counts, an adoption
    names one case."""
    data, problems = doc.data, []
    basis = data.get("onderbouwing")
    level = basis.get("niveau") if isinstance(basis, dict) else None
    if isinstance(basis, dict) and level in labels.NIVEAU_MET_BRON and not basis.get("bron"):
        problems.append(
            doc.problem(
                ("onderbouwing", "niveau"),
                f"bij niveau '{level}' hoort 'onderbouwing.bron': het evaluatierapport of de "
                "vermelding in de databank (https://...), zodat lezers het kunnen nagaan",
            )
        )
    costs = data.get("kosten")
    for i, cost in enumerate(costs if isinstance(costs, list) else []):
        if not isinstance(cost, dict):
            continue
        has_amount, has_unit = cost.get("euro") is not None, cost.get("eenheid") is not None
        if has_amount and not has_unit:
            problems.append(
                doc.problem(
                    ("kosten", i, "euro"),
                    f"bij een bedrag hoort '{field_name(('kosten', i, 'eenheid'))}'; kies uit: "
                    f"{', '.join(labels.EENHEID)}",
                )
            )
        elif has_unit and not has_amount:
            problems.append(
                doc.problem(
                    ("kosten", i, "eenheid"),
                    f"'{field_name(('kosten', i, 'eenheid'))}' hoort bij een bedrag: vul "
                    "'euro' in, of haal 'eenheid' weg als het bedrag niet bekend is",
                )
            )
    adopted = data.get("overgenomen_van")
    for i, item in enumerate(adopted if isinstance(adopted, list) else []):
        if not isinstance(item, dict):
            continue
        name = field_name(("overgenomen_van", i))
        if item.get("case") is None and item.get("url") is None:
            problems.append(
                doc.problem(
                    ("overgenomen_van", i),
                    f"'{name}' noemt geen case: vul 'case' in (de bestandsnaam van een case op "
                    "deze site) of 'url' (een pagina elders)",
                )
            )
        elif item.get("case") is not None and item.get("url") is not None:
            problems.append(
                doc.problem(
                    ("overgenomen_van", i, "url"),
                    f"'{name}' noemt 'case' en 'url': kies er één (een case op deze site, of "
                    "een pagina elders)",
                )
            )
    return problems


def _before(a: str, b: str) -> bool:
    """Is period `a` before `b`? A month compares with a date on year and month only."""
    ka, kb = model.period_key(a), model.period_key(b)
    if len(a) == 7 or len(b) == 7:
        return ka[:2] < kb[:2]
    return ka < kb


def _date_or_none(value: Any) -> date | None:
    try:
        return model.parse_date(value)
    except Exception:
        return None


def _period_or_none(value: Any) -> str | None:
    try:
        return model.parse_period(value) if isinstance(value, str) else None
    except Exception:
        return None


# --- translating pydantic errors ---------------------------------------------------------

_PATTERN_MESSAGES = {
    model.URL_PATTERN: "moet een webadres zijn dat begint met https:// (of http://)",
    model.HTTPS_PATTERN: "moet een webadres zijn dat begint met https://",
    model.EMAIL_PATTERN: "moet een e-mailadres zijn, bijvoorbeeld team@corporatie.nl",
    model.SLUG_PATTERN: "moet de bestandsnaam van een case zijn zonder .yaml (kleine letters, "
    "cijfers en '-')",
    model.MEDIA_PATTERN: "moet een pad vanaf cases/ naar een afbeelding in media/ zijn (.jpg, "
    ".jpeg, .png of .webp), zonder '..', bijvoorbeeld media/foto.jpg",
}
_BLOCK_HELP = "een blok met velden (ingesprongen regels 'veld: waarde')"
_LIST_HELP = "een lijst (regels die beginnen met '- ')"


def _translate_all(errors: list[ErrorDetails], doc: Document) -> list[Problem]:
    """Translate pydantic's errors; a typo is one problem, not 'unknown' plus 'missing'.

    A 'did you mean' costs a fuzzy comparison with every field; in a file with more
    unknown keys than are ever shown (`MAX_PER_FILE`), none is a typo worth one."""
    extra = [error for error in errors if error["type"] == "extra_forbidden"]
    suggest = len(extra) <= MAX_PER_FILE
    suggested = set()
    for error in extra if suggest else ():
        loc = tuple(error["loc"])
        close = _closest_field(loc)
        if close:
            suggested.add((*loc[:-1], close))
    return [
        _translate(error, doc, suggest)
        for error in errors
        if not (error["type"] == "missing" and tuple(error["loc"]) in suggested)
    ]


def _closest_field(loc: tuple[str | int, ...]) -> str | None:
    fields = model.model_fields_at(loc[:-1]) or {}
    close = difflib.get_close_matches(str(loc[-1]), list(fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _translate(error: ErrorDetails, doc: Document, suggest: bool = True) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    name = field_name(loc)

    if kind == "missing":
        return doc.problem(loc[:-1], f"verplicht veld '{name}' ontbreekt", key=True)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        close = _closest_field(loc) if suggest else None
        fields = model.model_fields_at(loc[:-1]) or {}
        hint = f"; bedoelde je '{close}'?" if close else _known_fields_hint(fields)
        return doc.problem(loc, f"onbekend veld '{key}'{hint}", key=True)
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        return doc.problem(loc, f"vul '{name}' in{_help(loc)}")
    message = _message(kind, ctx, value, name, error["msg"])
    return doc.problem(loc, message)


def _message(kind: str, ctx: dict[str, Any], value: Any, name: str, msg: str) -> str:
    if kind == "string_too_short":
        n, minimum = len(value.strip()), ctx["min_length"]
        return f"'{name}' is te kort ({n} tekens); minstens {minimum} tekens"
    if kind == "string_too_long":
        n, maximum = len(value.strip()), ctx["max_length"]
        return f"'{name}' is te lang ({n} tekens); hoogstens {maximum} tekens"
    if kind == "too_short":
        return f"'{name}' heeft minstens {ctx['min_length']} item nodig"
    if kind == "too_long":
        return (
            f"'{name}' heeft te veel items ({ctx.get('actual_length', len(value))}); hoogstens "
            f"{ctx['max_length']}: noem de belangrijkste"
        )
    if kind == "literal_error":
        allowed = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        if isinstance(value, (dict, list, set, tuple)):  # never Python's own spelling of it
            return f"'{name}' moet één waarde zijn, geen lijst of blok; kies uit: {allowed}"
        return f"ongeldige waarde '{value}' voor '{name}'; kies uit: {allowed}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{name}' {_PATTERN_MESSAGES.get(ctx.get('pattern', ''), 'heeft een ongeldige vorm')}"
        )
    if kind == "string_type":
        return f"'{name}' moet tekst zijn, geen lijst of blok"
    if kind == "list_type":
        return f"'{name}' moet {_LIST_HELP} zijn"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{name}' moet {_BLOCK_HELP} zijn"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{name}' moet true of false zijn"
    # Our own validators (model.py, vocabulary.py) raise Dutch messages already.
    if kind in _OWN_ERRORS:
        return f"'{name}': {msg}"
    return f"'{name}' heeft een ongeldige waarde"


_OWN_ERRORS = {
    "datum",
    "datum_bestaat_niet",
    "periode",
    "ja_nee",
    "onbekende_term",
    "contact_leeg",
    "bedrag",
    "bedrag_negatief",
    "dubbele_term",
}


def _help(loc: tuple[str | int, ...]) -> str:
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return ""
    fields = model.model_fields_at(tuple(loc[:-1]) if isinstance(loc[-1], str) else tuple(loc[:-2]))
    info = (fields or {}).get(names[-1])
    if info is None or not info.description:
        return ""
    return f" ({info.description[0].lower()}{info.description[1:].rstrip('.')})"


def _known_fields_hint(fields: dict[str, Any]) -> str:
    if not fields:
        return ""
    return "; bekende velden hier: " + ", ".join(fields)
