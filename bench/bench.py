"""Benchmark: the product's paths at 1,000 and 5,000 synthetic cases, side by side with a
baseline commit and with plain mkdocs-material over the same pages.

    python bench/bench.py [--sizes 1000,5000] [--rounds 3] [--baseline COMMIT] [--tree COMMIT]
                          [--preview-size N] [--zensical] [--finder] [--keep DIR] [--json FILE]

For each size it writes valid synthetic cases (a realistic spread over organisations,
municipalities, partners, themes and target groups, about 600 words each) and gives every
variant (this tree; the baseline, with `--baseline`) its own copy of the project: that
variant's mkdocs.yml, content/ and overrides/, the same cases. It measures the paths users
take (docs/performance.md):

- first build: `mkdocs build --strict` as a user runs it (a fresh process, so imports
  count) into a new, empty folder, as `make site` and CI build; with its peak memory: the
  largest sum, over the build's whole process tree (forked helpers, Pagefind), of resident
  memory (RSS; and PSS, which counts a page shared by several processes once), sampled
  every 50 ms from /proc, and the largest peak of any one process (`ru_maxrss`);
- plain mkdocs-material over the same pages: the pages `maatwerkbank generate --out`
  writes plus `content/`, built without the maatwerkbank plugin (Python-Markdown reads
  every page), also into an empty folder, with its peak memory;
- check: `maatwerkbank check` over every case, a fresh process;
- preview after one edit (at the largest size, or `--preview-size`): `mkdocs serve` on
  the project; once it serves, one case's title is changed on disk, and the time is taken
  until the server returns that case's page with the new title (`--rounds` edits, each
  after the server has settled);
- with `--zensical`: `maatwerkbank site --engine zensical`, the whole site;
- with `--finder`: the first finder query in Chromium on the built site.

The variants run in turns, `--rounds` times (a busy minute on a shared machine then falls
on all alike); each figure is the median, and ratios are taken within one run. `--tree`
measures a commit in this tree's place (what one change cost, apart from later work). The
baseline (and `--tree`) is checked out with `git worktree add` into a temporary folder and runs with a small
virtual environment of its own that borrows this one's libraries, so that MkDocs loads the
baseline's plugin. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
    """The synthetic cases of size `n`, with the seed vocabulary (THEMES above), not the
    live one, which a fork may change."""
    cases = target / "cases"
    cases.mkdir(parents=True)
    shutil.copy(ROOT / "tests/fixtures/seed/_vocabulaire.yaml", cases)
    rng = random.Random(n)
    for i in range(n):
        (cases / f"case-{i:05d}.yaml").write_text(synthetic_case(i, rng, n), encoding="utf-8")
    return cases


@dataclass(frozen=True)
class Variant:
    """A version of the generator: its source tree and the Python that runs it."""

    name: str
    root: Path
    python: str

    def env(self, env: dict[str, str]) -> dict[str, str]:
        """`env` with this variant's source first on the path (a checkout other than the
        installed one, such as a snapshot the bench runs from, imports its own code)."""
        return dict(env, PYTHONPATH=str(self.root))

    def project(self, target: Path, cases: Path) -> Path:
        """This variant's copy of the site project, with the given cases."""
        target.mkdir(parents=True)
        shutil.copy(self.root / "mkdocs.yml", target / "mkdocs.yml")
        for folder in ("content", "overrides"):
            shutil.copytree(self.root / folder, target / folder)
        shutil.copytree(cases, target / "cases")
        # The vocabulary file as this version reads it (its sections grew over time; the
        # synthetic cases use only the seed themes and target groups, which all have).
        own = self.root / "tests/fixtures/seed/_vocabulaire.yaml"
        if own.exists():
            shutil.copy(own, target / "cases" / "_vocabulaire.yaml")
        return target


