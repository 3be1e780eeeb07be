"""Work done by the worker (`manage.py db_worker`), after the request that asked for it."""

from django.tasks import task

from . import notifications


@task()
def deliver_notification(notification_pk: int) -> str:
    """Send one queued notification email; see notifications.deliver."""
    return notifications.deliver(notification_pk)
