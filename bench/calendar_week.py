"""Benchmark of the rooms calendar's week view (issue 3, "Performance").

For each size N it seeds a fresh SQLite database (schema by the Alembic migrations, triggers
included) with 50 rooms in 10 places and N bookings, then times the week view of one place
through the Flask test client, drawn anew each time and as served (from the page cache). On the
largest size it also serves the app with gunicorn on a free loopback port and compares the week
view's requests per second with /healthz's.

Prints one JSON object per line and per figure: {"name": ..., "value": ..., "unit": ...}.

    .venv/bin/python bench/calendar_week.py                 # 10 000, 100 000 and 1 000 000 bookings
    .venv/bin/python bench/calendar_week.py --quick         # smoke run: 2 000 and 20 000, few requests
    .venv/bin/python bench/calendar_week.py --sizes 10000,100000
"""
import argparse
import atexit
import http.client
import os
import random
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time as timer
from datetime import time, timedelta
from urllib.parse import urlencode

from figures import emit, free_port, note

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.dirname(HERE)

ROOMS, PLACES = 50, 10
ASSOCIATIONS = 40
OPENS, CLOSES = 8, 22  # every day, 08:00–22:00: fourteen one-hour slots per room and day
# Bookings per room and day. The density stays the same whatever N: a bigger N means a longer
# history (and future), not a busier week, so the week shown holds the same entries at every
# size and only the database grows (10 000 → 50 days, 1 000 000 → about 13.7 years at 4 a day).
PER_ROOM_DAY = 4
# Shown statuses (pending, approved) and hidden ones (cancelled, declined), as in real life.
STATUSES = ["approved"] * 55 + ["pending"] * 25 + ["cancelled"] * 12 + ["declined"] * 8
CHUNK = 20_000
ROUNDS = 5  # alternated rounds of week view and trivial endpoint under gunicorn
STAFF_EMAIL, STAFF_PASSWORD = "bench.staff@passerelle.example", "mot de passe du banc d'essai"
CSRF_IN_PAGE = re.compile(r'name="csrf_token" value="([^"]+)"')


def label(n):
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}m"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


# --- seeding -----------------------------------------------------------------------------------

def make_app(url, instance):
    from portal import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "RATELIMIT_ENABLED": False,
                       "OUTBOX_PATH": os.path.join(instance, "outbox")}, instance_path=instance)


