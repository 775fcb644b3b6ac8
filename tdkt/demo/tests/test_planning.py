"""The in-memory planners, without a database: geography, areas, staff spread, names, seeds."""

import random
import unicodedata
from collections import Counter

from tdkt.demo import geography
from tdkt.demo.names import FEATURED_NAME, NameMaker
from tdkt.demo.organisation import build_plan
from tdkt.demo.people import PeopleBuilder, spread
from tdkt.demo.provinces import allocate_areas


def test_every_old_province_is_either_kept_or_merged_once():
    merged = [abbr for _, _, olds in geography.MERGERS for abbr in olds]
    assert len(geography.UNMERGED) == 11 and len(geography.MERGERS) == 23
    assert sorted(merged + list(geography.UNMERGED)) == sorted(geography.PROVINCES_BY_ABBR)


def test_about_700_districts_with_unique_codes():
    plan = build_plan(random.Random(1))
    districts = [u.code for u in plan.units if u.unit_type == "DISTRICT"]
    assert 690 <= len(districts) <= 720
    assert len(set(districts)) == len(districts)
    assert "H-HN-BADINH" in districts


def test_areas_sum_to_355_and_take_one_to_three_districts():
    plan = build_plan(random.Random(1))
    areas = [e for e in plan.events if e.successors[0].startswith("KV-")]
    assert len(areas) == 355
    assert {len(e.predecessors) for e in areas} <= {1, 2, 3}
    assert Counter(len(e.predecessors) for e in areas).most_common(1)[0][0] == 2


def test_allocate_areas_respects_bounds():
    class Fake:
        def __init__(self, districts, population):
            self.district_codes_count, self.population = districts, population

    provinces = [Fake(10, 1000), Fake(30, 9000), Fake(6, 500)]
    counts = allocate_areas(provinces, 20)
    assert sum(counts) == 20
    assert all(
        -(-p.district_codes_count // 3) <= c <= p.district_codes_count
        for p, c in zip(provinces, counts, strict=True)
    )


def test_spread_gives_each_unit_its_share_rounded():
    weights = [("A", 10.0), ("B", 30.0), ("C", 60.0)]
    counts = Counter(spread(weights, 100, random.Random(3)))
    assert counts == {"A": 10, "B": 30, "C": 60}


def test_names_are_gender_consistent_composed_and_never_the_featured_name():
    maker = NameMaker(random.Random(5))
    men = [maker.full_name("M") for _ in range(2000)]
    women = [maker.full_name("F") for _ in range(2000)]
    assert FEATURED_NAME not in men
    assert all(unicodedata.is_normalized("NFC", name) for name in men + women)
    assert not any(" Thị " in name for name in men)
    assert sum(" Văn " in name for name in men) > 400
    assert sum(" Thị " in name for name in women) > 600


def test_same_seed_same_people_and_other_seed_other_people():
    def names(seed):
        rng = random.Random(seed)
        plan = build_plan(rng)
        return [(p.code, p.full_name, p.unit) for p in PeopleBuilder(plan, rng, 0.005).build()]

    first = names(11)
    assert names(11) == first
    assert names(12) != first
    assert first[0][:2] == ("CB000001", FEATURED_NAME)
