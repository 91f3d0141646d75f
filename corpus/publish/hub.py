"""Upload a built folder to the Hugging Face Hub (token from HF_TOKEN or `hf auth login`)."""

from __future__ import annotations

from pathlib import Path

from corpus.publish.manifest import MANIFEST


class PushError(Exception):
    """Why a push cannot start (`usage`: exit 2) or failed (exit 1): one line saying what to do."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def card_loads(out_dir: Path, repo: str) -> bool:
    """Whether the built card's load example names `repo` (the build writes [tool.corpus] hub_repo there,
    else the local out_dir, which means nothing to a reader of the card on the Hub)."""
    try:
        card = (out_dir / "README.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return f'load_dataset("{repo}")' in card


def push(out_dir: Path, repo: str, private: bool = False, message: str | None = None) -> str:
    """Create the dataset repo if needed and upload the folder as one commit; returns the commit URL."""
    from huggingface_hub import HfApi, get_token
    from huggingface_hub.errors import HfHubHTTPError, HFValidationError
    from huggingface_hub.utils import validate_repo_id

    if not (out_dir / MANIFEST).is_file() or not (out_dir / "README.md").is_file():
        raise PushError(
            f"{out_dir}: not a built dataset folder (no manifest.json); run `corpus build` first", usage=True
        )
    try:
        if repo.count("/") != 1:
            raise HFValidationError("it names no organisation or user")
        validate_repo_id(repo)
    except HFValidationError as e:
        raise PushError(f"--repo {repo!r}: expected ORG/NAME ({e})", usage=True) from None
    if get_token() is None:
        raise PushError("no Hugging Face token: set HF_TOKEN or run `hf auth login`", usage=True)
    api = HfApi()
    try:
        api.create_repo(repo, repo_type="dataset", private=private, exist_ok=True)
        info = api.upload_folder(
            folder_path=str(out_dir),
            repo_id=repo,
            repo_type="dataset",
            commit_message=message or "Publish dataset built by corpus",
            delete_patterns=["data/*.parquet"],  # shards are content-addressed: drop the previous build's
        )
    except HfHubHTTPError as e:
        raise PushError(
            f"upload to {repo} failed: {e}; check the token (HF_TOKEN or `hf auth login`)"
        ) from None
    except Exception as e:  # network and offline errors come in many types; all mean the same to the user
        raise PushError(f"upload to {repo} failed ({type(e).__name__}: {e}); check the network") from None
    return str(getattr(info, "commit_url", info))
