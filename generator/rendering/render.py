"""Rendering: from the catalog to generated pages, as `{source path: Page}`.

Pages are HTML bodies made by Jinja2 templates with autoescape on (`templates/*.html.j2`),
so no engine has to run Markdown over them: authors' Markdown is rendered once, by
`author_text` (CommonMark), and everything else is escaped by the template engine. Each
template starts with a small YAML front matter (title, description, hide), which is what
another engine reads from the page file `maatwerkbank generate --out` writes. A site can
override any template by putting a file of the same name in its own templates folder.
Links between generated pages are final relative URLs from `addresses`.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

import jinja2
import yaml
from markupsafe import Markup

from generator.contract import labels
from generator.contract.model import Case
from generator.contract.problems import Problem
from generator.reading import author_text
from generator.reading.loading import CASE_SUFFIXES, RESERVED_SLUG_RE, SLUG_RE
from generator.reading.vocabulary import Term, Vocabulary
from generator.rendering import charts, exports, facets, linked_data
from generator.rendering.addresses import Addresses
from generator.rendering.catalog import Catalog, Deviation, Entry
from generator.rendering.site_info import SiteInfo

TEMPLATES = Path(__file__).parent / "templates"
PER_PAGE = 50
# Generated pages that belong in the navigation (the rest hang off these listings).
NAV_PAGES = (
    "index.md",
    "cases/index.md",
    "pilots/index.md",
    "themas/index.md",
    "doelgroepen/index.md",
    "tips/index.md",
    "organisaties/index.md",
    "partners/index.md",
    "regios/index.md",
    "regelruimte/index.md",
    "statistieken.md",
    "zoeken.md",
)
PROBLEMS_PAGE = "problemen.md"
"""Shown only in the preview, while case files have problems."""
# Tips are grouped per case (each tip once); a page holds the tips of this many cases.
TIP_CASES_PER_PAGE = 50
RULES_PER_PAGE = 60
# The home page shows the most recently updated cases.
HOME_NEWEST = 5

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """One page of a paginated listing."""

    src: str
    number: int
    pages: list[str]

    @property
    def total(self) -> int:
        return len(self.pages)


@dataclass(frozen=True)
class Heading:
    """An entry of a page's table of contents: level 1-6, its id and its text as HTML."""

    level: int
    id: str
    html: str


@dataclass(frozen=True)
class Page:
    """One generated page: what an engine needs to theme it, and the file another engine reads.

    `title` and `description` are plain text (an adapter escapes them where its theme does
    not); `body` is the HTML of the page's content, its `<h1>` included; `toc` lists its
    headings with ids, in order, `<h1>` included; `hide` names theme parts the page does
    without (`toc`); `source` is the whole template output, front matter and body, as
    `generate --out` writes it.
    """

    title: str
    description: str
    body: str
    source: str
    toc: tuple[Heading, ...] = ()
    hide: tuple[str, ...] = ()
    anchor_ids: frozenset[str] = field(default_factory=frozenset)
    meta: dict[str, str] = field(default_factory=dict)
    """The rest of the front matter, as text (`bijgewerkt`, `feed`, `og_type`)."""


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink"', re.S)


def _ids(body: str) -> list[str]:
    """The values of the `id` attributes in `body` (`\\sid="([^"]+)"`, found by looking for
    `id="` itself: the regular expression tried a match at every white space, and took
    0.4 s over the pages of 5,000 cases, in the one process that themes them)."""
    found = []
    at = body.find('id="')
    while at != -1:
        end = body.find('"', at + 4)
        if end == -1:
            break
        if end > at + 4 and at and body[at - 1].isspace():
            found.append(body[at + 4 : end])
            at = body.find('id="', end + 1)  # on after the match, as `findall` goes on
        else:
            at = body.find('id="', at + 1)
    return found


def split_front_matter(source: str) -> tuple[str, str]:
    """A template's output as its front matter (with its `---` lines) and its body."""
    found = _FRONT_MATTER.match(source)
    return (source[: found.end()], source[found.end() :]) if found else ("", source)


def page(source: str) -> Page:
    """A rendered template's output as a `Page`: its front matter read, its headings and
    ids collected (only the core's own markup has ids and headings: author text is escaped,
    and author headings come from `author_text`, in the same form)."""
    found = _FRONT_MATTER.match(source)
    meta: dict[str, Any] = yaml.load(found[1], Loader=yaml.CSafeLoader) if found else {}
    body = source[found.end() :] if found else source
    return Page(
        title=str(meta.get("title", "")),
        description=str(meta.get("description", "")),
        body=body,
        source=source,
        toc=tuple(
            Heading(int(level), id_, text.strip()) for level, id_, text in _HEADING.findall(body)
        ),
        hide=tuple(meta.get("hide") or ()),
        anchor_ids=frozenset(_ids(body)),
        meta={
            str(k): str(v)
            for k, v in meta.items()
            if k not in ("title", "description", "hide") and v is not None
        },
    )


