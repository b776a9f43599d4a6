"""The index follows changes one candidate at a time, and the rebuild command repairs the
derived table when something bypassed the services."""

from __future__ import annotations

import io

from django.core.management import call_command

from skillstack.matching import matches
from skillstack.matching.models import VerifiedSkill
from tests.conftest import World
from tests.factories import make_user
from tests.matching.helpers import discoverable, earn, micro_credential, opening, skill


def test_the_rebuild_command_restores_what_verifies(world: World) -> None:
    aseptic = skill("Aseptic technique")
    ana = make_user(full_name="Ana", learner=True)
    discoverable(ana)
    earn(world, ana, micro_credential(world.issuer, "Aseptic Technique", [aseptic]))
    job = opening(world, "QC associate", [(aseptic, True, 1)])
    assert [m.candidate for m in matches.opening_matches(opening=job)] == [ana]

    VerifiedSkill.objects.filter(candidate=ana).delete()  # bypassing the services
    out = io.StringIO()
    call_command("matching_rebuild", stdout=out)
    assert "1 learner(s) had changed" in out.getvalue()
    assert [m.candidate for m in matches.opening_matches(opening=job)] == [ana]


def test_preferences_change_moves_the_candidate_without_a_rebuild(world: World) -> None:
    from skillstack.matching import services
    from skillstack.matching.index import MATCHER

    aseptic = skill("Aseptic technique")
    ana = make_user(full_name="Ana", learner=True)
    discoverable(ana)
    earn(world, ana, micro_credential(world.issuer, "Aseptic Technique", [aseptic]))
    job = opening(world, "Night operator", [(aseptic, True, 1)], shift="night")
    assert len(matches.opening_matches(opening=job)) == 1
    index_before = MATCHER.candidates
    services.job_preferences_update(candidate=ana, actor=ana, shifts=["day"])
    assert matches.opening_matches(opening=job) == []
    assert MATCHER.candidates is index_before  # refreshed in place, not rebuilt
