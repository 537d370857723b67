"""Benchmark of the session kit's PDFs (issue 4: "rendering a kit PDF takes well under a second").

Seeds a fresh SQLite database (schema by the Alembic migrations) with the demo formats, local
resources and help numbers, then asks each kit document of the café-échanges format N times
through the Flask test client (in-process, no HTTP), in French, standard and easy-to-read,
alternating with /healthz, a trivial endpoint, so both see the same machine.

Prints one JSON object per line and per figure: {"name": ..., "value": ..., "unit": ...}.

    .venv/bin/python bench/kit.py                 # 30 renders of each document and register
    .venv/bin/python bench/kit.py --requests 5    # smoke run
    .venv/bin/python bench/kit.py --locales fr,en
"""
import argparse
import os
import shutil
import statistics
import tempfile
import time

from figures import emit, note

FORMAT = "cafe-echanges"
DOCUMENTS = ("charte", "ressources", "escalade")
TARGET_MS = 1000  # "well under a second": the median must stay far below this


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def seeded_app(workdir):
    from flask_migrate import upgrade

    from portal import create_app
    from portal.database import db
    from portal.formats import demo as formats_demo
    from portal.resources import demo as resources_demo

    instance = os.path.join(workdir, "instance")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{os.path.join(workdir, 'kit.sqlite3')}",
                      "SECRET_KEY": "bench", "RATELIMIT_ENABLED": False,
                      "OUTBOX_PATH": os.path.join(instance, "outbox")}, instance_path=instance)
    with app.app_context():
        upgrade()
        formats_demo.load()
        resources_demo.load()
        db.session.commit()
    return app


def timed_get(client, url):
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="renders of each document and register")
    parser.add_argument("--locales", default="fr", help="comma-separated languages to render")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="passerelle-kit-bench-")
    try:
        app = seeded_app(workdir)
        client = app.test_client()
        cases = [(document, locale, falc) for locale in args.locales.split(",") for falc in (False, True)
                 for document in DOCUMENTS]
        for document, locale, falc in cases:  # warm-up: fonts written to the instance folder, imports
            timed_get(client, f"/formats/{FORMAT}/kit/{document}.pdf?lang={locale}&falc={int(falc)}")
        timings = {case: [] for case in cases}
        trivial = []
        for _round in range(args.requests):
            for case in cases:
                document, locale, falc = case
                timings[case].append(timed_get(
                    client, f"/formats/{FORMAT}/kit/{document}.pdf?lang={locale}&falc={int(falc)}"))
                trivial.append(timed_get(client, "/healthz"))

        trivial_median = statistics.median(trivial)
        emit("trivial_median", round(trivial_median, 3), "ms")
        worst = 0
        for (document, locale, falc), values in timings.items():
            name = f"kit_{document}_{locale}{'_falc' if falc else ''}"
            median = statistics.median(values)
            worst = max(worst, median)
            emit(f"{name}_median", round(median, 1), "ms")
            emit(f"{name}_p95", round(percentile(values, 0.95), 1), "ms")
            emit(f"{name}_ratio_to_trivial", round(median / trivial_median, 1), "x")
        emit("kit_worst_median", round(worst, 1), "ms")
        note(f"worst median {worst:.0f} ms: {'under' if worst < TARGET_MS else 'OVER'} the {TARGET_MS} ms target")
    finally:
        if args.keep:
            note(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