def toc_tokens(headings: Sequence[Heading]) -> list[dict[str, Any]]:
    """Headings in order as the nested tokens Python-Markdown's `toc` extension makes, which
    is what MkDocs (`get_toc`) and Zensical read a page's table of contents from."""
    root: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(0, root)]
    for h in headings:
        while stack[-1][0] >= h.level:
            stack.pop()
        children: list[dict[str, Any]] = []
        stack[-1][1].append(
            {
                "level": h.level,
                "id": h.id,
                "name": h.html,
                "html": h.html,
                "data-toc-label": "",
                "children": children,
            }
        )
        stack.append((h.level, children))
    return root


def environment(
    override_dir: Path | None = None,
    addresses: Addresses | None = None,
    site: SiteInfo | None = None,
) -> jinja2.Environment:
    """The template environment of one build: autoescape on, so every value a template
    prints is escaped unless it is markup the core made (`Markup`). `site`: its name,
    address and licence (for structured data)."""
    loaders: list[jinja2.BaseLoader] = []
    if override_dir is not None:
        loaders.append(jinja2.FileSystemLoader(override_dir))
    loaders.append(jinja2.FileSystemLoader(TEMPLATES))
    addresses = addresses or Addresses()
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=bytecode_cache(),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        md=_markdown,
        first_sentence=_first_sentence,
        datum=labels.dutch_date,
        periode=labels.dutch_period,
        euro=labels.euro,
        front=_front_matter_text,
    )
    env.globals.update(
        href=_href,
        action=_action,
        heading=_heading,
        addresses=addresses,
        **_Lists(addresses).globals(),
        SOORT=labels.SOORT,
        STATUS=labels.STATUS,
        FASE=labels.FASE,
        NIVEAU=labels.NIVEAU,
        NIVEAU_UITLEG=labels.NIVEAU_UITLEG,
        EENHEID=labels.EENHEID,
        aantal=labels.count,
        site=site or SiteInfo(),
    )
    return env


@jinja2.pass_context
def _markdown(
    context: jinja2.runtime.Context, text: str, id_prefix: str, heading_level: int = 3
) -> Markup:
    """An author's Markdown field as safe HTML (see `author_text`), its headings under
    `heading_level` and their ids in the namespace `id_prefix`; images only from the
    case's own media, linked from this page."""
    addresses: Addresses = context["addresses"]
    page_src: str = context["page_src"]
    media = {
        image.bestand: addresses.relative_url(image.bestand, page_src)
        for image in (context.get("case") and context["case"].afbeeldingen) or ()
    }
    cases = context.get("published")
    rendered = author_text.render(text, author_text.Context(heading_level, id_prefix, media, cases))
    return Markup(rendered)  # noqa: S704 (markdown-it with raw HTML off: escaped text)


@jinja2.pass_context
def _heading(
    context: jinja2.runtime.Context,
    level: int,
    text: str,
    id: str | None = None,
    label: str | None = None,
) -> Markup:
    """A heading of the page's own structure, with the permalink the theme's headings have.
    Its id is the slug of its text (as Python-Markdown's `toc` made them), unique on the
    page; author headings use namespaced ids (`field--slug`), which never collide. A
    `label` goes before the text ("Regel:"), outside the id."""
    ids: dict[str, int] = context.vars.setdefault("_heading_ids", {})
    unique = author_text.unique_id(id or author_text.slug(text) or "kop", ids, "_")
    escaped = html.escape(text, quote=False)
    if label:
        escaped = f'<span class="mwb-field">{html.escape(label, quote=False)}</span> {escaped}'
    return Markup(
        f'<h{level} id="{unique}">{escaped}<a class="headerlink" href="#{unique}" '
        f'title="Link naar dit kopje">&para;</a></h{level}>'
    )


def _first_sentence(markdown: str, limit: int = 220) -> str:
    """The first sentence of an author's Markdown, as text (for "In het kort"); cut at a
    word with an ellipsis when it runs longer than `limit` characters."""
    text = " ".join(author_text.visible_text(markdown).split())
    end = next((m.end() for m in _SENTENCE_END.finditer(text)), len(text))
    sentence = text[:end].strip()
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence


