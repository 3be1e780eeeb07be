"""The newsroom's roles: Django groups and the permissions each one holds."""

from django.contrib.auth.models import Group, Permission

TRANSLATOR = "translator"
EDITOR = "editor"
REVIEWER = "reviewer"
ADMIN = "admin"

ROLE_PERMISSIONS = {
    TRANSLATOR: ["view_article", "translate_article"],
    EDITOR: ["view_article", "translate_article", "change_article"],
    REVIEWER: ["view_article", "translate_article", "change_article", "review_article"],
    ADMIN: ["view_article", "translate_article", "change_article", "review_article"],
}


def ensure_roles():
    """Create the role groups, or put back their permissions; safe to run again."""
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )
