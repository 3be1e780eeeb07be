"""The one place that turns text into stored HTML and back, and the only module that uses bleach.

Article bodies are stored as a list of blocks, each one cleaned HTML element.
Everything that becomes a block passes through here on the way in; templates
may then mark blocks safe.
"""

import html

import bleach
from django.utils.html import escape


def text_to_block(text):
    """A paragraph of plain text as a block. Anything that looks like markup stays text."""
    return f"<p>{escape(text)}</p>"


def block_text(block):
    """The plain text of a stored block."""
    return html.unescape(bleach.clean(block, tags=set(), strip=True)).strip()
