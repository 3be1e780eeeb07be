"""Production settings: HTTPS only, a Content Security Policy everywhere, `check --deploy` clean."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_with(env, *args):
    inherited = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set for the test run only
    environment = {k: v for k, v in os.environ.items() if k not in inherited} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "news.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_check_deploy_is_clean_with_production_settings():
    result = run_with(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_app_servers_would_not_share_the_page_cache():
    env = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = run_with(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "newsroom.W001" in result.stderr + result.stdout


def test_production_settings_turn_on_https_hsts_and_secure_cookies():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.CACHES['default']['BACKEND'].rsplit('.', 1)[1])"
    )
    result = run_with(PRODUCTION, "shell", "--no-imports", "-c", code)
    assert result.stdout.split() == ["True", "31536000", "True", "True", "SharedRedisCache"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/desk/", "/accounts/login/", "/feed/", "/admin/login/"])
def test_every_page_carries_the_content_security_policy(client, url):
    policy = client.get(url, follow=True)["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_no_template_has_an_inline_script_or_style():
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        assert "<style" not in text, template
        assert " style=" not in text, template
        for script in text.split("<script")[1:]:
            head = script.split(">", 1)[0]
            assert "src=" in head or 'type="application/ld+json"' in head, template
