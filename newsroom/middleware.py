"""What arrives in addresses: one rule for the path and the query string of every request."""

import re

from django.http import HttpResponseBadRequest, QueryDict

# Tab, line feed and carriage return aside, no control character belongs in text; PostgreSQL
# cannot even compare a NUL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def drop_control_characters(get_response):
    """A path holding a control character is answered 400, plainly: no page has one in its
    address. From query parameters they are dropped, as forms drop them from text fields
    (articles.forms.PlainText), so a search for "Pal\\x00myra" finds Palmyra."""

    def middleware(request):
        if CONTROL_CHARACTERS.search(request.path):
            return HttpResponseBadRequest(
                "This address holds a control character (such as NUL), which no page takes.",
                content_type="text/plain; charset=utf-8",
            )
        if any(
            CONTROL_CHARACTERS.search(part)
            for key, values in request.GET.lists()
            for part in (key, *values)
        ):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(
                    CONTROL_CHARACTERS.sub("", key),
                    [CONTROL_CHARACTERS.sub("", value) for value in values],
                )
            cleaned._mutable = False
            request.GET = cleaned
        return get_response(request)

    return middleware
