"""The 1EdTech Open Badges 3.0 API steps a host or issuer is certified on, run offline against
our server: discovery, dynamic registration, authorization code with PKCE, token, the four
resource operations with their scopes, paging headers, refresh and revocation."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from skillstack.issuing.lifecycle import credential_revoke
from skillstack.obapi.scopes import CREDENTIAL_READ, OFFLINE, PROFILE_READ, PROFILE_UPDATE
from tests.factories import make_user, sign_in
from tests.obapi.helpers import ALL_SCOPES, bearer, connect, exchange, pkce, register
from tests.verification.credentials import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(world: Any) -> Any:
    return world.people["learner"]


@pytest.fixture
def learner_client(learner: Any) -> Client:
    client = Client()
    sign_in(client, learner)
    return client


def test_the_service_description_names_registration_authorization_token_and_scopes() -> None:
    sdd = Client().get("/ims/ob/v3p0/discovery").json()
    scheme = sdd["components"]["securitySchemes"]["OAuth2ACG"]
    assert scheme["type"] == "oauth2"
    assert scheme["x-imssf-registrationUrl"] == "http://testserver/ims/ob/v3p0/oauth/register"
    flow = scheme["flows"]["authorizationCode"]
    assert flow["authorizationUrl"] == "http://testserver/ims/ob/v3p0/oauth/authorize"
    assert flow["tokenUrl"] == flow["refreshUrl"] == "http://testserver/ims/ob/v3p0/oauth/token"
    assert set(flow["scopes"]) == {
        "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly",
        "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert",
        "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly",
        "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update",
    }
    assert {"/credentials", "/profile", "/discovery"} <= set(sdd["paths"])
    assert sdd["servers"][0]["url"] == "http://testserver/ims/ob/v3p0"


def test_a_host_registers_connects_and_pulls_the_learners_credentials(
    world: Any, learner: Any, learner_client: Client
) -> None:
    first = issue(issuer=world.issuer, recipient=learner, name="Pipetting")
    second = issue(issuer=world.issuer, recipient=learner, name="Aseptic Technique")
    third = issue(issuer=world.issuer, recipient=learner, name="Lab Safety")
    issue(issuer=world.issuer, recipient=make_user(learner=True), name="Someone else's")
    tokens = connect(Client(), learner_client)
    assert tokens["token_type"] == "Bearer" and tokens["refresh_token"]

    page = Client().get(
        "/ims/ob/v3p0/credentials?limit=2&offset=0", **bearer(tokens["access_token"])
    )
    assert page.status_code == 200
    assert page["X-Total-Count"] == "3"
    assert 'rel="next"' in page["Link"] and "offset=2" in page["Link"]
    names = [c["name"] for c in page.json()["credential"]]
    rest = Client().get(
        "/ims/ob/v3p0/credentials?limit=2&offset=2", **bearer(tokens["access_token"])
    )
    names += [c["name"] for c in rest.json()["credential"]]
    assert names == [first.name, second.name, third.name]  # stable order, nobody else's
    assert rest.json()["credential"][0]["proof"]  # the signed document, as issued


def test_a_revoked_credential_is_not_served(
    world: Any, learner: Any, learner_client: Client
) -> None:
    kept = issue(issuer=world.issuer, recipient=learner, name="Pipetting")
    gone = issue(issuer=world.issuer, recipient=learner, name="Withdrawn")
    credential_revoke(credential=gone, actor=world.people["issuer_admin"], reason="Error in roster")
    tokens = connect(Client(), learner_client)
    body = Client().get("/ims/ob/v3p0/credentials", **bearer(tokens["access_token"])).json()
    assert [c["id"] for c in body["credential"]] == [kept.credential_id]


def test_profile_read_and_update(learner: Any, learner_client: Client) -> None:
    tokens = connect(Client(), learner_client)
    auth = bearer(tokens["access_token"])
    profile = Client().get("/ims/ob/v3p0/profile", **auth).json()
    assert profile["type"] == "Profile" and profile["name"] == learner.full_name
    assert profile["id"] == f"mailto:{learner.email}"
    changed = Client().put(
        "/ims/ob/v3p0/profile",
        data={**profile, "name": "Dana Q. Learner"},
        content_type="application/json",
        **auth,
    )
    assert changed.status_code == 200 and changed.json()["name"] == "Dana Q. Learner"
    learner.refresh_from_db()
    assert learner.full_name == "Dana Q. Learner"
    moved = Client().put(
        "/ims/ob/v3p0/profile",
        data={**profile, "id": "mailto:someone@else.example"},
        content_type="application/json",
        **auth,
    )
    assert moved.status_code == 400
    assert "cannot be changed" in moved.json()["imsx_description"]


def test_each_operation_needs_its_own_scope(learner_client: Client) -> None:
    tokens = connect(Client(), learner_client, scope=PROFILE_READ)
    auth = bearer(tokens["access_token"])
    assert Client().get("/ims/ob/v3p0/profile", **auth).status_code == 200
    refused = Client().get("/ims/ob/v3p0/credentials", **auth)
    assert refused.status_code == 403
    assert refused.json()["imsx_codeMajor"] == "failure"
    put = Client().put(
        "/ims/ob/v3p0/profile", data={"name": "X Y"}, content_type="application/json", **auth
    )
    assert put.status_code == 403


def test_a_client_is_never_granted_more_than_it_registered(learner_client: Client) -> None:
    client = Client()
    host = register(client, scope=PROFILE_READ)
    _, challenge = pkce()
    page = learner_client.get(
        "/ims/ob/v3p0/oauth/authorize",
        {
            "response_type": "code",
            "client_id": host.client_id,
            "redirect_uri": "https://host.example/callback",
            "scope": f"{PROFILE_READ} {CREDENTIAL_READ}",
            "state": "s",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        },
    )
    # the authorization server answers the redirect URI with invalid_scope
    assert page.status_code == 302
    assert "error=invalid_scope" in page["Location"]


def test_pkce_is_required_and_the_verifier_must_match(learner_client: Client) -> None:
    client = Client()
    host = register(client)
    without = learner_client.get(
        "/ims/ob/v3p0/oauth/authorize",
        {
            "response_type": "code",
            "client_id": host.client_id,
            "redirect_uri": "https://host.example/callback",
            "scope": CREDENTIAL_READ,
            "state": "s",
        },
    )
    assert without.status_code == 302 and "error=invalid_request" in without["Location"]
    from tests.obapi.helpers import authorize

    _, challenge = pkce()
    code = authorize(learner_client, host, scope=CREDENTIAL_READ, challenge=challenge)
    wrong = client.post(
        "/ims/ob/v3p0/oauth/token",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": "https://host.example/callback",
            "code_verifier": pkce()[0],
        },
        HTTP_AUTHORIZATION=host.basic(),
    )
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"


def test_a_code_is_used_once(learner_client: Client) -> None:
    from tests.obapi.helpers import authorize

    client = Client()
    host = register(client)
    verifier, challenge = pkce()
    code = authorize(learner_client, host, scope=CREDENTIAL_READ, challenge=challenge)
    exchange(client, host, code=code, verifier=verifier)
    again = client.post(
        "/ims/ob/v3p0/oauth/token",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": "https://host.example/callback",
            "code_verifier": verifier,
        },
        HTTP_AUTHORIZATION=host.basic(),
    )
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_refresh_then_revoke(learner_client: Client) -> None:
    tokens = connect(Client(), learner_client, scope=f"{CREDENTIAL_READ} {OFFLINE}")
    host = tokens["host"]
    fresh = Client().post(
        "/ims/ob/v3p0/oauth/token",
        {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        HTTP_AUTHORIZATION=host.basic(),
    )
    assert fresh.status_code == 200, fresh.content
    new_access = fresh.json()["access_token"]
    assert Client().get("/ims/ob/v3p0/credentials", **bearer(new_access)).status_code == 200
    revoked = Client().post(
        "/ims/ob/v3p0/oauth/revoke",
        {"token": new_access, "token_type_hint": "access_token"},
        HTTP_AUTHORIZATION=host.basic(),
    )
    assert revoked.status_code == 200
    after = Client().get("/ims/ob/v3p0/credentials", **bearer(new_access))
    assert after.status_code == 401 and "Bearer" in after["WWW-Authenticate"]


def test_a_token_reads_only_its_own_learners_credentials(
    world: Any, learner_client: Client
) -> None:
    other = make_user(learner=True)
    issue(issuer=world.issuer, recipient=other, name="Other's badge")
    other_client = Client()
    sign_in(other_client, other)
    mine = connect(Client(), learner_client)
    body = Client().get("/ims/ob/v3p0/credentials", **bearer(mine["access_token"])).json()
    assert all(c["name"] != "Other's badge" for c in body["credential"])


def test_garbage_tokens_and_missing_tokens_get_401() -> None:
    for headers in ({}, bearer("not-a-token")):
        response = Client().get("/ims/ob/v3p0/credentials", **headers)
        assert response.status_code == 401
        assert (
            response.json()["imsx_codeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"]
            == "unauthorisedrequest"
        )
    post = Client().post("/ims/ob/v3p0/credentials", data={}, content_type="application/json")
    assert post.status_code == 401


def test_the_learner_sees_and_disconnects_a_connected_app(learner_client: Client) -> None:
    tokens = connect(Client(), learner_client, scope=f"{CREDENTIAL_READ} {PROFILE_UPDATE}")
    page = learner_client.get("/me/connected-apps/")
    assert b"Example Badge Host" in page.content and b"Read your credentials" in page.content
    app_pk = page.context["rows"][0].application.pk
    learner_client.post(f"/me/connected-apps/{app_pk}/revoke/")
    gone = Client().get("/ims/ob/v3p0/credentials", **bearer(tokens["access_token"]))
    assert gone.status_code == 401
    assert b"No app is connected" in learner_client.get("/me/connected-apps/").content


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"redirect_uris": []}, "invalid_redirect_uri", "redirect_uris"),
        ({"redirect_uris": ["https://host.example/cb#frag"]}, "invalid_redirect_uri", "fragment"),
        ({"scope": "read write"}, "invalid_client_metadata", "unknown scopes"),
        ({"client_name": ""}, "invalid_client_metadata", "client_name"),
        ({"grant_types": ["client_credentials"]}, "invalid_client_metadata", "grant_types"),
        ({"token_endpoint_auth_method": "none"}, "invalid_client_metadata", "auth_method"),
        ({"logo_uri": "javascript:alert(1)"}, "invalid_client_metadata", "logo_uri"),
    ],
)
def test_registration_refuses_bad_metadata_clearly(change: dict, error: str, words: str) -> None:
    body = {
        "client_name": "Host",
        "redirect_uris": ["https://host.example/cb"],
        "scope": ALL_SCOPES,
        **change,
    }
    response = Client().post(
        "/ims/ob/v3p0/oauth/register", data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"] == error
    assert words in response.json()["error_description"]


def test_registration_of_not_json_is_refused() -> None:
    response = Client().post(
        "/ims/ob/v3p0/oauth/register", data=b"\xff{", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_client_metadata"


def test_upserting_a_credential_issued_here_answers_it_as_stored(
    world: Any, learner: Any, learner_client: Client
) -> None:
    credential = issue(issuer=world.issuer, recipient=learner, name="Pipetting")
    tokens = connect(Client(), learner_client)
    response = Client().post(
        "/ims/ob/v3p0/credentials",
        data=credential.document,
        content_type="application/json",
        **bearer(tokens["access_token"]),
    )
    assert response.status_code == 200
    assert response.json()["proof"] == credential.document["proof"]


def test_paging_parameters_are_checked(learner_client: Client) -> None:
    tokens = connect(Client(), learner_client)
    for query in ("limit=0", "offset=-1", "limit=x", "since=yesterday"):
        response = Client().get(
            f"/ims/ob/v3p0/credentials?{query}", **bearer(tokens["access_token"])
        )
        assert response.status_code == 400, query


def test_a_host_pushes_an_external_credential_that_is_verified_then_kept(
    learner: Any, learner_client: Client
) -> None:
    from tests.trust.helpers import signed_json, signed_jwt

    tokens = connect(Client(), learner_client)
    auth = bearer(tokens["access_token"])
    document = signed_json(email=learner.email)
    first = Client().post(
        "/ims/ob/v3p0/credentials", data=document, content_type="application/json", **auth
    )
    assert first.status_code == 201, first.content
    again = Client().post(
        "/ims/ob/v3p0/credentials", data=document, content_type="application/json", **auth
    )
    assert again.status_code == 200
    token = signed_jwt(email=learner.email, name="Gel Electrophoresis")
    jws = Client().post("/ims/ob/v3p0/credentials", data=token, content_type="text/plain", **auth)
    assert jws.status_code == 201 and jws.content.decode() == token
    pulled = Client().get("/ims/ob/v3p0/credentials", **auth).json()
    assert [c["id"] for c in pulled["credential"]] == [document["id"]]
    assert pulled["compactJwsStrings"] == [token]


def test_a_pushed_credential_that_does_not_verify_or_is_someone_elses_is_refused(
    learner: Any, learner_client: Client
) -> None:
    from tests.trust.helpers import signed_json

    tokens = connect(Client(), learner_client)
    auth = bearer(tokens["access_token"])
    tampered = signed_json(email=learner.email)
    tampered["name"] = "Something else"
    for document in (tampered, signed_json(email="someone.else@example.test")):
        response = Client().post(
            "/ims/ob/v3p0/credentials", data=document, content_type="application/json", **auth
        )
        assert response.status_code == 400, response.content
        assert response.json()["imsx_codeMajor"] == "failure"
    junk = Client().post(
        "/ims/ob/v3p0/credentials", data=b"{", content_type="application/json", **auth
    )
    assert junk.status_code == 400 and "not JSON" in junk.json()["imsx_description"]
    assert Client().get("/ims/ob/v3p0/credentials", **auth).json()["credential"] == []
