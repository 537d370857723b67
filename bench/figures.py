"""What every bench script shares: figures on standard output, one JSON object per line
(``{"name", "value", "unit"}``), progress on standard error, and a free loopback port."""
import json
import socket
import sys


def emit(name, value, unit):
    print(json.dumps({"name": name, "value": value, "unit": unit}), flush=True)


def note(message=""):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