_SENTENCE_END = re.compile(r"[.!?:](?=\s+[A-Z0-9“\"'(])")
_CONTENTS_MARK = "<!-- maatwerkbank:inhoud -->"


def _front_matter_text(value: str) -> Markup:
    """A value for the front matter: one line, as a JSON string (valid YAML)."""
    return Markup(json.dumps(" ".join(str(value).split()), ensure_ascii=False))


class _Lists:
    """Lists of entries, tips and rule deviations, as HTML written in Python.

    Every case appears in about ten listings (all cases, its themes, target groups,
    organisation, partners, tips, rules): a Jinja macro call per entry cost five times as
    much (0.5 s at 5,000 cases). Templates place the lists with `entry_list(...)` and its
    siblings. Each case's escaped texts are made once per build (one `_Lists` per
    environment, and one environment per build), not once per listing it is in.
    """

    def __init__(self, addresses: Addresses) -> None:
        self._texts: dict[str, _EntryTexts] = {}
        self._addresses = addresses

    def globals(self) -> dict[str, Callable[..., Markup]]:
        return {
            "entry_list": self.entry_list,
            "partner_entry_list": self.partner_entry_list,
            "tip_groups": self.tip_groups,
            "deviation_list": self.deviation_list,
        }

    def texts(self, entry: Entry) -> _EntryTexts:
        texts = self._texts.get(entry.slug)
        if texts is None:
            texts = self._texts[entry.slug] = _EntryTexts.of(entry.case)
        return texts

    @jinja2.pass_context
    def entry_list(
        self, context: jinja2.runtime.Context, entries: Sequence[Entry], level: int = 2
    ) -> Markup:
        """Entries with title, summary and meta; titles are headings of `level` (3 under a
        page's own section heading, as on the home page)."""
        return self._articles(context["page_src"], entries, None, level)

    @jinja2.pass_context
    def partner_entry_list(
        self,
        context: jinja2.runtime.Context,
        entries: Sequence[Entry],
        roles: dict[str, list[str]],
    ) -> Markup:
        """A partner's entries: title, the partner's role in each case (not the summary), meta."""
        return self._articles(context["page_src"], entries, roles)

    def _articles(
        self,
        page_src: str,
        entries: Sequence[Entry],
        roles: dict[str, list[str]] | None,
        level: int = 2,
    ) -> Markup:
        items = []
        for e in entries:
            t = self.texts(e)
            text = (
                t.summary
                if roles is None
                else f"<strong>Rol:</strong> {'; '.join(map(_h, roles[e.slug]))}"
            )
            url = self._addresses.relative_url(e.src, page_src)
            items.append(
                f'<article class="mwb-entry">\n'
                f'<h{level}><a href="{url}">{t.title}</a></h{level}>\n'
                f"<p>{text}</p>\n"
                f'<p class="mwb-entry-meta">{t.meta}</p>\n'
                f"</article>\n"
            )
        return Markup(f'<div class="mwb-list">\n{"".join(items)}</div>\n')

    @jinja2.pass_context
    def tip_groups(
        self, context: jinja2.runtime.Context, entries: Sequence[Entry], current: str = ""
    ) -> Markup:
        """Each case's tips once, under the case's title, with its themes as labels that lead
        to the tips of that theme (`current`: the theme of the page, shown without a link)."""
        page_src = context["page_src"]
        themes = context["themes"]
        groups = []
        for e in entries:
            t = self.texts(e)
            tips = "".join(f"<li>{_h(tip)}</li>\n" for tip in e.case.tips_voor_gemeenten)
            labels_ = []
            for slug in dict.fromkeys(e.case.themas):
                label = _h(themes[slug].label)
                target = self._addresses.relative_url(f"tips/{slug}.md", page_src)
                labels_.append(
                    f'<li><span class="mwb-label" aria-current="page">{label}</span></li>'
                    if slug == current
                    else f'<li><a class="mwb-label" href="{target}">{label}</a></li>'
                )
            url = self._addresses.relative_url(e.src, page_src)
            groups.append(
                f'<section class="mwb-tip-group">\n'
                f'<h2><a href="{url}">{t.title}</a></h2>\n'
                f'<p class="mwb-entry-meta">{t.source}</p>\n'
                f'<ul class="mwb-tips">\n{tips}</ul>\n'
                f'<ul class="mwb-labels" aria-label="Thema\'s">{"".join(labels_)}</ul>\n'
                f"</section>\n"
            )
        return Markup(f'<div class="mwb-list">\n{"".join(groups)}</div>\n')

    @jinja2.pass_context
    def deviation_list(
        self, context: jinja2.runtime.Context, deviations: Sequence[Deviation], rule: bool = False
    ) -> Markup:
        """How each case deviated from one rule (or, with `rule`, from one source: each
        deviation's rule first), with the case."""
        pairs = [
            (
                (f'<span class="mwb-field">Regel:</span> {_h(d.rule)}<br>' if rule else "")
                + f'<span class="mwb-field">Hoe afgeweken:</span> {_h(d.explanation)}',
                d.entry,
            )
            for d in deviations
        ]
        return self._sourced(context["page_src"], pairs, "")

    def _sourced(self, page_src: str, items: list[tuple[str, Entry]], attributes: str) -> Markup:
        """Items of escaped HTML, each with the case it comes from."""
        rows = []
        for text, e in items:
            t = self.texts(e)
            rows.append(
                f'<li>{text}<br><span class="mwb-entry-meta">Uit: '
                f'<a href="{self._addresses.relative_url(e.src, page_src)}">{t.title}</a> '
                f"({t.source})</span></li>\n"
            )
        return Markup(f"<ul{attributes}>\n{''.join(rows)}</ul>\n")