def seed(workdir, n, per_day=PER_ROOM_DAY, seed_value=3):
    """A fresh database with the schema of the migrations, 50 rooms and ``n`` bookings.
    Returns (database URL, instance folder, place id to show, Monday of the week to show)."""
    import sqlalchemy as sa
    from flask_migrate import upgrade
    from werkzeug.security import generate_password_hash

    from portal import clock
    from portal.associations.models import Association
    from portal.auth.models import RoleGrant, User
    from portal.database import db
    from portal.rooms.models import Booking, OpeningHours, Occurrence, Place, Room

    path = os.path.join(workdir, f"bench-{n}.sqlite3")
    instance = os.path.join(workdir, f"instance-{n}")
    url = f"sqlite:///{path}"
    app = make_app(url, instance)
    rng = random.Random(seed_value)
    with app.app_context():
        upgrade()
        now = clock.now()
        with db.engine.begin() as conn:
            conn.execute(sa.insert(User.__table__), [{
                "id": 1, "email": STAFF_EMAIL, "name": "Agent du banc d'essai",
                "password_hash": generate_password_hash(STAFF_PASSWORD), "locale": "fr", "active": True,
                "session_version": 1, "created_at": now}])
            conn.execute(sa.insert(RoleGrant.__table__), [{"user_id": 1, "role": "staff"}])
            conn.execute(sa.insert(Association.__table__), [{
                "id": a, "name": f"Association {a}", "description": "", "email": f"asso{a}@example.org",
                "created_at": now} for a in range(1, ASSOCIATIONS + 1)])
            conn.execute(sa.insert(Place.__table__), [{
                "id": p, "name": f"Lieu {p:02d}", "kind": "maison_quartier", "address": f"{p} rue du Banc",
                "neighbourhood": "Centre", "created_at": now} for p in range(1, PLACES + 1)])
            conn.execute(sa.insert(Room.__table__), [{
                "id": r, "place_id": (r - 1) % PLACES + 1, "name": f"Salle {r:02d}", "capacity": 10 + r % 40,
                "step_free": r % 3 != 0, "accessible_toilets": r % 2 == 0, "hearing_loop": r % 5 == 0,
                "calm": r % 4 == 0, "equipment": "", "contact": "", "feed_token": secrets.token_urlsafe(16),
                "created_at": now} for r in range(1, ROOMS + 1)])
            conn.execute(sa.insert(OpeningHours.__table__), [{
                "room_id": r, "weekday": d, "opens": time(OPENS), "closes": time(CLOSES)}
                for r in range(1, ROOMS + 1) for d in range(7)])

        # The history: consecutive days around the week shown (next week, so that its free
        # slots are still ahead), each room booked per_day times a day on distinct hours.
        monday = clock.today() + timedelta(days=7 - clock.today().weekday())
        days = -(-n // (ROOMS * per_day))
        first_day = monday + timedelta(days=3 - days // 2)  # the span centred on the week shown
        hours = list(range(OPENS, CLOSES))
        instants = {}

        def at(day, hour):
            key = (day, hour)
            if key not in instants:
                instants[key] = clock.at(day, time(hour))
            return instants[key]

        def bookings():
            # Latest first: an approved row is then checked by the SQLite trigger against the
            # few rows already at or after it, and the load stays linear in N.
            made = 0
            for offset in range(days - 1, -1, -1):
                day = first_day + timedelta(days=offset)
                for room in range(1, ROOMS + 1):
                    for hour in sorted(rng.sample(hours, per_day), reverse=True):
                        if made == n:
                            return
                        made += 1
                        yield made, room, at(day, hour), at(day, hour + 1), rng.choice(STATUSES)

        started = timer.perf_counter()
        booking_rows, occurrence_rows = [], []
        with db.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            for number, room, starts_at, ends_at, status in bookings():
                association = rng.randrange(1, ASSOCIATIONS + 1)
                booking_rows.append({
                    "id": number, "room_id": room, "association_id": association, "requested_by_id": None,
                    "purpose": "Rencontre", "expected_attendance": 8, "frequency": "once",
                    "created_at": starts_at - timedelta(days=30)})
                occurrence_rows.append({
                    "id": number, "booking_id": number, "room_id": room, "starts_at": starts_at,
                    "ends_at": ends_at, "status": status, "reason": "",
                    "decided_at": None if status == "pending" else starts_at - timedelta(days=20)})
                if len(booking_rows) == CHUNK:
                    conn.execute(sa.insert(Booking.__table__), booking_rows)
                    conn.execute(sa.insert(Occurrence.__table__), occurrence_rows)
                    booking_rows, occurrence_rows = [], []
            if booking_rows:
                conn.execute(sa.insert(Booking.__table__), booking_rows)
                conn.execute(sa.insert(Occurrence.__table__), occurrence_rows)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
            count = conn.scalar(sa.select(sa.func.count()).select_from(Occurrence.__table__))
        assert count == n, (count, n)
        emit(f"seed_time_{label(n)}", round(timer.perf_counter() - started, 2), "s")
        db.engine.dispose()
    return url, instance, 1, monday


# --- timing through the test client ----------------------------------------------------------

def week_url(place_id, monday):
    return "/calendrier?" + urlencode({"view": "week", "place": place_id, "date": monday.isoformat()})


class WeekView:
    """The week view of one seeded database, requested in-process by a signed-in staff member:
    as served (from the page cache once drawn) or, with ``drawn``, drawn anew from the database
    every time (the cache emptied before each request)."""

    def __init__(self, url, instance, place_id, monday, drawn=False):
        self.drawn = drawn
        self.app = make_app(url, instance)
        self.client = self.app.test_client()
        page = self.client.get("/connexion").get_data(as_text=True)
        response = self.client.post("/connexion", data={"email": STAFF_EMAIL, "password": STAFF_PASSWORD,
                                                        "csrf_token": CSRF_IN_PAGE.search(page).group(1)})
        assert response.status_code == 302, response.status_code
        self.target = week_url(place_id, monday)
        self.samples = []
        self.body = ""

    def get(self, timed=True):
        if self.drawn:
            store, _ = self.app.extensions["page_cache"]
            store.clear()
        started = timer.perf_counter()
        response = self.client.get(self.target)
        elapsed = timer.perf_counter() - started
        assert response.status_code == 200, response.status_code
        if timed:
            self.samples.append(elapsed)
        else:
            self.body = response.get_data(as_text=True)

    def close(self):
        with self.app.app_context():
            from portal.database import db
            db.engine.dispose()


def time_week_views(views, requests, warmup=5, rounds=10):
    """Median and p95 per size, the sizes taking turns, so that a slow moment of the machine
    falls on every size rather than on one."""
    for view in views.values():
        for _ in range(warmup):
            view.get(timed=False)
    for turn in range(rounds):
        for view in views.values():
            for _ in range(requests // rounds + (1 if turn < requests % rounds else 0)):
                view.get()
    figures = {}
    for n, view in views.items():
        samples = sorted(view.samples)
        figures[n] = (statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))])
    return figures


