"""Machine translation through a LibreTranslate-compatible HTTP service: optional, off unless
MACHINE_TRANSLATION_URL is set. A service that cannot be reached, is slow or fails gives a
clear message (MachineTranslationError) and never stands in the way of manual work."""

import json
import socket
import urllib.error
import urllib.request

from django.conf import settings


class MachineTranslationError(Exception):
    pass


def is_enabled():
    return bool(settings.MACHINE_TRANSLATION_URL)


def translate(texts, *, source, target="en"):
    """The machine's English for each of `texts`, in order."""
    if not is_enabled():
        raise MachineTranslationError("Machine translation is not set up on this desk.")
    url = f"{settings.MACHINE_TRANSLATION_URL}/translate"
    payload = {"q": list(texts), "source": source, "target": target, "format": "text"}
    if settings.MACHINE_TRANSLATION_KEY:
        payload["api_key"] = settings.MACHINE_TRANSLATION_KEY
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    timeout = settings.MACHINE_TRANSLATION_TIMEOUT
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        raise MachineTranslationError(
            f"The machine translation service refused the request "
            f"({error.code}: {_reason(error)}). Translate by hand, or try again later."
        ) from error
    except TimeoutError as error:
        raise MachineTranslationError(
            f"The machine translation service did not answer within {timeout} seconds. "
            "Translate by hand, or try again later."
        ) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError | socket.timeout):
            raise MachineTranslationError(
                f"The machine translation service did not answer within {timeout} seconds. "
                "Translate by hand, or try again later."
            ) from error
        raise MachineTranslationError(
            f"The machine translation service could not be reached ({error.reason}). "
            "Translate by hand, or try again later."
        ) from error
    except ValueError as error:
        raise MachineTranslationError(
            "The machine translation service answered with something that is not JSON."
        ) from error
    translated = answer.get("translatedText") if isinstance(answer, dict) else None
    if isinstance(translated, str):
        translated = [translated]
    if not isinstance(translated, list) or len(translated) != len(texts):
        raise MachineTranslationError(
            "The machine translation service's answer did not contain a translation for "
            "each paragraph."
        )
    return [str(text).strip() for text in translated]


def _reason(error):
    try:
        return json.loads(error.read()).get("error") or error.reason
    except (ValueError, AttributeError):
        return error.reason