@dataclass(frozen=True)
class _EntryTexts:
    """A case's texts as listings show them, escaped for HTML text."""

    title: str
    summary: str
    meta: str
    """`Organisation · Municipality · Kind (phase)`."""
    source: str
    """`Organisation, Municipality`."""

    @classmethod
    def of(cls, case: Case) -> _EntryTexts:
        organisation, municipality = _h(case.organisatie), _h(case.gemeente)
        meta = f"{organisation} · {municipality} · {labels.SOORT[case.soort]}"
        if case.pilot:
            meta += f" ({labels.FASE[case.pilot.fase].lower()})"
        if case.status == "gearchiveerd":
            meta += " · gearchiveerd"
        return cls(_h(case.titel), _h(case.samenvatting), meta, f"{organisation}, {municipality}")


def _h(value: str) -> str:
    return html.escape(value, quote=False)


@functools.cache
def bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, kept between builds: compiling them is a fixed 0.05 s of every
    build (a tenth of the core's time at 1,000 cases), the same each time unless a template
    changes. Jinja's own cache, in a folder of the temp directory that only this user can
    write (checked by Jinja); entries carry a checksum of their source, so an edited
    template is compiled again. Where no such folder can be made, templates are compiled
    every time."""
    try:
        return jinja2.FileSystemBytecodeCache(pattern="__maatwerkbank_%s.cache")
    except (OSError, RuntimeError):
        return None


@jinja2.pass_context
def _href(context: jinja2.runtime.Context, target: str) -> str:
    """Relative URL from the page being rendered to another page or file (a source path)."""
    addresses: Addresses = context["addresses"]
    return addresses.relative_url(target, context["page_src"])


@jinja2.pass_context
def _action(context: jinja2.runtime.Context, target: str) -> str:
    """The final relative URL of a page, for a form's `action` (engines rewrite links in
    `href` only)."""
    addresses: Addresses = context["addresses"]
    return addresses.final_url(target, context["page_src"])


def case_page_renderer(catalog: Catalog, env: jinja2.Environment) -> Callable[[Entry], str]:
    """The function that renders one case's page (the pipeline runs it for every case,
    possibly in several processes)."""
    template = env.get_template("case.html.j2")
    published = frozenset(catalog.by_slug)

    site: SiteInfo = env.globals["site"]  # type: ignore[assignment]
    addresses: Addresses = env.globals["addresses"]  # type: ignore[assignment]

    def case_page(entry: Entry) -> str:
        url = site.url + addresses.page_url(entry.src) if site.url else ""
        structured = linked_data.article(entry.case, url, catalog.vocabulary, site)
        meta = {"bijgewerkt": entry.case.bijgewerkt.isoformat(), "og_type": "article"}
        return _with_contents(
            template.render(
                structured=linked_data.script(structured),
                meta=meta,
                region=catalog.region_of(entry),
                page_src=entry.src,
                entry=entry,
                case=entry.case,
                vocabulary=catalog.vocabulary,
                related=catalog.related(entry),
                organisation=catalog.organisation_of(entry),
                partner_named=catalog.partner_named,
                published=published,
                **_knowledge(catalog, entry),
            )
        )

    return case_page


def _knowledge(catalog: Catalog, entry: Entry) -> dict[str, Any]:
    """What a case page shows besides the case itself about how its knowledge travels:
    the published cases it names as adopted, those that adopted it (with what they did
    differently), whether it may be out of date, and the funding streams' labels."""
    adopters = [
        (other, next(o.verschil for o in other.case.overgenomen_van or [] if o.case == entry.slug))
        for other in catalog.adopters.get(entry.slug, [])
    ]
    return {
        "by_slug": catalog.by_slug,
        "adopters": adopters,
        "stale": catalog.is_stale(entry),
        "geldstromen": catalog.vocabulary.geldstromen,
    }


