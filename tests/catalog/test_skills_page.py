"""The skills pages of an issuer: list and search, add and edit own skills, CSV import."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from skillstack.catalog.models import Skill
from tests.factories import sign_in

SAMPLE = Path(__file__).parents[2] / "src/skillstack/catalog/fixtures/lab-skills.csv"


def _designer(client, world):
    sign_in(client, world.people["designer"])
    return client


def test_the_list_shows_own_and_taxonomy_skills_but_not_another_issuers(client, world) -> None:
    Skill.objects.create(organization=world.issuer, code="ppe", label="Protective equipment")
    Skill.objects.create(framework="onet", code="2.A.1.f", label="Science", uri="https://x.test/s")
    Skill.objects.create(organization=world.other_issuer, code="x", label="Their secret skill")
    page = _designer(client, world).get("/orgs/bioskills/skills/").content.decode()
    assert "Protective equipment" in page and "Science" in page
    assert "Their secret skill" not in page


def test_search_narrows_the_list(client, world) -> None:
    Skill.objects.create(organization=world.issuer, code="ppe", label="Protective equipment")
    Skill.objects.create(organization=world.issuer, code="gdp", label="Documentation")
    page = _designer(client, world).get("/orgs/bioskills/skills/?q=docu").content.decode()
    assert "Documentation" in page and "Protective equipment" not in page


def test_a_designer_adds_a_skill(client, world) -> None:
    response = _designer(client, world).post(
        "/orgs/bioskills/skills/new/", {"code": "gowning", "label": "Cleanroom gowning"}
    )
    assert response.status_code == 302
    assert Skill.objects.get(organization=world.issuer, code="gowning").label == "Cleanroom gowning"


def test_a_code_with_spaces_is_refused_at_the_field(client, world) -> None:
    response = _designer(client, world).post(
        "/orgs/bioskills/skills/new/", {"code": "two words", "label": "X"}
    )
    assert response.status_code == 400
    assert "no spaces" in response.content.decode()


def test_a_designer_edits_an_own_skill(client, world) -> None:
    skill = Skill.objects.create(organization=world.issuer, code="ppe", label="PPE")
    response = _designer(client, world).post(
        f"/orgs/bioskills/skills/{skill.pk}/edit/", {"code": "ppe", "label": "Protective gear"}
    )
    assert response.status_code == 302
    skill.refresh_from_db()
    assert skill.label == "Protective gear"


def test_another_issuers_skill_cannot_be_edited(client, world) -> None:
    theirs = Skill.objects.create(organization=world.other_issuer, code="x", label="Theirs")
    response = _designer(client, world).get(f"/orgs/bioskills/skills/{theirs.pk}/edit/")
    assert response.status_code == 404


def test_the_dry_run_lists_what_would_be_created_and_saves_nothing(client, world) -> None:
    upload = SimpleUploadedFile("skills.csv", SAMPLE.read_bytes(), content_type="text/csv")
    response = _designer(client, world).post(
        "/orgs/bioskills/skills/import/", {"file": upload, "mode": "dry-run"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dry run, nothing saved. Importing would give: 12 new, 0 updated, 0 unchanged." in page
    assert "Serial dilution" in page
    assert Skill.objects.count() == 0


def test_importing_saves_and_returns_to_the_list(client, world) -> None:
    upload = SimpleUploadedFile("skills.csv", SAMPLE.read_bytes(), content_type="text/csv")
    response = _designer(client, world).post(
        "/orgs/bioskills/skills/import/", {"file": upload, "mode": "import"}, follow=True
    )
    assert "Imported: 12 new, 0 updated, 0 unchanged." in response.content.decode()
    assert Skill.objects.count() == 12


def test_a_bad_row_is_shown_with_its_row_and_column(client, world) -> None:
    csv = b"framework,code,uri,label,description,broader_code\nown,ppe,,,,\n"
    upload = SimpleUploadedFile("skills.csv", csv, content_type="text/csv")
    response = _designer(client, world).post(
        "/orgs/bioskills/skills/import/", {"file": upload, "mode": "import"}
    )
    assert response.status_code == 400
    assert "Row 2, column label: is empty" in response.content.decode()
    assert Skill.objects.count() == 0


def test_a_latin1_file_gets_a_sentence_not_an_error_page(client, world) -> None:
    csv = "framework,code,uri,label,description,broader_code\nown,x,,Réaction,,\n"
    upload = SimpleUploadedFile("skills.csv", csv.encode("latin-1"), content_type="text/csv")
    response = _designer(client, world).post(
        "/orgs/bioskills/skills/import/", {"file": upload, "mode": "import"}
    )
    assert response.status_code == 400
    assert "is not UTF-8 text" in response.content.decode()


def test_an_employer_admin_is_told_only_issuers_keep_skills(client, world) -> None:
    from skillstack.accounts.roles import Role
    from tests.factories import grant, make_user

    admin = make_user()
    grant(admin, world.employer, Role.ORG_ADMIN)
    sign_in(client, admin)
    upload = SimpleUploadedFile("skills.csv", SAMPLE.read_bytes(), content_type="text/csv")
    response = client.post("/orgs/plant/skills/import/", {"file": upload, "mode": "import"})
    assert response.status_code == 400
    assert "Only issuers keep a list of skills." in response.content.decode()
