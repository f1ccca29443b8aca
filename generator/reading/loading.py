"""Reading case files: YAML to plain data, with the position of every key and value.

PyYAML's own constructors guess types (``nee`` becomes False, ``017`` an octal number,
``12:30`` the number 750) and silently keep the last of two duplicate keys. Authors must get
back exactly what they typed, so we only let libyaml *compose* the node tree (fast, in C) and
build the data ourselves: every scalar stays the string that was written, and the model
decides per field what a value means. The node marks become a position table, so that every
later problem can point at a line and column.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.contract.problems import Problem, field_name
from generator.reading import files, text_rules

MAX_BYTES = 256 * 1024
MIN_SLUG, MAX_SLUG = 3, 80
"""The shortest and longest file name (without .yaml): the case's address on the site."""
SLUG_RE = re.compile(rf"[a-z0-9-]{{{MIN_SLUG},{MAX_SLUG}}}")
MAX_DEPTH = 20
"""The deepest nesting of lists and blocks a case file may have (the model needs four:
`afwijkingen`, an item, its fields). Deeper data is refused before anything walks it;
libyaml itself stops at 1,000 levels, far more than Python's own stack allows."""
# Slugs that would collide with generated listing pages under cases/.
RESERVED_SLUG_RE = re.compile(r"index|pagina-\d+")
CASE_SUFFIXES = (".yaml", ".yml")

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]

NULLS = ("", "~", "null", "Null", "NULL")
"""The plain (unquoted) scalars that mean 'no value'; every other scalar is text."""
_NULL_SET = frozenset(NULLS)


