"""The evaluation engine, by hand-worked cases: no database, holdings written out in full."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from skillstack.pathways.engine import Held, evaluate

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def held(ref: str, mc: int | None, *, days_ago: int = 10, **extra: object) -> Held:
    values: dict[str, object] = {
        "ref": ref,
        "name": f"Credential {ref}",
        "issuer_name": "Northfield Institute",
        "issuer_id": "did:web:northfield.example",
        "achievement_id": f"https://northfield.example/a/{mc}",
        "micro_credential_id": mc,
        "proficiency": 1,
        "skill_ids": frozenset(),
        "earned_at": NOW - timedelta(days=days_ago),
    }
    values.update(extra)
    return Held(**values)  # type: ignore[arg-type]


def c(mc: int, **extra: object) -> dict[str, object]:
    return {"kind": "credential", "micro_credential": mc, "label": f"MC {mc}", **extra}


LAB_SKILLS = {
    "kind": "sequence",
    "items": [
        {"kind": "all", "label": "Level 1", "items": [c(1), c(2)]},
        {"kind": "all", "label": "Level 2", "items": [c(3)]},
    ],
}


def test_vertical_counts_a_level_only_after_the_one_before() -> None:
    progress = evaluate(LAB_SKILLS, [held("a", 1), held("c", 3)], now=NOW)
    level1, level2 = progress.root.children
    assert not level1.satisfied and level1.met == 1
    assert level2.satisfied and level2.locked  # held, but waits for level 1
    assert progress.root.met == 0 and not progress.complete
    assert [s.label for s in progress.next_steps] == ["MC 2"]  # level 2 is not "next"


def test_vertical_completes_with_every_level() -> None:
    progress = evaluate(LAB_SKILLS, [held("a", 1), held("b", 2), held("c", 3)], now=NOW)
    assert progress.complete and progress.root.met == 2
    assert [h.ref for h in progress.used] == ["a", "b", "c"]


def test_horizontal_any_three_of_five() -> None:
    tree = {"kind": "any", "k": 3, "items": [c(n) for n in range(1, 6)]}
    two = evaluate(tree, [held("a", 1), held("e", 5)], now=NOW)
    assert not two.complete and two.root.met == 2
    assert {s.label for s in two.next_steps} == {"MC 2", "MC 3", "MC 4"}
    three = evaluate(tree, [held("a", 1), held("e", 5), held("c", 3)], now=NOW)
    assert three.complete and three.root.met == 3 and not three.next_steps


def test_one_holding_counts_once_even_if_listed_twice() -> None:
    """The same micro-credential required twice is not met by one credential."""
    tree = {"kind": "any", "k": 2, "items": [c(1), c(1, label="MC 1 again")]}
    assert not evaluate(tree, [held("a", 1)], now=NOW).complete
    assert evaluate(tree, [held("a", 1), held("a2", 1, days_ago=400)], now=NOW).complete


def test_matching_puts_a_holding_where_it_lets_the_most_requirements_be_met() -> None:
    """Skill leaf satisfiable by credential 'a' or 'b'; the credential leaf only by 'a'."""
    tree = {
        "kind": "all",
        "items": [
            {"kind": "skill", "skill": 7, "min_level": 1, "label": "Aseptic skill"},
            c(1),
        ],
    }
    a = held("a", 1, skill_ids=frozenset({7}), days_ago=1)  # newest: greedy would take it first
    b = held("b", 2, skill_ids=frozenset({7}), days_ago=5)
    progress = evaluate(tree, [a, b], now=NOW)
    assert progress.complete
    skill_leaf, mc_leaf = progress.root.children
    assert skill_leaf.holding == b and mc_leaf.holding == a


def test_hybrid_tree_of_groups() -> None:
    tree = {
        "kind": "all",
        "items": [
            c(1),
            {"kind": "one", "label": "A specialty", "items": [c(2), c(3)]},
            {"kind": "any", "k": 2, "items": [c(4), c(5), c(6)]},
        ],
    }
    missing_breadth = [held("a", 1), held("c", 3), held("d", 4)]
    progress = evaluate(tree, missing_breadth, now=NOW)
    assert not progress.complete
    assert [child.satisfied for child in progress.root.children] == [True, True, False]
    # the 'one of' group is met, so its other option is not suggested
    assert {s.label for s in progress.next_steps} == {"MC 5", "MC 6"}
    assert evaluate(tree, [*missing_breadth, held("f", 6)], now=NOW).complete


def test_another_providers_credential_accepted_as_equivalent() -> None:
    tree = {"kind": "any", "k": 1, "items": [c(1, accepts=[{"micro_credential": 9}])]}
    progress = evaluate(tree, [held("cvcc", 9, issuer_name="Cedar Valley CC")], now=NOW)
    assert progress.complete
    (leaf,) = progress.root.children
    assert leaf.via_equivalence and leaf.holding is not None and leaf.holding.ref == "cvcc"


def test_an_external_badge_by_achievement_id_and_issuer() -> None:
    leaf = {
        "kind": "credential",
        "achievement_id": "https://badges.example/gmp",
        "issuer_id": "did:web:badges.example",
    }
    right = held(
        "x", None, achievement_id="https://badges.example/gmp", issuer_id="did:web:badges.example"
    )
    wrong_issuer = held(
        "y", None, achievement_id="https://badges.example/gmp", issuer_id="did:web:forger.example"
    )
    assert evaluate(leaf | {"kind": "credential"}, [right], now=NOW).complete
    assert not evaluate(leaf, [wrong_issuer], now=NOW).complete


def test_recency_excludes_a_credential_earned_too_long_ago() -> None:
    tree = {"kind": "any", "k": 1, "items": [c(1, within_years=2)]}
    assert evaluate(tree, [held("new", 1, days_ago=700)], now=NOW).complete
    assert not evaluate(tree, [held("old", 1, days_ago=800)], now=NOW).complete


def test_skill_at_a_level() -> None:
    tree = {"kind": "all", "items": [{"kind": "skill", "skill": 3, "min_level": 2, "label": "S"}]}
    basic = held("a", 1, skill_ids=frozenset({3}), proficiency=1)
    good = held("b", 2, skill_ids=frozenset({3}), proficiency=2)
    assert not evaluate(tree, [basic], now=NOW).complete
    assert evaluate(tree, [good], now=NOW).complete
    aliased = held("c", 3, skill_ids=frozenset({99}), proficiency=3)
    assert evaluate(tree, [aliased], now=NOW, skill_aliases={3: frozenset({99})}).complete


def test_same_input_same_answer() -> None:
    holdings = [held(r, n) for r, n in (("a", 1), ("b", 1), ("c", 2))]
    tree = {"kind": "any", "k": 2, "items": [c(1), c(2)]}
    first = evaluate(tree, holdings, now=NOW)
    again = evaluate(tree, list(reversed(holdings)), now=NOW)
    assert [h.ref for h in first.used] == [h.ref for h in again.used]
    assert not evaluate(tree, [], now=NOW).touched
