"""Several imports of overlapping folders at once: every report is stored exactly once, as
one article, with a free address and one row for a new outlet; no good file fails.
PostgreSQL only: its unique indexes and row locks are what this is about (CI runs it there)."""

from collections import Counter

import pytest
from django.db import connection

from articles.importer.loading import SeedImporter
from articles.models import Article, Outlet, SourceStory
from tests.test_concurrent_saves import run_together

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs this there"
    ),
    pytest.mark.django_db(transaction=True),
]
IMPORTS, ROUNDS = 4, 5


def report(round_number, n):
    """Reports of one headline (their addresses clash), each crediting an outlet new to the
    desk, with bodies no other report shares."""
    words = " ".join(f"w{round_number}x{n}x{i}" for i in range(40))
    return (
        f"Protests Continue in Sweida, Round {round_number}\n\n"
        f"Hundreds gathered in Sweida on day {n}, according to Suwayda 24. {words}.\n"
    )


def test_four_imports_of_the_same_folder_at_once(reference_data, tmp_path):
    outcomes = Counter()
    for round_number in range(ROUNDS):
        folder = tmp_path / f"round-{round_number}"
        folder.mkdir()
        for n in range(6):
            (folder / f"{round_number}-{n}.txt").write_text(report(round_number, n))

        def run(folder=folder):
            for result in SeedImporter(batch_size=3).import_paths([folder]):
                outcomes[result.outcome] += 1
                assert result.outcome != "failed", result.message

        assert run_together([run] * IMPORTS) == []
    assert outcomes["imported"] == ROUNDS * 6, outcomes
    # The others find it stored: by its content ("unchanged"), or, when the other import
    # committed between the two lookups, by its text ("duplicate"). Nothing stored twice.
    found = outcomes["unchanged"] + outcomes["duplicate"]
    assert found == ROUNDS * 6 * (IMPORTS - 1), outcomes
    assert SourceStory.objects.count() == Article.objects.count() == ROUNDS * 6
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == len(slugs)
    assert Outlet.objects.filter(name="Suwayda 24").count() == 1