@dataclass
class Document:
    """A parsed YAML file: its data, and the node tree that knows where each part stands.

    Positions are looked up in the node tree only when a problem needs one, so valid files
    (nearly all of them) pay nothing for them.
    """

    path: Path
    display: str
    data: Any
    root: yaml.Node | None = None
    source: str = ""
    has_empty_values: bool = False
    """Whether some key has no value (`veld:`), so validation need not look for one."""
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict)
    _line_starts: list[int] = field(default_factory=list)

    def mark(self, loc: Path_, *, key: bool = False) -> Mark:
        """Line and column of the value at `loc` (or of its key), else of its nearest parent."""
        node = self.root
        found: Mark = _mark(node) if node is not None else (1, 1)
        for i, part in enumerate(loc):
            if isinstance(node, yaml.MappingNode):
                pair = self._pair(node, part)
                if pair is None:
                    break
                last = i == len(loc) - 1
                node = pair[1]
                found = _mark(pair[0]) if (key and last) else _mark(node)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                found = _mark(node)
            else:
                break
        return found

    def _pair(self, node: yaml.MappingNode, key: str | int) -> tuple[yaml.Node, yaml.Node] | None:
        """The first key and value named `key` in a mapping. Each mapping is indexed once,
        when a problem first needs it: a file with a problem at each of 25,000 keys would
        otherwise search every mapping whole for each of them."""
        pairs = self._keys.get(id(node))
        if pairs is None:
            pairs = self._keys[id(node)] = {}
            for pair in node.value:
                if isinstance(pair[0], yaml.ScalarNode):
                    pairs.setdefault(pair[0].value, pair)
        return pairs.get(key) if isinstance(key, str) else None

    def line(self, number: int) -> str:
        """Line `number` (from 1) of the file's text."""
        if not self._line_starts:
            starts, at = [0], self.source.find("\n")
            while at != -1:
                starts.append(at + 1)
                at = self.source.find("\n", at + 1)
            self._line_starts = starts
        if not 1 <= number <= len(self._line_starts):
            return ""
        start = self._line_starts[number - 1]
        end = self.source.find("\n", start)
        return self.source[start : len(self.source) if end == -1 else end]

    def problem(self, loc: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.mark(loc, key=key)
        return Problem(self.display, line, column, message)

    def problem_at_text(
        self, loc: Path_, needle: str | None, message: str, skip: int = 0
    ) -> Problem:
        """A problem where `needle` is first written in the file from the value at `loc` on
        (a character inside a `|` block: its own line and column, not the block's `|`),
        within the value's field, past `skip` earlier places; at the value itself when it
        is not written so."""
        line, column = self.mark(loc)
        lines = self.source.splitlines() if needle else []
        for number in range(line - 1, len(lines)):
            at = lines[number].find(needle or "", column - 1 if number == line - 1 else 0)
            while at >= 0 and skip:
                skip -= 1
                at = lines[number].find(needle or "", at + 1)
            if at >= 0:
                return Problem(self.display, number + 1, at + 1, message)
            if number > line - 1 and lines[number][:1] not in ("", " ", "\t"):
                break  # the next top-level field
        return Problem(self.display, line, column, message)

    def problem_at_line(self, loc: Path_, offset: int, message: str) -> Problem:
        """A problem on line `offset` (from 0) of the text at `loc`: at that line of the file
        for a block of text (`|` or `>`, where the file's lines are the text's lines), at
        the field itself for other ways of writing text."""
        node = self._node(loc)
        line, column = self.mark(loc)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">") and self.source:
            line = node.start_mark.line + 2 + offset
            text = self.line(line)
            column = len(text) - len(text.lstrip(" ")) + 1
        return Problem(self.display, line, column, message)

    def is_literal(self, loc: Path_) -> bool:
        """Whether the text at `loc` is written as a literal block (`|`): the file's lines
        are the text's lines."""
        node = self._node(loc)
        return isinstance(node, yaml.ScalarNode) and node.style == "|"

    def node_at(self, loc: Path_) -> yaml.Node | None:
        """The YAML node of the value at `loc`, None when there is none."""
        return self._node(loc)

    def _node(self, loc: Path_) -> yaml.Node | None:
        node = self.root
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                pair = self._pair(node, part)
                node = pair[1] if pair is not None else None
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if part < len(node.value) else None
            else:
                return None
        return node


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Loader(yaml.CSafeLoader):
    """libyaml's composer without PyYAML's implicit type resolution (a regex per scalar):
    we never use the guessed tags, every scalar is taken as written."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return "tag:yaml.org,2002:str" if kind is yaml.ScalarNode else ""

    # Path resolvers are never registered; libyaml calls these for every node all the same.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def display_path(path: Path, base: Path | None = None) -> str:
    """The path authors see: relative to `base` (the project) when the file is inside it."""
    return display_paths([path], base)[path]


def display_paths(paths: list[Path], base: Path | None = None) -> dict[Path, str]:
    """`display_path` of many files: each folder is resolved once, not each file (resolving
    looks at every part of a path on disk, a tenth of `check`'s time at 1,000 files)."""
    root = (base or Path.cwd()).resolve()
    folders: dict[Path, str | None] = {}
    shown: dict[Path, str] = {}
    for path in paths:
        if path.parent not in folders:
            try:
                folders[path.parent] = path.parent.resolve().relative_to(root).as_posix()
            except ValueError:
                folders[path.parent] = None
        folder = folders[path.parent]
        if folder is None:
            shown[path] = printable(path.as_posix())
        else:
            name = printable(path.name)
            shown[path] = name if folder == "." else f"{printable(folder)}/{name}"
    return shown


def printable(name: str) -> str:
    """A file name as messages show it: a line break, a control or a bidi character in it
    written as an escape (`\\u202e`), so that a name cannot forge a line of the log or
    turn the text around it."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in name)


def case_files(paths: list[Path]) -> list[Path]:
    """Case files under the given files and folders, sorted, without `_`-prefixed files
    (`_vocabulaire.yaml` is no case, also when named: `check` reads it every time)."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            with os.scandir(path) as children:
                found.update(
                    path / child.name
                    for child in children
                    if child.name.endswith(CASE_SUFFIXES) and not child.name.startswith("_")
                )
        elif not path.name.startswith("_"):  # the vocabulary, checked on every run
            found.add(path)
    # By their parts, as paths compare, without paths' own comparison (a tenth of a second
    # at 5,000 files, on every check of one saved file in the preview).
    return sorted(found, key=lambda path: path.parts)


def slug_problem(path: Path, display: str) -> Problem | None:
    """The file stem is the case's permanent URL, so it must be a clean slug."""
    slug = path.stem
    if path.suffix not in CASE_SUFFIXES:
        return Problem(
            display, 1, 1, f"bestandsnaam '{printable(path.name)}' moet eindigen op .yaml (of .yml)"
        )
    if not SLUG_RE.fullmatch(slug):
        return Problem(
            display,
            1,
            1,
            f"ongeldige bestandsnaam '{printable(path.name)}': gebruik alleen kleine letters "
            f"a-z, cijfers en '-', {MIN_SLUG} tot {MAX_SLUG} tekens (bijvoorbeeld "
            "'springplank-doetinchem.yaml')",
        )
    if slug.startswith("-"):
        # `--help.yaml`, `-x.yaml`: a name that reads as an option when given to a command
        return Problem(
            display,
            1,
            1,
            f"ongeldige bestandsnaam '{printable(path.name)}': begin met een kleine letter of "
            "een cijfer, niet met '-' (bijvoorbeeld 'springplank-doetinchem.yaml')",
        )
    if RESERVED_SLUG_RE.fullmatch(slug):
        return Problem(
            display,
            1,
            1,
            f"bestandsnaam '{printable(path.name)}' is gereserveerd voor de site zelf; kies een "
            "andere naam",
        )
    return None


def same_slug_problems(files: list[Path], shown: dict[Path, str]) -> list[Problem]:
    """`x.yaml` and `x.yml` in one folder would be one page: both files get a problem,
    rather than one case silently replacing the other."""
    by_slug: dict[str, list[Path]] = {}
    for path in files:
        by_slug.setdefault(path.stem, []).append(path)
    problems = []
    for paths in by_slug.values():
        for path in paths if len(paths) > 1 else ():
            others = ", ".join(shown[p] for p in paths if p != path)
            problems.append(
                Problem(
                    shown[path],
                    1,
                    1,
                    f"ook {others} heeft de naam '{path.stem}'; elke case heeft één bestand "
                    "(één adres op de site): verwijder of hernoem er één",
                )
            )
    return problems


def load(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file. Returns the document, or None when it cannot be read at all.

    Only a regular file is read (`files.read_regular`): a symlink, a directory, a FIFO
    or a device with a case file's name gets a problem, never a read."""
    raw = files.read_regular(path, MAX_BYTES)
    if isinstance(raw, files.Refused):
        return None, [Problem(display, 1, 1, refused_message(raw))]
    return parse(raw, display, path)


def refused_message(refused: files.Refused) -> str:
    """Why a case file (or the vocabulary) was not read, in Dutch."""
    if refused.reason == "large":
        return _too_large(refused.size)
    if refused.reason == "link":
        return (
            "dit bestand is een snelkoppeling (symlink): zet het bestand zelf in de map "
            "(een symlink wordt niet gelezen en niet gepubliceerd)"
        )
    if refused.reason == "special":
        return (
            f"dit is {refused.what}, geen gewoon bestand: alleen gewone bestanden worden "
            "gelezen; hernoem of verwijder het"
        )
    return f"bestand is {refused.what}"


def _too_large(size: int) -> str:
    return f"bestand is te groot ({size // 1024} KiB); een case mag hoogstens 256 KiB zijn"


def parse(
    raw: bytes, display: str, path: Path | None = None
) -> tuple[Document | None, list[Problem]]:
    """Parse bytes of YAML into a Document, reporting every hazard in authors' terms."""

    hidden: list[Problem] = []

    def fail(line: int, column: int, message: str) -> tuple[None, list[Problem]]:
        return None, [*hidden, Problem(display, line, column, message)]

    if len(raw) > MAX_BYTES:
        return fail(1, 1, _too_large(len(raw)))
    text = files.decoded(raw)
    if isinstance(text, tuple):
        return fail(*text, files.NOT_UTF8)
    text = text.removeprefix("\ufeff")
    hidden.extend(text_rules.source_problems(text, display))
    if hidden and not text_rules.only_ignorable(text):
        return None, hidden
    # Zero-width and direction characters are refused, but the file is read all the
    # same: a value they split is found and reported too (`visible_text` reads past them).
    tabs = _tab_problems(text, display)
    if tabs:
        return None, hidden + tabs
    if not _has_content(text):
        return fail(1, 1, "bestand is leeg: vul de velden van de case in (zie 'maatwerkbank new')")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return fail(line, column, _syntax_message(error))
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        char = text[error.position] if error.position < len(text) else ""
        name = text_rules.describe(char) if char else "onbekend teken"
        return fail(line, column, f"YAML-fout: teken {name} kan niet gelezen worden; verwijder het")
    except yaml.YAMLError:
        return fail(1, 1, "YAML-fout: het bestand kan niet gelezen worden")
    if node is None:
        return fail(1, 1, "bestand is leeg: vul de velden van de case in (zie 'maatwerkbank new')")

    problems = _anchor_problems(text, display) if ("&" in text or "*" in text) else []
    if problems:
        return None, hidden + problems
    if not isinstance(node, yaml.MappingNode):
        return fail(
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            "het bestand moet bestaan uit velden ('veld: waarde'), niet uit een lijst of losse "
            "tekst",
        )
    deep = _too_deep(node)
    if deep is not None:
        return fail(*_mark(deep), _TOO_DEEP)
    document = Document(path or Path(display), display, None, node, text)
    document.data = _construct(node, (), document, problems)
    if not problems:
        problems.extend(text_rules.markup_problems(document))
        if problems:
            return None, hidden + problems
    return document, hidden + problems


_TOO_DEEP = (
    f"YAML-fout: lijsten en blokken staan hier te diep in elkaar (meer dan {MAX_DEPTH} "
    "niveaus); een case heeft er hoogstens een paar nodig"
)


def _too_deep(root: yaml.Node) -> yaml.Node | None:
    """The first node nested deeper than `MAX_DEPTH`, if any (a loop, not recursion: the
    file's nesting is what is in question)."""
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            continue
        if depth > MAX_DEPTH:
            return node
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        else:
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
    return None


def _has_content(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


_ODD_SPACES = "\t\u00a0\u2007\u202f\u3000"
"""Tab and the spaces that look like a space but are not one to YAML (no-break, figure,
narrow no-break, ideographic): pasted from a word processor or a web page."""


def _tab_problems(text: str, display: str) -> list[Problem]:
    """Indentation with tabs or look-alike spaces: YAML reads it as text, and then blames a
    missing colon somewhere below. Said at the line where it happens, with what it is."""
    problems: list[Problem] = []
    if not any(ch in text for ch in _ODD_SPACES):
        return problems
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" " + _ODD_SPACES))]
        odd = next((ch for ch in indent if ch != " "), None)
        if odd == "\t":
            message = "tab gebruikt om in te springen: gebruik spaties (YAML staat geen tabs toe)"
        elif odd is not None:
            message = (
                f"niet-gewone spatie U+{ord(odd):04X} gebruikt om in te springen (vaak mee "
                "gekopieerd uit Word of een webpagina): vervang hem door gewone spaties"
            )
        else:
            continue
        problems.append(Problem(display, number, indent.index(odd) + 1, message))
    return problems


