from tests.verification.conftest import no_connection  # noqa: F401 - shared fixture