def _with_contents(source: str) -> str:
    """The page with its sections listed where the template asks (`_CONTENTS_MARK`): the
    headings of level 2 as made, but "In het kort" itself."""
    if _CONTENTS_MARK not in source:
        return source
    items = "".join(
        f'<li><a href="#{id_}">{text.strip()}</a></li>\n'
        for level, id_, text in _HEADING.findall(source)
        if level == "2" and id_ != "in-het-kort"
    )
    return source.replace(_CONTENTS_MARK, f"<ul>\n{items}</ul>", 1)


@dataclass(frozen=True)
class Listing:
    """One generated page that is not a case page, before it is rendered.

    `cases` are the slugs of the cases whose own texts the page shows, in order; `figures`
    is everything else it shows that a change to one case can change (totals, names, the
    pages of its listing). Two builds whose listing pages have equal `cases` and `figures`
    and whose cases on it are unchanged make the same page: the preview's quick path
    (`preview.update`) renders only the others. `make` renders the page.
    """

    src: str
    cases: tuple[str, ...]
    figures: Any
    make: Callable[[], str]


def listings(catalog: Catalog, env: jinja2.Environment) -> Iterator[Listing]:
    """Every generated page that is not a case page, unrendered (see `Listing`); computing
    them without rendering costs a few hundredths of a second at 5,000 cases.

    Each page's front matter says when it last changed (`bijgewerkt`: the newest case it
    lists, or the newest of all for a page about all cases), which the sitemap shows, and
    the pages of a theme, target group or region name their feed (`feed`)."""
    newest = catalog.entries[0].case.bijgewerkt if catalog.entries else None
    followed = {
        f"{kind}/{slug}.md": (exports.feed_path(kind, slug), title)
        for kind, slug, title, _ in exports.feeds(catalog)
    }
    for listing in _listings(catalog, env):
        dates = [catalog.by_slug[s].case.bijgewerkt for s in listing.cases]
        changed = max(dates) if dates else newest
        meta: dict[str, str] = {"bijgewerkt": changed.isoformat()} if changed else {}
        if listing.src in followed:
            meta["feed"], meta["feed_title"] = followed[listing.src]
        if not meta:
            yield listing
            continue
        yield Listing(
            listing.src,
            listing.cases,
            (listing.figures, tuple(meta.items())),
            functools.partial(_with_meta, listing.make, meta),
        )


def _with_meta(make: Callable[[], str], meta: dict[str, str]) -> str:
    """A page's template output with `meta` added to its front matter."""
    return with_front_matter(make(), meta)


def with_front_matter(source: str, meta: dict[str, str]) -> str:
    """`source` (front matter and body) with `meta` added to the front matter (as JSON
    strings: valid YAML)."""
    lines = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()
    )
    found = _FRONT_MATTER.match(source)
    if not found:
        return f"---\n{lines}---\n{source}"
    return source[: found.end(1)] + "\n" + lines.rstrip("\n") + source[found.end(1) :]