# --- throughput under gunicorn -------------------------------------------------------------------

class Server:
    """gunicorn serving the app on the seeded database; stopped on exit whatever happens."""

    def __init__(self, workdir, url, instance, workers, threads):
        self.port = free_port()
        module = os.path.join(workdir, "bench_wsgi.py")
        with open(module, "w") as f:
            f.write("from portal import create_app\n"
                    f"app = create_app({{'SQLALCHEMY_DATABASE_URI': {url!r}, 'SECRET_KEY': 'bench', "
                    f"'RATELIMIT_ENABLED': False}}, instance_path={instance!r})\n")
        self.log = open(os.path.join(workdir, "gunicorn.log"), "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
             "--threads", str(threads), "--worker-class", "gthread", "--keep-alive", "5",
             "--pythonpath", f"{workdir},{PROJECT_ROOT}", "--chdir", workdir, "--log-level", "warning",
             "bench_wsgi:app"],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        atexit.register(self.stop)
        deadline = timer.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log.name}")
            try:
                status, _, _ = request(self.port, "GET", "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            if timer.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer within 60 s")
            timer.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def request(port, method, path, body=None, headers=None, connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        if own:
            connection.close()


def log_in(port):
    """The session cookie of the staff account, logged in as a browser would."""
    status, headers, body = request(port, "GET", "/connexion")
    cookie = _session_cookie(headers)
    token = CSRF_IN_PAGE.search(body.decode()).group(1)
    form = urlencode({"email": STAFF_EMAIL, "password": STAFF_PASSWORD, "csrf_token": token})
    status, headers, _ = request(port, "POST", "/connexion", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    assert status == 302, status
    return _session_cookie(headers)


def _session_cookie(headers):
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith("session="):
            return value.split(";", 1)[0]
    raise AssertionError("no session cookie")


def throughput(port, path, cookie, total, clients):
    """Requests per second of ``total`` GETs shared by ``clients`` keep-alive connections."""
    headers = {"Cookie": cookie} if cookie else {}
    counts = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    failures = []
    barrier = threading.Barrier(clients + 1)

    def run(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        barrier.wait()
        try:
            for _ in range(count):
                status, _, _ = request(port, "GET", path, headers=headers, connection=connection)
                if status != 200:
                    failures.append(status)
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(count,), daemon=True) for count in counts]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = timer.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = timer.perf_counter() - started
    if failures:
        raise RuntimeError(f"{path}: {len(failures)} failed requests, e.g. {failures[:3]}")
    return total / elapsed


# --- the run -----------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=None, help="numbers of bookings, comma-separated "
                        "(default 10000,100000,1000000; with --quick 2000,20000)")
    parser.add_argument("--quick", action="store_true", help="smoke run: small sizes, few requests")
    parser.add_argument("--requests", type=int, default=None, help="timed week views per size (default 200)")
    parser.add_argument("--load", type=int, default=None, help="requests per endpoint under gunicorn (default 1000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8, help="concurrent client connections")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (databases, gunicorn log)")
    parser.add_argument("--per-day", type=int, default=PER_ROOM_DAY,
                        help=f"bookings per room and day (default {PER_ROOM_DAY}; at most {CLOSES - OPENS})")
    args = parser.parse_args()
    sizes = [int(s) for s in (args.sizes or ("2000,20000" if args.quick else "10000,100000,1000000")).split(",")]
    timed = args.requests or (20 if args.quick else 200)
    load = args.load or (200 if args.quick else 1000)

    workdir = tempfile.mkdtemp(prefix="passerelle-bench-")
    cleanup = (lambda: note(f"kept {workdir}")) if args.keep else (lambda: shutil.rmtree(workdir, ignore_errors=True))
    atexit.register(cleanup)  # registered first, so it runs after the server has stopped
    # A Ctrl-C or a kill still stops gunicorn and removes the files (atexit runs on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    seeded = {n: seed(workdir, n, args.per_day) for n in sorted(sizes)}
    views = {(n, drawn): WeekView(*seeded[n], drawn=drawn) for n in seeded for drawn in (True, False)}
    try:
        figures = time_week_views(views, timed)
    finally:
        for view in views.values():
            view.close()
    for (n, drawn), (median, p95) in figures.items():
        kind = "week_view_drawn" if drawn else "week_view"
        emit(f"{kind}_median_{label(n)}", round(median * 1000, 2), "ms")
        emit(f"{kind}_p95_{label(n)}", round(p95 * 1000, 2), "ms")
        if drawn:
            emit(f"week_view_bookings_shown_{label(n)}", sum(
                views[n, drawn].body.count(f'<span class="slot__status">{status}</span>')
                for status in ("Approuvée", "En attente")), "bookings")
    # The database's part: the page drawn anew, never the cached copy, at each size.
    medians = {n: median for (n, drawn), (median, _) in figures.items() if drawn}
    if len(medians) > 1:
        small, big = min(medians), max(medians)
        emit(f"week_view_time_ratio_{label(big)}_{label(small)}", round(medians[big] / medians[small], 3), "ratio")

    n = max(seeded)
    url, instance, place_id, monday = seeded[n]
    server = Server(workdir, url, instance, args.workers, args.threads)
    try:
        cookie = log_in(server.port)
        week = week_url(place_id, monday)
        throughput(server.port, week, cookie, max(20, load // 10), args.clients)  # warm-up
        throughput(server.port, "/healthz", None, max(20, load // 10), args.clients)
        # Alternated in rounds, so that a burst of other work on the machine weighs on both.
        week_time = trivial_time = 0.0
        for _ in range(ROUNDS):
            week_time += (load // ROUNDS) / throughput(server.port, week, cookie, load // ROUNDS, args.clients)
            trivial_time += (load // ROUNDS) / throughput(server.port, "/healthz", None, load // ROUNDS, args.clients)
        week_rps, trivial_rps = load // ROUNDS * ROUNDS / week_time, load // ROUNDS * ROUNDS / trivial_time
    finally:
        server.stop()
    emit(f"week_view_rps_{label(n)}", round(week_rps, 1), "requests/s")
    emit(f"trivial_rps_{label(n)}", round(trivial_rps, 1), "requests/s")
    emit("week_view_throughput_ratio", round(week_rps / trivial_rps, 3), "ratio")

    ratio_ok = week_rps / trivial_rps >= 0.25
    note(f"target week_view_throughput_ratio >= 0.25: {'met' if ratio_ok else 'MISSED'}")
    if len(medians) > 1:
        time_ok = medians[max(medians)] / medians[min(medians)] <= 1.5
        note(f"target week_view_time_ratio_{label(max(medians))}_{label(min(medians))} <= 1.5: "
             f"{'met' if time_ok else 'MISSED'}")


if __name__ == "__main__":
    main()