def baseline_variant(commit: str, work: Path, role: str = "baseline") -> Variant:
    """`commit` checked out in `work`, with a virtual environment whose own `maatwerkbank`
    distribution (its entry points: MkDocs finds the plugin by them) points at that
    checkout, and whose libraries are this environment's. importlib.metadata takes the
    first distribution of a name on the path, so the baseline's own comes first."""
    source = work / role
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(source), commit],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    venv = work / f"{role}-venv"
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    subprocess.run([str(base_python), "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    site_packages = Path(purelib)
    project = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = site_packages / "maatwerkbank-0.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: maatwerkbank\nVersion: 0.0.0\n", encoding="utf-8"
    )
    groups = {"console_scripts": project.get("scripts", {}), **project.get("entry-points", {})}
    (info / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in entries.items())
            for group, entries in groups.items()
        ),
        encoding="utf-8",
    )
    ours = sysconfig.get_paths()["purelib"]
    (site_packages / "maatwerkbank-baseline.pth").write_text(f"{source}\n{ours}\n")
    return Variant(f"{role} {commit}", source, str(python))


def remove_baseline(variant: Variant) -> None:
    subprocess.run(
        ["git", "worktree", "remove", "--force", str(variant.root)],
        cwd=ROOT,
        check=False,
        capture_output=True,
    )


@dataclass
class Run:
    seconds: float
    rss_mib: float
    """The largest sum of the process tree's resident memory seen."""
    pss_mib: float
    """The same in proportional set size: a page that processes share is divided among them."""
    largest_mib: float
    """The largest peak RSS of any one process of the tree (`ru_maxrss`, as `time -v` says)."""


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    for parent in found:  # grows while it is walked
        try:
            for task in os.listdir(f"/proc/{parent}/task"):
                with open(f"/proc/{parent}/task/{task}/children", encoding="ascii") as f:
                    found.extend(int(child) for child in f.read().split())
        except OSError:
            continue  # ended meanwhile
    return found


def _tree_memory(pid: int) -> tuple[int, int]:
    """RSS and PSS of `pid` and all its descendants, in KiB."""
    rss = pss = 0
    for process in _process_tree(pid):
        try:
            with open(f"/proc/{process}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
                        break
        except (OSError, ValueError):
            continue
    return rss, pss


def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run `command` to its end: wall seconds, and the peak memory of its process tree."""
    peak = [0, 0]
    done = threading.Event()
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )

        def sample() -> None:
            while not done.wait(0.05):
                rss, pss = _tree_memory(process.pid)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        process.returncode = code
        done.set()
        sampler.join()
        if code != 0:
            errors.seek(0)
            raise RuntimeError(f"{command} failed ({code}):\n{errors.read().decode()[-3000:]}")
    return Run(seconds, peak[0] / 1024, peak[1] / 1024, usage.ru_maxrss / 1024)


def first_build(variant: Variant, project: Path, env: dict[str, str], site_dir: str) -> Run:
    """`mkdocs build --strict` as a user runs it, into `site_dir`, a new folder."""
    command = [variant.python, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", site_dir]
    return run_measured(command, project, variant.env(env))


def plain_config(variant: Variant, project: Path, env: dict[str, str]) -> None:
    """The pages the core makes (`generate --out`) and `content/`, and the site's config
    without our plugin (`plain.yml`), for plain mkdocs-material."""
    subprocess.run(
        [variant.python, "-m", "generator", "generate", "--out", "plain", "--engine", "mkdocs"],
        cwd=project,
        env=variant.env(env),
        check=True,
        capture_output=True,
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start, end = config.index("plugins:"), config.index("# Kept to what the pages use")
    config = config[:start] + "plugins: []\n\n" + config[end:]
    config = config.replace("docs_dir: content", "docs_dir: plain/docs")
    (project / "plain.yml").write_text(config, encoding="utf-8")


def plain_build(variant: Variant, project: Path, env: dict[str, str], site_dir: str) -> Run:
    command = [variant.python, "-m", "mkdocs", "build", "-q", "-f", "plain.yml"]
    return run_measured([*command, "--site-dir", site_dir], project, variant.env(env))


def check(variant: Variant, project: Path, env: dict[str, str]) -> Run:
    """`maatwerkbank check` over every case file, as an author runs it."""
    return run_measured([variant.python, "-m", "generator", "check"], project, variant.env(env))


def zensical_site(variant: Variant, project: Path, env: dict[str, str], site_dir: str) -> Run:
    command = [variant.python, "-m", "generator", "site", "--engine", "zensical"]
    return run_measured([*command, "--site-dir", site_dir], project, variant.env(env))


def preview_after_edits(
    variant: Variant, project: Path, env: dict[str, str], edits: int
) -> list[float]:
    """Seconds from saving an edited case to the preview serving its new page, `edits`
    times in one `mkdocs serve`, each after the server has settled from the last."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [variant.python, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=variant.env(env),
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

    times = []
    try:
        deadline = time.monotonic() + 900
        while "case-00000" not in page() and time.monotonic() < deadline:
            time.sleep(0.5)
        case = project / "cases" / "case-00000.yaml"
        for edit in range(edits):
            time.sleep(5)  # the server's file poll, the second round, the finder's index
            text = case.read_text(encoding="utf-8")
            marker = f"Bewerkt in het voorbeeld {edit}"
            head, rest = text.split("titel: ", 1)
            rest = rest.split("\n", 1)[1]
            started = time.perf_counter()
            case.write_text(f"{head}titel: {marker}\n{rest}", encoding="utf-8")
            while marker not in page():
                if time.perf_counter() - started > 300:
                    break
                time.sleep(0.05)
            times.append(time.perf_counter() - started)
        return times
    finally:
        server.terminate()
        server.wait()


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


def measure(
    n: int, variants: list[Variant], args: argparse.Namespace, preview: bool
) -> dict[str, dict[str, list[float]]]:
    """Every path at `n` cases for every variant (and plain mkdocs-material), in turns:
    `{path: {variant name: [one figure per round]}}`."""
    work = Path(tempfile.mkdtemp(prefix=f"mwb-bench-{n}-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1768478400")
    figures: dict[str, dict[str, list[float]]] = {}

    def note(path: str, name: str, value: float) -> None:
        figures.setdefault(path, {}).setdefault(name, []).append(value)

    try:
        cases = make_project(work / "cases-source", n)
        projects = {v.name: v.project(work / f"project-{i}", cases) for i, v in enumerate(variants)}
        ours = variants[0]
        plain_config(ours, projects[ours.name], env)
        for i in range(args.rounds):
            for variant in variants:
                project = projects[variant.name]
                built = first_build(variant, project, env, f"first-{i}")
                note("first build (s)", variant.name, built.seconds)
                note("first build, peak RSS (MiB)", variant.name, built.rss_mib)
                note("first build, peak PSS (MiB)", variant.name, built.pss_mib)
                note("first build, largest process (MiB)", variant.name, built.largest_mib)
                if i:
                    shutil.rmtree(project / f"first-{i}")  # the first round's is kept
                checked = check(variant, project, env)
                note("check (s)", variant.name, checked.seconds)
                if args.zensical:
                    note(
                        "Zensical site (s)",
                        variant.name,
                        zensical_site(variant, project, env, f"z-site-{i}").seconds,
                    )
            plain = plain_build(ours, projects[ours.name], env, f"plain-first-{i}")
            shutil.rmtree(projects[ours.name] / f"plain-first-{i}")
            note("first build (s)", "plain", plain.seconds)
            note("first build, peak RSS (MiB)", "plain", plain.rss_mib)
            note("first build, peak PSS (MiB)", "plain", plain.pss_mib)
            note("first build, largest process (MiB)", "plain", plain.largest_mib)
            print(f"  {n} cases, round {i + 1}: {_round_line(figures)}", file=sys.stderr)
        if preview:
            for variant in variants:
                for seconds in preview_after_edits(
                    variant, projects[variant.name], env, args.rounds
                ):
                    note("preview after one edit (s)", variant.name, seconds)
        site = projects[ours.name] / "first-0"
        pages = list((site / "cases").glob("case-*/index.html"))
        note("largest case page (KB)", ours.name, max(p.stat().st_size for p in pages) / 1024)
        if args.finder:
            raw, gzipped, opened, typed, again = measure_finder(site)
            for path, value in (
                ("finder: first query loads (KB)", raw),
                ("finder: the same gzipped (KB)", gzipped),
                ("finder: page open to results (ms)", opened),
                ("finder: first query typed (ms)", typed),
                ("finder: next query (ms)", again),
            ):
                note(path, ours.name, value)
        if args.keep:
            shutil.copytree(site, args.keep / f"site-{n}", dirs_exist_ok=True)
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _round_line(figures: dict[str, dict[str, list[float]]]) -> str:
    return "; ".join(
        f"{name} {values[-1]:.1f}" for name, values in figures["first build (s)"].items()
    )


def print_table(
    results: dict[int, dict[str, dict[str, list[float]]]], variants: list[Variant]
) -> None:
    ours = variants[0].name
    baseline = variants[1].name if len(variants) > 1 else None
    columns = ["path", "cases"]
    if baseline:
        columns += [baseline, ours, "ratio to baseline"]
    else:
        columns += [ours]
    columns += ["plain mkdocs-material", "ratio to plain"]
    print("| " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * (len(columns) - 1))
    for n, figures in results.items():
        for path, by_variant in figures.items():
            median = {name: statistics.median(values) for name, values in by_variant.items()}
            cells = [path, f"{n:,}"]
            if baseline:
                old = median.get(baseline)
                cells += [_figure(old), _figure(median.get(ours))]
                cells += [f"{median[ours] / old:.2f}x" if old else ""]
            else:
                cells += [_figure(median.get(ours))]
            plain = median.get("plain")
            cells += [_figure(plain), f"{median[ours] / plain:.2f}x" if plain else ""]
            print("| " + " | ".join(cells) + " |")


def _figure(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--rounds", type=int, default=3, help="turns of every variant (median)")
    parser.add_argument("--baseline", help="a commit to compare with, e.g. f09fbc3")
    parser.add_argument("--tree", help="a commit measured in this tree's place")
    parser.add_argument(
        "--preview-size", type=int, help="where the preview is measured (default: largest)"
    )
    parser.add_argument("--zensical", action="store_true", help="also the Zensical site")
    parser.add_argument("--finder", action="store_true", help="also the finder in Chromium")
    parser.add_argument("--keep", type=Path, help="copy each built site here")
    parser.add_argument("--json", type=Path, help="write every figure of every round here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    preview_size = args.preview_size or max(sizes)
    work = Path(tempfile.mkdtemp(prefix="mwb-bench-variants-"))
    variants = [Variant("this tree", ROOT, sys.executable)]
    try:
        if args.tree:
            variants = [baseline_variant(args.tree, work, "tree")]
        if args.baseline:
            variants.append(baseline_variant(args.baseline, work))
        for variant in variants:
            # As Python does at a user's first run (the libraries' modules are kept as
            # they are first imported: the Makefile unsets PYTHONDONTWRITEBYTECODE).
            compileall.compile_dir(variant.root / "generator", quiet=1)
        before = reference_ms()
        results = {n: measure(n, variants, args, n == preview_size) for n in sizes}
        after = reference_ms()
    finally:
        for variant in variants:
            if variant.root != ROOT:
                remove_baseline(variant)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nMeasured on {os.cpu_count()} cores, Python {sys.version.split()[0]}, ", end="")
    print(f"{args.rounds} rounds in turns, medians.")
    print(f"Machine reference (a fixed loop): {before:.0f} ms before, {after:.0f} ms after.\n")
    print_table(results, variants)
    if args.json:
        args.json.write_text(json.dumps({str(n): f for n, f in results.items()}, indent=1))


if __name__ == "__main__":
    main()