def _listings(catalog: Catalog, env: jinja2.Environment) -> Iterator[Listing]:
    """The pages of `listings`, as their templates make them."""
    vocabulary = catalog.vocabulary
    yield _home(catalog, env)
    listing = env.get_template("listing.html.j2")
    yield from _paginated(
        listing,
        "cases/index.md",
        catalog.entries,
        title="Alle cases",
        intro="Alle gepubliceerde cases, de meest recent bijgewerkte eerst.",
        tips=None,
        feed=None,
    )
    yield from _paginated(
        listing,
        "pilots/index.md",
        catalog.pilots,
        title="Pilots",
        intro="Proeven waarin partners samen iets nieuws uitprobeerden, vaak met "
        "ruimte buiten de gewone regels.",
        tips=None,
        feed=None,
    )
    terms_template = env.get_template("terms.html.j2")
    for kind, index, section_title in (
        ("themas", catalog.by_theme, "Thema's"),
        ("doelgroepen", catalog.by_group, "Doelgroepen"),
    ):
        terms = vocabulary.terms(kind)
        counted = [(term, len(index[slug])) for slug, term in terms.items()]
        tipped = {term.slug: tips for term, _, tips in tips_per_term(catalog, kind)}
        yield Listing(
            f"{kind}/index.md",
            (),
            tuple((term.slug, count) for term, count in counted),
            functools.partial(
                terms_template.render,
                page_src=f"{kind}/index.md",
                title=section_title,
                kind=kind,
                terms=counted,
            ),
        )
        for slug, term in terms.items():
            yield from _paginated(
                listing,
                f"{kind}/{slug}.md",
                index[slug],
                title=term.label,
                intro=term.description,
                tips=(tips_address(kind, slug), tipped[slug]) if slug in tipped else None,
                feed=exports.feed_path(kind, slug),
            )
    yield from _tips_pages(catalog, env)
    yield from _connection_pages(catalog, env, listing)
    finder = json.dumps(facets.finder_data(catalog), ensure_ascii=False).replace("<", "\\u003c")
    yield Listing(
        "zoeken.md",
        (),
        (len(catalog.entries), finder),
        functools.partial(
            env.get_template("zoeken.html.j2").render,
            page_src="zoeken.md",
            total=len(catalog.entries),
            facets=finder,
        ),
    )
    drawn = charts.charts(catalog)
    yield Listing(
        "statistieken.md",
        (),
        (len(catalog.entries), tuple(drawn)),
        functools.partial(
            env.get_template("statistieken.html.j2").render,
            page_src="statistieken.md",
            charts=drawn,
            total=len(catalog.entries),
        ),
    )


def _home(catalog: Catalog, env: jinja2.Environment) -> Listing:
    """The home page for readers: what the bank holds at a glance, from the catalog.

    Generated (not hand-written) so its numbers, newest cases and term counts are always
    those of this build; an own text goes in a `home.html.j2` in the site's templates folder.
    """
    vocabulary = catalog.vocabulary
    newest = catalog.entries[:HOME_NEWEST]
    counts = {
        "total": len(catalog.entries),
        "pilots": len(catalog.pilots),
        "tips": sum(len(e.case.tips_voor_gemeenten) for e in catalog.entries),
        "deviations": sum(len(items) for _, items in catalog.deviations),
        "organisations": len(catalog.organisations),
        "adoptions": catalog.adoptions,
    }
    themes = _terms_by_count(vocabulary.themas, catalog.by_theme)
    groups = _terms_by_count(vocabulary.doelgroepen, catalog.by_group)
    return Listing(
        "index.md",
        tuple(e.slug for e in newest),
        (
            tuple(counts.values()),
            tuple((t.slug, n) for t, n in themes),
            tuple((t.slug, n) for t, n in groups),
        ),
        functools.partial(
            env.get_template("home.html.j2").render,
            page_src="index.md",
            newest=newest,
            themes=themes,
            groups=groups,
            structured=linked_data.script(linked_data.dataset(catalog, env.globals["site"])),  # type: ignore[arg-type]
            **counts,
        ),
    )


def _terms_by_count(
    terms: dict[str, Term], index: dict[str, list[Entry]]
) -> list[tuple[Term, int]]:
    """Terms that have cases, the most used first (then in vocabulary order)."""
    counted = [(term, len(index[slug])) for slug, term in terms.items() if index[slug]]
    return sorted(counted, key=lambda pair: -pair[1])


def _connection_pages(
    catalog: Catalog, env: jinja2.Environment, listing: jinja2.Template
) -> Iterator[Listing]:
    """Organisations, partners and rule deviations: the pages that connect cases."""
    names = env.get_template("names.html.j2")
    for kind, title, intro, group in (
        (
            "organisaties",
            "Organisaties",
            "De organisaties die cases publiceren, met het aantal cases.",
            catalog.organisations,
        ),
        (
            "partners",
            "Partners",
            "Organisaties die als partner in een case meededen, met het aantal cases.",
            catalog.partners,
        ),
    ):
        src = f"{kind}/index.md"
        yield Listing(
            src,
            (),
            tuple((n.name, n.slug, len(n.entries)) for n in group),
            functools.partial(
                names.render, page_src=src, kind=kind, title=title, intro=intro, names=group
            ),
        )
    for org in catalog.organisations:
        yield from _paginated(
            listing,
            f"organisaties/{org.slug}.md",
            org.entries,
            title=org.name,
            intro=f"Cases gepubliceerd door {org.name}.",
            tips=None,
            feed=None,
        )
    regions = env.get_template("names.html.j2")
    yield Listing(
        "regios/index.md",
        (),
        tuple((n.name, n.slug, len(n.entries)) for n in catalog.regions),
        functools.partial(
            regions.render,
            page_src="regios/index.md",
            kind="regios",
            title="Regio's",
            intro="De regio's waar de cases spelen, met het aantal cases. Volg een regio met "
            "haar feed.",
            names=catalog.regions,
        ),
    )
    for region in catalog.regions:
        yield from _paginated(
            listing,
            f"regios/{region.slug}.md",
            region.entries,
            title=f"Regio {region.name}",
            intro=f"Cases uit de regio {region.name}.",
            tips=None,
            feed=exports.feed_path("regios", region.slug),
        )
    partner = env.get_template("partner.html.j2")
    for named in catalog.partners:
        yield from _paginated(partner, f"partners/{named.slug}.md", named.entries, partner=named)
    yield from _rules_pages(catalog, env)


