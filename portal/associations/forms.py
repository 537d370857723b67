from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, TelField, TextAreaField
from wtforms.validators import Email, Length, Optional

from portal.forms import required, strip


class AssociationForm(FlaskForm):
    name = StringField(_l("Nom de l'association"), validators=[required(), Length(max=160)])
    description = TextAreaField(_l("Ce que fait l'association, en quelques phrases"),
                                validators=[Optional(), Length(max=2000)])
    email = EmailField(_l("Adresse e-mail de contact"), filters=[strip], validators=[
        Optional(), Email(message=_l("Cette adresse e-mail n'est pas valable."), check_deliverability=False),
        Length(max=254)])
    phone = TelField(_l("Téléphone de contact"), validators=[Optional(), Length(max=30)])
