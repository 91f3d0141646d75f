"""Upload a built folder to the Hugging Face Hub (token from HF_TOKEN or `hf auth login`)."""

from __future__ import annotations

from pathlib import Path

from corpus.publish.manifest import MANIFEST


class PushError(Exception):
    """Why a push cannot start or failed: one line saying what to do."""


def push(out_dir: Path, repo: str, private: bool = False, message: str | None = None) -> str:
    """Create the dataset repo if needed and upload the folder as one commit; returns the commit URL."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    if not (out_dir / MANIFEST).is_file() or not (out_dir / "README.md").is_file():
        raise PushError(f"{out_dir}: not a built dataset folder (no manifest.json); run `corpus build` first")
    if repo.count("/") != 1 or not all(repo.split("/")):
        raise PushError(f"--repo {repo!r}: expected ORG/NAME")
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