@dataclass(frozen=True)
class RuleGroup:
    """A group on the Regelruimte page: the deviations from one legal or policy source
    (`kind` "bron", with its address), or those from one rule that name no source."""

    kind: str
    title: str
    url: str | None
    deviations: Sequence[Deviation]

    @property
    def cases(self) -> int:
        return len({d.entry.slug for d in self.deviations})


def _rules_pages(catalog: Catalog, env: jinja2.Environment) -> Iterator[Listing]:
    """Regelruimte: the deviations grouped by the law, regulation or policy they set aside,
    the one set aside most often first; then those that name no source, by rule."""
    rules = env.get_template("regelruimte.html.j2")
    count = sum(len(items) for _, items in catalog.deviations)
    groups = [RuleGroup("bron", s.name, s.url, s.deviations) for s in catalog.sources]
    groups += [RuleGroup("regel", rule, None, items) for rule, items in catalog.unsourced]
    for pager, chunk in _pages("regelruimte/index.md", groups, RULES_PER_PAGE):
        yield Listing(
            pager.src,
            tuple(d.entry.slug for group in chunk for d in group.deviations),
            (
                count,
                len(catalog.sources),
                tuple(pager.pages),
                tuple((g.kind, g.title, g.url, len(g.deviations), g.cases) for g in chunk),
            ),
            functools.partial(
                rules.render,
                page_src=pager.src,
                pager=pager,
                groups=chunk,
                count=count,
                sources=len(catalog.sources),
            ),
        )


def problems_banner(count: int, page_src: str, addresses: Addresses) -> str:
    """The preview's warning on every page while case files have problems (HTML)."""
    target = addresses.relative_url(PROBLEMS_PAGE, page_src)
    word = "probleem" if count == 1 else "problemen"
    return (
        f'<div class="admonition danger"><p class="admonition-title">{count} {word} in '
        f"case-bestanden</p><p>Cases met een probleem worden niet getoond. "
        f'<a href="{target}">Bekijk de problemen</a></p></div>\n'
    )


def render_problems(problems: Sequence[Problem], env: jinja2.Environment) -> str:
    """A page listing content problems, shown in the preview instead of failing it."""
    return env.get_template("problems.html.j2").render(page_src=PROBLEMS_PAGE, problems=problems)