def _anchor_problems(text: str, display: str) -> list[Problem]:
    """Anchors and aliases make one value appear in several places; authors should not need them."""
    problems: list[Problem] = []
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        anchor = getattr(event, "anchor", None)
        if not anchor or event.start_mark is None:
            continue
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent):
            message = f"verwijzing '*{anchor}' is niet toegestaan: schrijf de waarde zelf uit"
        else:
            message = f"anker '&{anchor}' is niet toegestaan: schrijf elke waarde zelf uit"
        problems.append(Problem(display, line, column, message))
    return problems


_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "dubbele punt op een onverwachte plek: zet tekst met ': ' erin "
        "tussen aanhalingstekens, of controleer de inspringing",
    ),
    (
        "could not find expected ':'",
        "verwacht 'veld: waarde' op deze regel (ontbreekt een dubbele punt?)",
    ),
    (
        "found unexpected end of stream",
        "aanhalingsteken niet afgesloten: sluit de tekst af met hetzelfde aanhalingsteken",
    ),
    (
        "did not find expected key",
        "inspringing klopt niet: controleer de spaties aan het begin van deze "
        "regel en de regel erboven",
    ),
    (
        "did not find expected '-' indicator",
        "lijst klopt niet: elk item begint met '- ' op dezelfde inspringing",
    ),
    (
        "expected <block end>",
        "inspringing klopt niet: controleer de spaties aan het begin van deze regel",
    ),
    (
        "expected a single document",
        "het bestand bevat meer dan één document ('---'): één case per bestand",
    ),
    ("found undefined alias", "verwijzing ('*') is niet toegestaan: schrijf de waarde zelf uit"),
    (
        "found character that cannot start any token",
        "teken dat hier niet mag staan: zet de tekst tussen aanhalingstekens",
    ),
    (
        "found unknown escape character",
        "onbekende escape met '\\' in tekst tussen dubbele "
        "aanhalingstekens: gebruik enkele aanhalingstekens",
    ),
    ("found duplicate anchor", "anker ('&') is niet toegestaan: schrijf elke waarde zelf uit"),
    ("exceeded maximum nesting depth", _TOO_DEEP.removeprefix("YAML-fout: ")),
)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    for needle, message in _SYNTAX_HINTS:
        if needle in problem or needle in (error.context or ""):
            return f"YAML-fout: {message}"
    return "YAML-fout: controleer inspringing, dubbele punten en aanhalingstekens op deze regel"


def _construct(node: yaml.Node, loc: Path_, doc: Document, problems: list[Problem]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULL_SET:  # plain (unquoted) only
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*loc, i), doc, problems) for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                Problem(
                    doc.display,
                    *_mark(key_node),
                    "veldnaam moet gewone tekst zijn, geen lijst of blok",
                )
            )
            continue
        key = key_node.value
        if key in first_line:
            problems.append(
                Problem(
                    doc.display,
                    *_mark(key_node),
                    f"veld '{field_name((*loc, key))}' staat dubbel (eerder op regel "
                    f"{first_line[key]}): verwijder een van de twee",
                )
            )
            continue
        first_line[key] = key_node.start_mark.line + 1
        value = result[key] = _construct(value_node, (*loc, key), doc, problems)
        if value is None:
            doc.has_empty_values = True
    return result
