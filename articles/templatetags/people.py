"""How the desk names a person: `{{ user|person }}`."""

from django import template

from articles.models import person_name

register = template.Library()


@register.filter
def person(user):
    return person_name(user)