def case_problem_pages(
    problems: Sequence[Problem], env: jinja2.Environment, taken: Iterable[str] = ()
) -> dict[str, str]:
    """For the preview: at the page of each case file with problems, a page saying what is
    wrong with it (an author who saves a mistake sees it where the case was, not a 404).
    Only for files whose name is a case's address and whose page is not `taken`."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        name = PurePosixPath(problem.path)
        is_case = name.suffix in CASE_SUFFIXES and SLUG_RE.fullmatch(name.stem)
        if is_case and not RESERVED_SLUG_RE.fullmatch(name.stem):
            by_file.setdefault(problem.path, []).append(problem)
    taken = set(taken)
    pages = {}
    template = env.get_template("case_problems.html.j2")
    for path, found in by_file.items():
        src = f"cases/{PurePosixPath(path).stem}.md"
        if src not in taken:
            pages[src] = template.render(
                page_src=src, path=path, problems=found, problems_page=PROBLEMS_PAGE
            )
    return pages


def _paginated(
    template: jinja2.Template, first_src: str, entries: Sequence[Entry], **context: Any
) -> Iterator[Listing]:
    """A listing of cases over as many pages as it needs. Its figures are its total, its
    pages and the names it shows (`title`, `partner`)."""
    names = tuple(str(getattr(value, "name", value)) for value in context.values())
    for pager, chunk in _pages(first_src, entries, PER_PAGE):
        yield Listing(
            pager.src,
            tuple(e.slug for e in chunk),
            (len(entries), tuple(pager.pages), names),
            functools.partial(
                template.render,
                page_src=pager.src,
                pager=pager,
                entries=chunk,
                count=len(entries),
                **context,
            ),
        )


def _pages(
    first_src: str, items: Sequence[T], per_page: int
) -> Iterator[tuple[Pager, Sequence[T]]]:
    """Split a listing into pages: `x/index.md` continues at `x/pagina-2.md`, `x/y.md` at
    `x/y/pagina-2.md` (case slugs `index` and `pagina-N` are reserved for this)."""
    stem = first_src.removesuffix(".md")
    folder = stem.removesuffix("/index") if stem.endswith("/index") else stem
    total = max(1, -(-len(items) // per_page))
    srcs = [first_src] + [f"{folder}/pagina-{n}.md" for n in range(2, total + 1)]
    for number, src in enumerate(srcs, start=1):
        yield Pager(src, number, srcs), items[(number - 1) * per_page : number * per_page]


def tips_address(kind: str, slug: str) -> str:
    """The tips page of a theme (`tips/<slug>.md`) or target group
    (`tips/doelgroepen/<slug>.md`)."""
    return f"tips/{slug}.md" if kind == "themas" else f"tips/doelgroepen/{slug}.md"


def tips_per_term(catalog: Catalog, kind: str) -> list[tuple[Term, list[Entry], int]]:
    """Each theme or target group that has tips: its cases with tips, and their count."""
    terms = catalog.vocabulary.terms(kind)
    index = catalog.by_theme if kind == "themas" else catalog.by_group
    return [
        (terms[slug], tipped, sum(len(e.case.tips_voor_gemeenten) for e in tipped))
        for slug, entries in index.items()
        if (tipped := [e for e in entries if e.case.tips_voor_gemeenten])
    ]


def _tips_pages(catalog: Catalog, env: jinja2.Environment) -> Iterator[Listing]:
    """Every tip of every published case once, grouped by its case (its themes shown as
    labels), and the same per theme and per target group: a tip of a case with five
    themes is not read five times on one page."""
    themes = catalog.vocabulary.themas
    with_tips = [e for e in catalog.entries if e.case.tips_voor_gemeenten]
    per_theme = tips_per_term(catalog, "themas")
    per_group = tips_per_term(catalog, "doelgroepen")
    index = env.get_template("tips.html.j2")
    count = sum(len(e.case.tips_voor_gemeenten) for e in with_tips)
    summary = tuple(
        (kind, term.slug, len(tipped), tips)
        for kind, terms in (("themas", per_theme), ("doelgroepen", per_group))
        for term, tipped, tips in terms
    )
    for pager, chunk in _pages("tips/index.md", with_tips, TIP_CASES_PER_PAGE):
        yield Listing(
            pager.src,
            tuple(e.slug for e in chunk),
            (count, len(with_tips), tuple(pager.pages), summary),
            functools.partial(
                index.render,
                page_src=pager.src,
                pager=pager,
                entries=chunk,
                count=count,
                cases=len(with_tips),
                per_theme=per_theme,
                per_group=per_group,
                themes=themes,
            ),
        )
    template = env.get_template("tips_theme.html.j2")
    for kind, terms in (("themas", per_theme), ("doelgroepen", per_group)):
        for term, tipped, tips in terms:
            for pager, chunk in _pages(tips_address(kind, term.slug), tipped, TIP_CASES_PER_PAGE):
                yield Listing(
                    pager.src,
                    tuple(e.slug for e in chunk),
                    (tips, len(tipped), tuple(pager.pages)),
                    functools.partial(
                        template.render,
                        page_src=pager.src,
                        pager=pager,
                        term=term,
                        kind=kind,
                        entries=chunk,
                        count=tips,
                        cases=len(tipped),
                        themes=themes,
                    ),
                )


def nav_sections(vocabulary: Vocabulary) -> dict[str, list[tuple[str, str]]]:
    """Navigation entries under each term section: one per theme and per target group.

    Bounded by the vocabulary, never by the number of cases: listing every case in the nav
    makes every page carry the whole nav, and the build quadratic.
    """
    return {
        f"{kind}/index.md": [
            (t.label, f"{kind}/{slug}.md") for slug, t in vocabulary.terms(kind).items()
        ]
        for kind in ("themas", "doelgroepen")
    }
