"""The pass rule decides from observations alone, and bad definitions name the field."""

import pytest

from skillstack.catalog.performance import DefinitionError, evaluate, parse_definition

PIPETTING = {
    "steps": [
        {"key": "ppe", "title": "Wear gloves and lab coat", "critical": True},
        {"key": "tip", "title": "Attach a fresh tip", "critical": True},
        {"key": "angle", "title": "Hold the pipette vertically"},
        {"key": "first-stop", "title": "Aspirate to the first stop"},
        {"key": "dispense", "title": "Dispense to the second stop"},
        {
            "key": "communication",
            "title": "Explains each step",
            "kind": "rubric",
            "levels": ["Beginning", "Developing", "Proficient", "Exemplary"],
            "min_level": 3,
        },
    ],
    "rule": {"min_other_checks": 2, "time_limit_s": 600},
}


def test_all_critical_steps_enough_others_and_level_passes() -> None:
    test = parse_definition(PIPETTING)
    result = evaluate(
        test,
        checks_done=["ppe", "tip", "angle", "dispense"],
        rubric_levels={"communication": 3},
        elapsed_s=420,
    )
    assert result.passed
    assert result.reasons == ()


def test_a_missed_critical_step_fails_whatever_else_was_done() -> None:
    test = parse_definition(PIPETTING)
    result = evaluate(
        test,
        checks_done=["ppe", "angle", "first-stop", "dispense"],
        rubric_levels={"communication": 4},
    )
    assert not result.passed
    assert result.reasons == ("Critical step not done: Attach a fresh tip",)
    assert result.to_practise == ("tip",)


def test_too_few_other_steps_and_low_rubric_level_are_both_reported() -> None:
    test = parse_definition(PIPETTING)
    result = evaluate(test, checks_done=["ppe", "tip", "angle"], rubric_levels={"communication": 2})
    assert not result.passed
    assert "communication" in result.to_practise
    assert any("at least 2 needed" in r for r in result.reasons)
    assert any("below the required 'Proficient'" in r for r in result.reasons)


def test_over_the_time_limit_fails() -> None:
    test = parse_definition(PIPETTING)
    result = evaluate(
        test,
        checks_done=["ppe", "tip", "angle", "first-stop", "dispense"],
        rubric_levels={"communication": 4},
        elapsed_s=601,
    )
    assert result.reasons == ("Took 601 s; the time limit is 600 s",)


def test_default_rule_requires_every_other_check() -> None:
    test = parse_definition({"steps": PIPETTING["steps"][:4]})
    assert test.rule.min_other_checks == 2
    assert not evaluate(test, checks_done=["ppe", "tip", "angle"], rubric_levels={}).passed


def test_bad_definitions_name_each_wrong_field() -> None:
    with pytest.raises(DefinitionError) as err:
        parse_definition(
            {
                "steps": [
                    {"key": "a", "title": "A"},
                    {"key": "a", "title": "Again"},
                    {"title": "No key"},
                    {"key": "r", "title": "Rubric", "kind": "rubric", "levels": ["only one"]},
                    {"key": "x", "title": "X", "kind": "essay"},
                ],
                "rule": {"min_other_checks": 9, "time_limit_s": -5},
            }
        )
    assert set(err.value.errors) == {
        "steps[1].key",
        "steps[2].key",
        "steps[3].levels",
        "steps[4].kind",
        "rule.min_other_checks",
        "rule.time_limit_s",
    }


@pytest.mark.parametrize("raw", [None, [], {"steps": []}, {"steps": "x"}, {"steps": [1]}])
def test_definitions_that_are_not_objects_are_refused(raw) -> None:
    with pytest.raises(DefinitionError):
        parse_definition(raw)
