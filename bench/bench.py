"""Benchmark: the build at 100, 1,000 and 5,000 synthetic cases.

    python bench/bench.py [--sizes 100,1000,5000] [--keep DIR] [--rounds 3]

For each size it writes valid synthetic cases (a realistic spread over organisations,
municipalities, partners, themes and target groups, about 600 words each) into a temporary
copy of the site project and measures:
- check: load + validate every file (`maatwerkbank check`), and the personal-data scan's
  share of it, also with a sentence of proper nouns added to every case (deduce's cost);
- generator: the whole core pipeline (load, validate, select, index, render pages);
  both as the median of three fresh processes;
- full build: `mkdocs build` as a user runs it (a fresh process, so imports count), both
  as a rebuild (into the previous build's site folder, as a second build on a laptop) and
  as a first build (into a new, empty folder, as CI's `make site`);
- plain mkdocs-material over the same pages: the pages `maatwerkbank generate --out`
  writes plus `content/`, built by mkdocs-material without the maatwerkbank plugin (so
  Python-Markdown reads every page), right after the full build, the same two ways; the
  ratio of the two is what the target speaks of, since a ratio of two runs side by side
  survives a busy hour;
- Zensical: `maatwerkbank site --engine zensical` (a fresh process): the core writes the
  site input, Zensical builds it, and the same post-build steps as under MkDocs (Pagefind,
  the web form, CSP, `_headers`); and of that, Zensical's own build alone;
- the builds (full and plain, twice each, and Zensical) run in turns, three rounds, each
  the median;
- preview after one edit: `mkdocs serve` on the same project; once it serves, one case's
  title is changed on disk, and the time is taken until the server returns that case's page
  with the new title (file polling, the quick update, theming, all included);
- the largest case page in the built site, and the cost per 1,000 cases.
It prints Markdown tables for the README. A benchmark, not a test: it asserts nothing.

The generator's modules are compiled to bytecode first, as Python does on a user's machine
at the first run (pip does it at install for the libraries); where PYTHONDONTWRITEBYTECODE
is set, as on this project's build machines, they were compiled anew in every process.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import pipeline  # noqa: E402
from generator.privacy import name_list, person_names  # noqa: E402

TODAY = date(2026, 1, 15)
# The most frequent words of Dutch prose: about four in ten words of the seed cases are
# these. Without them the domain words took their ranks, and a word like "begeleiding" made
# up 2.4 % of every case (15 times in each of 5,000 cases), which no real text does.
FUNCTION_WORDS = [
    "de",
    "een",
    "en",
    "in",
    "van",
    "het",
    "voor",
    "met",
    "aan",
    "niet",
    "die",
    "dat",
    "wat",
    "er",
    "ze",
    "is",
    "te",
    "op",
    "om",
    "ook",
    "als",
    "bij",
    "of",
    "zijn",
    "maar",
    "wordt",
    "dan",
    "nog",
    "naar",
    "door",
    "uit",
    "over",
    "kan",
    "tot",
    "hun",
    "meer",
    "al",
    "we",
    "heeft",
    "geen",
]
WORDS = [
    "huurder",
    "woning",
    "corporatie",
    "gemeente",
    "begeleiding",
    "afspraak",
    "wijk",
    "buurt",
    "zorg",
    "uitkering",
    "werk",
    "regel",
    "uitzondering",
    "overleg",
    "vertrouwen",
    "samen",
    "oplossing",
    "plan",
    "woonconsulent",
    "partner",
    "huur",
    "maand",
    "jaar",
    "bewoner",
    "straat",
    "renovatie",
    "sloop",
    "nieuwbouw",
    "opvang",
    "schuld",
    "budget",
    "gesprek",
    "keuze",
    "ervaring",
    "resultaat",
    "proef",
    "evaluatie",
    "toewijzing",
    "urgentie",
    "inschrijving",
    "contract",
    "sleutel",
]
THEMES = [
    "wonen-en-zorg",
    "dakloosheid",
    "uitstroom",
    "participatie",
    "renovatie-en-sloop",
    "woningaanpassing",
    "samenwerking",
    "werk-en-inkomen",
    "betaalbaarheid",
    "organisatie",
    "leefbaarheid",
]
GROUPS = [
    "dak-en-thuislozen",
    "mensen-met-een-verstandelijke-beperking",
    "mensen-met-een-lichamelijke-beperking",
    "mensen-met-psychische-problemen",
    "ouderen",
    "jongeren",
    "statushouders",
    "mensen-met-schulden",
    "zittende-huurders",
]


def _vocabulary(size: int = 6000) -> tuple[list[str], list[float]]:
    """Words with a Zipf-like spread, as in real prose: Dutch function words, the domain
    words and a few thousand made-up Dutch-looking words, frequency falling with rank. (A small vocabulary would put
    every word on every page, which no real text does and which inflates search indexes.)"""
    syllables = [
        "wo",
        "ning",
        "be",
        "ge",
        "lei",
        "ding",
        "huur",
        "der",
        "ge",
        "meen",
        "te",
        "zorg",
        "plan",
        "over",
        "leg",
        "ver",
        "trou",
        "wen",
        "sa",
        "men",
        "op",
        "los",
        "sing",
        "straat",
        "buurt",
        "werk",
        "re",
        "gel",
        "keu",
        "ze",
        "ja",
        "ren",
        "maand",
        "bij",
        "dra",
        "ge",
        "kos",
        "ten",
        "hulp",
        "vraag",
        "ant",
        "woord",
        "dorp",
        "stad",
        "huis",
    ]
    rng = random.Random(7)
    made: set[str] = set()
    while len(made) < size:
        made.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    known = FUNCTION_WORDS + WORDS
    # Made-up words that happen to be first names or surnames (`beren`) would read as
    # persons to the personal-data scan, as no real case text does so often: left out.
    first, last, _, _ = person_names.words()
    world = set(name_list.names().frequency)  # the world-wide list the scan also reads
    words = known + sorted(made - set(known) - first - last - world)
    rng.shuffle(words[len(known) :])
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    return words, cumulative


VOCABULARY, CUMULATIVE = _vocabulary()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    sentences = []
    while words > 0:
        n = min(words, rng.randint(8, 16))
        sentences.append(sentence(rng, n))
        words -= n
    return " ".join(sentences)


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic_case(i: int, rng: random.Random, n: int) -> str:
    """One valid case of about 600 words, spread like a real knowledge base would be."""
    organisations = max(3, n // 25)
    pilot = rng.random() < 0.3
    themes = rng.sample(THEMES, rng.randint(1, 3))
    groups = rng.sample(GROUPS, rng.randint(1, 2))
    year = rng.choice((2022, 2023, 2024, 2025))
    lines = [
        f"soort: {'pilot' if pilot else 'casus'}",
        f"titel: {quoted(f'Case {i}: ' + sentence(rng, 6))}",
        f"samenvatting: {quoted(paragraph(rng, 35))}",
        f"organisatie: Corporatie {rng.randrange(organisations):03d}",
        f"gemeente: Gemeente {rng.randrange(120):03d}",
        f"regio: Regio {rng.randrange(12):02d}",
        "themas: [" + ", ".join(themes) + "]",
        "doelgroepen: [" + ", ".join(groups) + "]",
        "status: gepubliceerd",
        f"bijgewerkt: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "aanleiding: |",
        *(f"  {paragraph(rng, 60)}\n" for _ in range(2)),
        "aanpak: |",
        *(f"  {paragraph(rng, 70)}\n" for _ in range(3)),
        "resultaten: |",
        f"  {paragraph(rng, 60)}",
        "afwijkingen:",
        *(
            f"  - regel: {quoted(sentence(rng, 5))}\n    toelichting: {quoted(paragraph(rng, 25))}"
            for _ in range(rng.randint(1, 3))
        ),
        "partners:",
        *(
            f"  - naam: Partner {rng.randrange(max(5, n // 10)):04d}\n    rol: {quoted(sentence(rng, 6))}"
            for _ in range(rng.randint(1, 4))
        ),
        "lessen:",
        *(f"  - {quoted(sentence(rng, 14))}" for _ in range(rng.randint(2, 4))),
        "tips_voor_gemeenten:",
        *(f"  - {quoted(sentence(rng, 14))}" for _ in range(rng.randint(1, 3))),
        "contact:",
        "  functie: Team Wonen",
    ]
    if pilot:
        fase = rng.choice(("voorbereiding", "lopend", "afgerond", "gestopt", "opgeschaald"))
        lines += [
            "pilot:",
            f"  fase: {fase}",
            f"  start: {year}-{rng.randint(1, 12):02d}",
            "  deelnemers: 4",
            "  maximale_duur: 6 maanden",
        ]
    return "\n".join(lines) + "\n"


def make_project(target: Path, n: int) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "overrides"):
        shutil.copytree(ROOT / folder, target / folder)
    cases = target / "cases"
    cases.mkdir()
    # the seed vocabulary (THEMES above), not the live one, which a fork may change
    shutil.copy(ROOT / "tests/fixtures/seed/_vocabulaire.yaml", cases)
    rng = random.Random(n)
    for i in range(n):
        (cases / f"case-{i:05d}.yaml").write_text(synthetic_case(i, rng, n), encoding="utf-8")
    return target


_CORE_RUN = """
import sys, time
from datetime import date
from pathlib import Path
from generator.build import pipeline
TODAY = date.fromisoformat({today!r})
project = Path(sys.argv[1])
cases = project / "cases"
import resource
def cpu():
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
started, cpu_started = time.perf_counter(), cpu()
made = pipeline.{call}
print(time.perf_counter() - started, len(made), cpu() - cpu_started)
"""


def core_time(project: Path, call: str) -> tuple[float, int, float]:
    """Seconds `pipeline.<call>` takes, as the median of three fresh processes: cold, as in
    a real build (templates compiled, nothing cached), and steadier than one run on a
    shared machine. Returns the length of what the call made, and the median CPU seconds
    of all its processes (on a crowded machine the wall time says more about the others)."""
    code = _CORE_RUN.format(today=TODAY.isoformat(), call=call)
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code, str(project)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        runs.append((float(out[0]), int(out[1]), float(out[2])))
    return (
        statistics.median(seconds for seconds, _, _ in runs),
        runs[0][1],
        statistics.median(cpu for _, _, cpu in runs),
    )


_SCAN_RUN = """
import sys, time
from pathlib import Path
from generator.privacy import personal_data
from generator.reading.loading import case_files, load
files = case_files([Path(sys.argv[1]) / "cases"])
documents = [load(path, path.name)[0] for path in files]
if sys.argv[2] == "names":
    # A sentence with proper nouns in every case (its own organisation and a partner, a
    # title): what real case text has and the synthetic text lacks; deduce reads it.
    for document in documents:
        data = document.data
        data["aanpak"] += (
            f" Samen met {data['partners'][0]['naam']} zocht {data['organisatie']} met "
            "mevrouw de wethouder een oplossing."
        )
