"""gunicorn settings for production (docs/deploy.md): ``.venv/bin/gunicorn`` from this folder.

Read from the environment: GUNICORN_BIND (default 127.0.0.1:8000: only the reverse proxy on
the same machine reaches the portal), WEB_CONCURRENCY (the number of workers, default two per
processor plus one) and GUNICORN_ACCESS_LOG (default "-", the standard output, which systemd
keeps in its journal; empty for none). The portal's own settings come from its environment
variables (see portal/config.py), which every worker reads when it starts.
"""
import logging
import os
import re

from gunicorn import glogging


def _processors():
    # The processors this process may run on, which a container or a systemd unit can restrict.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


wsgi_app = "wsgi:app"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Synchronous workers: each answers one request at a time, so the reverse proxy must buffer slow
# clients (nginx does by default). Rate limits and the accounts are shared through Redis and the
# database; each worker keeps its own cache of rendered calendars.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * _processors() + 1)
worker_class = "sync"
# The slowest pages (PDFs) take well under a second; a worker silent for 30 s is stuck.
timeout = 30
graceful_timeout = 30
# A worker is replaced after about a thousand requests, so that a slow leak never grows.
max_requests = 1000
max_requests_jitter = 100

# Off: each worker builds the application after the fork, so no database or Redis connection is
# ever shared between processes, and `systemctl reload` (HUP) starts workers on the new code
# after an upgrade. The cost, each worker importing the portal itself, is a second at start-up.
preload_app = False

# Only ProxyFix believes X-Forwarded-* headers (PROXY_FIX_X_* in portal/config.py): one setting
# to read, which also holds when gunicorn listens on a UNIX socket, where it would trust anyone.
secure_scheme_headers = {}
forwarder_headers = ""

# No control socket (gunicorn 25.1 and later): systemctl starts, reloads and stops the server, and
# the socket's default place, in the home folder, may not be writable by the service's user.
control_socket_disable = True

# Empty: no access log of gunicorn's own (nginx keeps one).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'

# The anonymous questionnaire's end link carries the phone's pairing code (/avis/…?device=…):
# written in a log beside an IP address, it would tie the two answers to a person.
PRIVATE_QUERY = re.compile(r"(/avis/[^\s?\"]*)\?[^\s\"]*")


def without_private_query(text):
    """The text with the query string of every questionnaire address in it removed."""
    return PRIVATE_QUERY.sub(r"\1", text)


class PrivateQueryFilter(logging.Filter):
    """Rewrites a record whose message holds a questionnaire address with its query string:
    the access lines (request line, referrer) and gunicorn's own error lines."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = without_private_query(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class Logger(glogging.Logger):
    private_query_filter = PrivateQueryFilter()

    def setup(self, cfg):
        super().setup(cfg)
        # On the loggers themselves, whichever handlers (files, syslog, a logging config) follow.
        for log in (self.error_log, self.access_log):
            log.addFilter(self.private_query_filter)


logger_class = Logger
