import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture
def seed_path() -> Path:
    return ROOT / "raw" / "000_6f5325a99d8ab7f5.txt"


@pytest.fixture
def shared_eval() -> Path:
    if not (SHARED_EVAL / "dev" / "gold.jsonl").is_file():
        pytest.skip("../shared/eval is not present")
    return SHARED_EVAL
