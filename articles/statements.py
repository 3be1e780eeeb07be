"""Queries the ORM builds once and runs again with new values, for the public article page.

Building the SQL of a query takes Django longer than the database takes to answer a simple
one: about 0.3 ms for a plain filter, 1 ms for the article page's query with its joined
revision, outlet, disclaimer and source (docs/architecture.md, "The public site's speed").
Every reader's article page runs the same four queries, differing only in the article. A
`Statement` is such a query: built by the ORM once per database connection, with markers
where the values go, then only run, its rows converted by the ORM's own converters.

On PostgreSQL it is also prepared: planned once per connection, where planning the article's
query took longer than running it. Django's other queries bind their values in the client
and are never prepared, so a connection pooler in transaction mode meets prepared statements
only here: with one in front of PostgreSQL, set DATABASE_PREPARED_STATEMENTS=0. A migration
that changes a table a prepared statement reads makes PostgreSQL refuse the old plan ("cached
plan must not change result type"); the statement is then prepared again, once.
"""

import psycopg
from django.conf import settings
from django.db import NotSupportedError, connections


class Statement:
    def __init__(self, build, *markers):
        """`build(*markers)` returns a values_list() QuerySet using each marker once, as a
        value compared in a filter. Markers must be values no query would otherwise hold."""
        self._build, self._markers = build, markers

    def rows(self, *values, using="default"):
        """The QuerySet's rows, as tuples, for `values` in the markers' places."""
        connection = connections[using]
        # Kept on the connection itself (one per thread), and gone with it.
        built = connection.__dict__.setdefault("newsroom_statements", {})
        if self not in built:
            built[self] = self._compile(using)
        compiler, sql, params, places = built[self]
        params = list(params)
        for place, marker, kind in places:
            params[place] = kind(values[marker])  # as the ORM prepared the marker (Int8…)
        try:
            rows = _fetch(connection, sql, params)
        except NotSupportedError:
            if not _prepares(connection) or connection.in_atomic_block:
                raise
            with connection.cursor() as cursor:  # psycopg forgets its prepared ones too
                cursor.execute("DEALLOCATE ALL")
            rows = _fetch(connection, sql, params)
        return list(compiler.results_iter(results=[rows], tuple_expected=True))

    def _compile(self, using):
        compiler = self._build(*self._markers).query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        places = [
            (place, self._markers.index(param), type(param))
            for place, param in enumerate(params)
            if param in self._markers
        ]
        if sorted(marker for _, marker, _ in places) != list(range(len(self._markers))):
            raise ValueError(f"Each marker must be a value of the query once: {sql}")
        return compiler, sql, tuple(params), places


def _prepares(connection):
    return connection.vendor == "postgresql" and settings.DATABASE_PREPARED_STATEMENTS


def _fetch(connection, sql, params):
    with _cursor(connection) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _cursor(connection):
    """A cursor on `connection` as Django makes them (its errors, its query log), whose
    statements PostgreSQL prepares."""
    if not _prepares(connection):
        return connection.cursor()
    connection.validate_thread_sharing()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        prepared = _Prepared(psycopg.Cursor(connection.connection))  # values bound server-side
    if connection.queries_logged:
        return connection.make_debug_cursor(prepared)
    return connection.make_cursor(prepared)


class _Prepared:
    def __init__(self, cursor):
        self.cursor = cursor

    def execute(self, sql, params):
        return self.cursor.execute(sql, params, prepare=True)

    def __getattr__(self, name):
        return getattr(self.cursor, name)