started, cpu_started = time.perf_counter(), time.process_time()
found = sum(len(personal_data.scan(d, p.stem)[0]) for p, d in zip(files, documents))
print(time.perf_counter() - started, found, time.process_time() - cpu_started)
"""


def scan_time(project: Path, variant: str) -> tuple[float, int, float]:
    """Seconds the personal-data scan takes over every case in one process (no fork: its
    share of `check`, which spreads it over the cores), median of three fresh processes;
    deduce's start-up is included when a sentence needs it. Also returns the number of
    findings: the synthetic words are made up, and a few read as first names to deduce
    at the start of a sentence ('Beren'), which no real text would make as often."""
    runs = []
    cpus = []
    found = 0
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _SCAN_RUN, str(project), variant],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        runs.append(float(out[0]))
        cpus.append(float(out[2]))
        found = int(out[1])
    return statistics.median(runs), found, statistics.median(cpus)


def measure(n: int, keep: Path | None, rounds: int) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix=f"mwb-bench-{n}-"))
    try:
        project = make_project(work, n)
        cases = project / "cases"
        checked = pipeline.check([cases], cases, TODAY, base=project)
        assert not checked.problems, checked.problems[:3]
        check_s, _, check_cpu = core_time(
            project, "check([cases], cases, TODAY, base=project).problems"
        )
        scan_s, findings, scan_cpu = scan_time(project, "plain")
        scan_names_s, _, scan_names_cpu = scan_time(project, "names")
        generator_s, pages_made, _ = core_time(project, "build(cases, TODAY, base=project).pages")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1768478400")
        # The engines side by side, in turns, `rounds` times, each figure the median: on a
        # shared machine a busy minute then falls on every engine alike.
        # A rebuild finds the previous build's site folder, as a user's second `mkdocs build`
        # does: one untimed build of each first.
        full_build_time(project, env)
        plain_material_time(project, env)
        keys = ("build", "plain", "first", "plain_first", "zensical", "own")
        runs: dict[str, list[float]] = {key: [] for key in keys}
        for i in range(rounds):
            runs["build"].append(full_build_time(project, env))
            runs["plain"].append(plain_material_time(project, env))
            # Into a new, empty folder, as CI's `make site` builds.
            runs["first"].append(full_build_time(project, env, f"first-{i}"))
            runs["plain_first"].append(plain_material_time(project, env, f"plain-first-{i}"))
            zensical_s, zensical_engine_s = zensical_time(project, env)
            runs["zensical"].append(zensical_s)
            runs["own"].append(zensical_engine_s)
        build_s, plain_s, first_s, plain_first_s, zensical_s, zensical_engine_s = (
            statistics.median(runs[key]) for key in keys
        )
        preview_s = preview_after_edit(project, env)
        pages = list((project / "site" / "cases").glob("case-*/index.html"))
        largest = max(p.stat().st_size for p in pages)
        finder_kb, finder_gz_kb, finder_ms, typed_ms, next_ms = measure_finder(project / "site")
        if keep:
            shutil.copytree(project / "site", keep / f"site-{n}", dirs_exist_ok=True)
        return {
            "n": n,
            "check": check_s,
            "check_cpu": check_cpu,
            "scan": scan_s,
            "scan_cpu": scan_cpu,
            "scan_names": scan_names_s,
            "scan_names_cpu": scan_names_cpu,
            "findings": findings,
            "generator": generator_s,
            "build": build_s,
            "plain": plain_s,
            "first": first_s,
            "plain_first": plain_first_s,
            "zensical": zensical_s,
            "zensical_engine": zensical_engine_s,
            "preview": preview_s,
            "largest_kb": largest / 1024,
            "pages": pages_made,
            "finder_kb": finder_kb,
            "finder_gz_kb": finder_gz_kb,
            "finder_ms": finder_ms,
            "typed_ms": typed_ms,
            "next_ms": next_ms,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure_finder(site: Path) -> tuple[float, float, float, float, float]:
    """The first finder query in Chromium: bytes the finder loads until results show.

    Counts every response the finder's script causes (its own file and Pagefind's bundle,
    index chunks and result fragments), as served (no compression) and gzipped (as a static
    host would send them), and the time from typing to results.
    """
    import gzip
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    # The browser drops requests it no longer needs (the page moved on): not an error here.
    server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    loaded: list[str] = []
    status = "document.getElementById('mwb-status').textContent"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            # Playwright's evaluated predicates need the site's CSP bypassed (the bench only).
            page = browser.new_context(bypass_csp=True).new_page()

            # Only the URLs are noted while the page loads (asking the browser for each
            # body would slow the page being timed); their sizes come from the files.
            def count(response):  # type: ignore[no-untyped-def]
                if "/pagefind/" in response.url or response.url.endswith("finder.js"):
                    loaded.append(response.url.removeprefix(base).split("?")[0])

            def open_to_results(on) -> float:  # type: ignore[no-untyped-def]
                started = time.perf_counter()
                on.goto(base + "zoeken/?q=begeleiding")
                on.wait_for_function(
                    f"{status}.includes('gevonden') && "
                    "document.querySelectorAll('#mwb-results li').length > 0"
                )
                return (time.perf_counter() - started) * 1000

            page.on("response", count)
            opened = [open_to_results(page)]
            first = list(loaded)  # what the first results needed; the filter index follows
            page.wait_for_load_state("networkidle")
            # The median of three first visits (each in a new browser context, nothing cached):
            # one page load on a shared machine varies by a tenth either way.
            for _ in range(2):
                context = browser.new_context(bypass_csp=True)
                opened.append(open_to_results(context.new_page()))
                context.close()
            elapsed = statistics.median(opened)

            def typed_query(on, words: str) -> float:  # type: ignore[no-untyped-def]
                """Milliseconds from typing `words` to their results (pause included). The
                status changes only when a search has shown its results: cleared first."""
                on.evaluate(f"{status} = ''")
                started = time.perf_counter()
                on.fill("#mwb-finder-q", words)
                on.wait_for_function(
                    f"{status}.includes('gevonden') && "
                    f"new URLSearchParams(location.search).get('q') === '{words}'"
                )
                return (time.perf_counter() - started) * 1000

            # a next query, once the finder is loaded: what a reader waits while typing
            again = typed_query(page, "budget")
            # the first query typed by a reader on the loaded page (Pagefind not loaded yet)
            fresh = browser.new_context(bypass_csp=True).new_page()
            fresh.goto(base + "zoeken/")
            fresh.wait_for_load_state("networkidle")
            typed = typed_query(fresh, "begeleiding")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    bodies = [(site / path).read_bytes() for path in first]
    raw = sum(len(body) for body in bodies) / 1024
    gzipped = sum(len(gzip.compress(body)) for body in bodies) / 1024
    return raw, gzipped, elapsed, typed, again


def full_build_time(project: Path, env: dict[str, str], site_dir: str = "site") -> float:
    """Seconds of `mkdocs build --strict` as a user runs it, into `site_dir`."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", site_dir],
        cwd=project,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def plain_material_time(project: Path, env: dict[str, str], site_dir: str = "plain-site") -> float:
    """Seconds plain mkdocs-material takes for the same pages: the core's pages (written by
    `maatwerkbank generate --out`) and `content/`, the site's config without our plugin,
    into `site_dir`."""
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--out", "plain", "--engine", "mkdocs"],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start, end = config.index("plugins:"), config.index("# Kept to what the pages use")
    config = config[:start] + "plugins: []\n\n" + config[end:]
    config = config.replace("docs_dir: content", "docs_dir: plain/docs\nsite_dir: plain-site")
    (project / "plain.yml").write_text(config, encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "plain.yml", "--site-dir", site_dir],
        cwd=project,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def zensical_time(project: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds of the whole site with Zensical (core, Zensical, post-build steps), and of
    the Zensical process within it (its start included, which its own "Build finished in"
    leaves out)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "generator", "site", "--engine", "zensical", "--site-dir", "z-site"],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    total = time.perf_counter() - started
    found = re.search(r"^zensical: ([\d.]+) s$", done.stdout, re.M)
    return total, float(found[1]) if found else float("nan")


def preview_after_edit(project: Path, env: dict[str, str]) -> float:
    """Seconds from saving an edited case to the preview serving its new page."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/cases/case-00000/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 900
        while "case-00000" not in page() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)  # the server's first file poll settles
        case = project / "cases" / "case-00000.yaml"
        text = case.read_text(encoding="utf-8")
        marker = "Bewerkt in het voorbeeld"
        head, rest = text.split("titel: ", 1)
        rest = rest.split("\n", 1)[1]
        started = time.perf_counter()
        case.write_text(f"{head}titel: {marker}\n{rest}", encoding="utf-8")
        while marker not in page():
            if time.perf_counter() - started > 300:
                return float("nan")
            time.sleep(0.05)
        return time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()


def reference_ms() -> float:
    """A fixed piece of pure-Python work, best of five: how fast the machine is right now.
    On a shared machine the same run can take twice as long in a busy hour; printed with
    the table, it tells whether a slow figure is the code or the machine."""
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        runs.append((time.perf_counter() - started) * 1000)
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--keep", type=Path, help="copy each built site here")
    parser.add_argument(
        "--rounds", type=int, default=3, help="turns of the three engine builds (median)"
    )
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "generator", quiet=1)
    rows = []
    before = reference_ms()
    for n in (int(s) for s in args.sizes.split(",")):
        row = measure(n, args.keep, args.rounds)
        rows.append(row)
        print(f"  {n} cases: build {row['build']:.1f} s", file=sys.stderr, flush=True)
    after = reference_ms()
    print(f"\nMeasured on {os.cpu_count()} cores, Python {sys.version.split()[0]}.")
    print(f"Machine reference (a fixed loop): {before:.0f} ms before, {after:.0f} ms after.\n")
    print(
        "| cases | check | generator | full build | plain mkdocs-material, same pages "
        "| ratio | Zensical 0.0.73, full (its own build) "
        "| preview after one edit | per 1,000 cases (build) | largest case page "
        "| first finder query: loaded (gzipped), page open to results (median of 3) "
        "| first query typed "
        "| next query |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['check']:.2f} s | {r['generator']:.2f} s | {r['build']:.1f} s "
            f"| {r['plain']:.1f} s | {r['build'] / r['plain']:.2f}x "
            f"| {r['zensical']:.1f} s ({r['zensical_engine']:.1f} s) | {r['preview']:.2f} s "
            f"| {r['build'] / r['n'] * 1000:.1f} s | {r['largest_kb']:.1f} KB "
            f"| {r['finder_kb']:.0f} KB ({r['finder_gz_kb']:.0f} KB), {r['finder_ms']:.0f} ms "
            f"| {r['typed_ms']:.0f} ms | {r['next_ms']:.0f} ms |"
        )
    print(
        "\nFull build against plain mkdocs-material over the same pages (medians): a rebuild, "
        "into the previous build's site folder, and a first build, into an empty one:\n"
    )
    print("| cases | rebuild | plain | ratio | first build | plain | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['build']:.1f} s | {r['plain']:.1f} s "
            f"| {r['build'] / r['plain']:.2f}x | {r['first']:.1f} s | {r['plain_first']:.1f} s "
            f"| {r['first'] / r['plain_first']:.2f}x |"
        )
    print(
        "\nPersonal-data scan, its share of check (one process, summed over all cases; check "
        "spreads it over the cores):\n"
    )
    print("| cases | check | scan | scan with a sentence of names per case (deduce) |")
    print("|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['n']:,} | {r['check']:.2f} s | {r['scan']:.2f} s | {r['scan_names']:.2f} s |")
    if len(rows) > 1:
        # The target compares 5,000 cases with 1,000 (at 100, fixed costs dominate).
        sized = [r for r in rows if r["n"] >= 1000]
        first, last = (sized[0], sized[-1]) if len(sized) > 1 else (rows[0], rows[-1])
        ratio = (last["build"] / first["build"]) / (last["n"] / first["n"])
        print(
            f"\nGrowth: {last['n'] / first['n']:.0f}x the cases cost {last['build'] / first['build']:.1f}x "
            f"the build time ({ratio:.2f} of linear)."
        )


if __name__ == "__main__":
    main()
