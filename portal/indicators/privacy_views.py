"""The public privacy page: what the portal keeps about people, built from its real settings."""
from portal.i18n import falc_enabled
from portal.indicators.privacy import contact_address, kinds
from portal.indicators.views import bp
from portal.web import public, render


@bp.route("/donnees-personnelles")
@public
def privacy():
    return render("indicators/privacy.html", kinds=kinds(falc_enabled()), contact=contact_address())
