from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, EqualTo, Length

from portal.forms import CheckboxesField, required, strip
from portal.roles import ROLE_LABELS

EMAIL_CHECK = Email(message=_l("Cette adresse e-mail n'est pas valable."), check_deliverability=False)


def locale_choices(locale_names):
    # Each language's name is marked with its own language, for screen readers.
    return [SelectChoice("", _l("Langue du navigateur"))] + [
        SelectChoice(code, name, render_kw={"lang": code}) for code, name in locale_names.items()]


class LoginForm(FlaskForm):
    email = EmailField(_l("Adresse e-mail"), validators=[required(), Length(max=254)])
    password = PasswordField(_l("Mot de passe"), validators=[required(), Length(max=200)])


class PasswordResetRequestForm(FlaskForm):
    email = EmailField(_l("Adresse e-mail"), filters=[strip],
                       validators=[required(), EMAIL_CHECK, Length(max=254)])


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("Nouveau mot de passe"), validators=[required(), Length(max=200)])
    confirm = PasswordField(_l("Le même mot de passe, encore une fois"), validators=[
        required(), EqualTo("password", message=_l("Les deux mots de passe ne sont pas identiques."))])


class InvitationAcceptForm(NewPasswordForm):
    name = StringField(_l("Votre nom, tel qu'il sera affiché"), validators=[required(), Length(max=120)])
    locale = SelectField(_l("Langue du portail"), validate_choice=True)


class AccountForm(FlaskForm):
    name = StringField(_l("Nom affiché"), validators=[required(), Length(max=120)])
    locale = SelectField(_l("Langue du portail"), validate_choice=True)


class PasswordChangeForm(NewPasswordForm):
    current_password = PasswordField(_l("Mot de passe actuel"), validators=[required(), Length(max=200)])


class PersonForm(FlaskForm):
    name = StringField(_l("Nom"), validators=[required(), Length(max=120)])
    roles = CheckboxesField(_l("Rôles"), validate_choice=True, choices=[
        SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()])
    associations = CheckboxesField(_l("Associations"), coerce=int, validate_choice=True)


class InvitePersonForm(PersonForm):
    email = EmailField(_l("Adresse e-mail"), filters=[strip],
                       validators=[required(), EMAIL_CHECK, Length(max=254)])
    locale = SelectField(_l("Langue de l'invitation"), validate_choice=True)


class EditPersonForm(PersonForm):
    active = BooleanField(_l("Compte actif (la personne peut se connecter)"))
