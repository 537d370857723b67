"""Benchmark of the binômes' matching suggestions (issue 6, "Performance").

For each size N it seeds a fresh SQLite database (schema by the Alembic migrations) with 24
neighbourhoods and N waiting people (random but seeded availability, activities, languages,
paces, genders and preferences), then times ``matching.suggestions(person)`` for people of the
queue taken in turn, the database session emptied before each call as at the start of a request.

Prints one JSON object per line and per figure: {"name": ..., "value": ..., "unit": ...}.

    .venv/bin/python bench/binomes.py                      # 500, 1000, 2000 and 5000 people
    .venv/bin/python bench/binomes.py --requests 10        # smoke run
    .venv/bin/python bench/binomes.py --sizes 500,5000
"""
import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import timedelta

from figures import emit, note

NEIGHBOURHOODS = 24
TARGET_MS = 100  # "under 100 ms" for 5 000 waiting people
# Most people speak French; some speak another language too, a few only another one.
LANGUAGE_CHOICES = ["fr"] * 6 + ["fr,ar", "fr,pt", "fr,es", "fr,en", "uk", "ar", "fr,tr", "fr,lsf"]
GENDER_CHOICES = ["woman"] * 5 + ["man"] * 4 + [""]
PREFERENCE_CHOICES = [""] * 8 + ["woman", "man"]
PACE_CHOICES = ["any"] * 3 + ["gentle", "brisk"]


def seeded_app(workdir, n, seed_value=6):
    """A fresh database with ``n`` waiting people; returns the app."""
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from portal import clock, create_app
    from portal.binomes.models import ACTIVITIES, NEEDS, SLOT_COUNT, WAITING, Neighbourhood, Person
    from portal.database import db
    from portal.security import token_digest

    instance = os.path.join(workdir, f"instance-{n}")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{os.path.join(workdir, f'binomes-{n}.sqlite3')}",
                      "SECRET_KEY": "bench", "RATELIMIT_ENABLED": False,
                      "OUTBOX_PATH": os.path.join(instance, "outbox")}, instance_path=instance)
    rng = random.Random(seed_value)
    with app.app_context():
        upgrade()
        now = clock.now()
        activities, needs = list(ACTIVITIES), list(NEEDS)
        with db.engine.begin() as conn:
            # Neighbourhood centres spread over a town of about 6 km across.
            conn.execute(sa.insert(Neighbourhood.__table__), [{
                "id": i, "name": f"Quartier {i:02d}", "latitude": 47.36 + rng.random() * 0.06,
                "longitude": 0.65 + rng.random() * 0.08} for i in range(1, NEIGHBOURHOODS + 1)])
            conn.execute(sa.insert(Person.__table__), [{
                "id": i, "first_name": f"Prénom {i}", "contact_kind": "email", "contact": f"p{i}@exemple.fr",
                "locale": "fr", "neighbourhood_id": rng.randint(1, NEIGHBOURHOODS),
                "activities": ",".join(rng.sample(activities, rng.randint(1, 3))),
                # Three to eight free slots a week out of 21.
                "availability": sum(1 << s for s in rng.sample(range(SLOT_COUNT), rng.randint(3, 8))),
                "languages": rng.choice(LANGUAGE_CHOICES),
                "needs": ",".join(rng.sample(needs, 1)) if rng.random() < 0.2 else "",
                "pace": rng.choice(PACE_CHOICES), "age_bracket": "", "gender": rng.choice(GENDER_CHOICES),
                "buddy_gender": rng.choice(PREFERENCE_CHOICES), "status": WAITING,
                "signed_up_at": now - timedelta(days=rng.randint(0, 200)),
                "waiting_since": now - timedelta(days=rng.randint(0, 200), minutes=i),
                "token_hash": token_digest(f"bench-{i}"),
            } for i in range(1, n + 1)])
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        db.engine.dispose()
    return app


def time_suggestions(app, n, requests):
    """Milliseconds of ``suggestions(person)`` for ``requests`` people spread over the queue
    (one untimed warm-up call first)."""
    from portal.binomes import matching
    from portal.binomes.models import Person
    from portal.database import db

    samples = []
    with app.test_request_context("/"):  # the reasons are translated: a request's locale
        ids = [1 + (k * 7919) % n for k in range(requests + 1)]
        for turn, person_id in enumerate(ids):
            db.session.expunge_all()
            person = db.session.get(Person, person_id)
            started = time.perf_counter()
            found = matching.suggestions(person)
            elapsed = (time.perf_counter() - started) * 1000
            if not found:
                raise SystemExit(f"no suggestion for person {person_id} among {n}")
            if turn:
                samples.append(elapsed)
        db.session.remove()
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,1000,2000,5000", help="numbers of waiting people, comma-separated")
    parser.add_argument("--requests", type=int, default=40, help="timed suggestion lists per size")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    workdir = tempfile.mkdtemp(prefix="passerelle-binomes-bench-")
    try:
        medians = {}
        for n in sizes:
            samples = time_suggestions(seeded_app(workdir, n), n, args.requests)
            medians[n] = statistics.median(samples)
            emit(f"suggest_median_ms_{n}", round(medians[n], 2), "ms")
        small, big = sizes[0], sizes[-1]
        if big > small:
            # Time ratio over size ratio: 1 is linear, below 1 better than linear.
            growth = (medians[big] / medians[small]) / (big / small)
            emit(f"suggest_growth_{big}_{small}", round(growth, 3), "ratio")
            note(f"growth {growth:.2f} (≤ ~1 is linear or better): {'met' if growth <= 1.2 else 'MISSED'}")
        if 5000 in medians:
            note(f"median {medians[5000]:.1f} ms for 5 000 people: "
                 f"{'under' if medians[5000] < TARGET_MS else 'OVER'} the {TARGET_MS} ms target")
    finally:
        if args.keep:
            note(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
