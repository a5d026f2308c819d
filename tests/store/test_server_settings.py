"""Settings of the store server that must agree with each other."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from kb.config import Settings
from kb.store.server import LEASE_SECONDS


def test_a_store_timeout_longer_than_the_writer_lease_is_refused_at_start(tmp_path: Path) -> None:
    """A write checks that it fits in the lease; a longer request timeout would make every write 'busy'."""
    assert Settings(data_dir=tmp_path, store_timeout=100).store_timeout < LEASE_SECONDS
    with pytest.raises(ValidationError):
        Settings(data_dir=tmp_path, store_timeout=LEASE_SECONDS)
