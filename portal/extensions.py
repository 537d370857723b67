"""Flask extensions, created unbound here and bound to the app in ``create_app``."""
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx

from portal.database import db

babel = Babel()
csrf = CSRFProtect()
htmx = Htmx()
login_manager = LoginManager()
migrate = Migrate()
limiter = Limiter(get_remote_address, default_limits=[])

__all__ = ["babel", "csrf", "db", "htmx", "limiter", "login_manager", "migrate"]
