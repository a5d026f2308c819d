"""Neighbours for potentials and suggestions: the nearest municipalities by the register's coordinates,
exactly as ``Register.neighbours`` gives them, for all municipalities at once."""

from __future__ import annotations

import random

import pytest

from kb.inventory import neighbour_table
from tests.inventory.expect import register


@pytest.mark.parametrize(("limit", "max_km"), [(10, 25.0), (5, 10.0), (30, 50.0)])
def test_table_agrees_with_register_neighbours(limit: int, max_km: float) -> None:
    table = neighbour_table(register, limit, max_km)
    sample = random.Random(7).sample(register.municipalities, 150) + [register.get("05974016")]

    for m in sample:
        expected = [(n.ags, round(km, 6)) for n, km in register.neighbours(m.ags, limit, max_km)]
        assert [(n.municipality.ags, round(n.km, 6)) for n in table.of(m.ags)] == expected, m.name


def test_whose_neighbour_is_the_inverse_relation() -> None:
    table = neighbour_table(register, 10, 25.0)

    for n in table.whose("05974016"):
        assert "05974016" in {x.municipality.ags for x in table.of(n.municipality.ags)}
    assert {n.municipality.short_name for n in table.whose("05974016")} >= {"Anröchte", "Lippstadt"}


@pytest.mark.parametrize(("limit", "max_km"), [(30, 50.0), (3, 7.5)])
def test_every_allowed_table_is_cut_from_one_index_and_is_its_own_inverse(limit: int, max_km: float) -> None:
    table = neighbour_table(register, limit, max_km)

    for m in random.Random(11).sample(register.municipalities, 60):
        for n in table.whose(m.ags):
            assert m.ags in {x.municipality.ags for x in table.of(n.municipality.ags)}
        for n in table.of(m.ags):
            assert m.ags in {x.municipality.ags for x in table.whose(n.municipality.ags)}
            assert n.km <= max_km


def test_tables_beyond_the_precomputed_maxima_are_refused() -> None:
    from kb.inventory.neighbours import MAX_KM, MAX_NEIGHBOURS

    with pytest.raises(ValueError):
        neighbour_table(register, MAX_NEIGHBOURS + 1, 10.0)
    with pytest.raises(ValueError):
        neighbour_table(register, 10, MAX_KM + 1)
