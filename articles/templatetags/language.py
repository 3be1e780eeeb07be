from django import template

from articles import language

register = template.Library()


@register.filter
def lang_marked(text):
    """{{ keyword.name|lang_marked }}: Arabic in it marked as Arabic (articles.language)."""
    return language.lang_marked(text)
