"""The body-length histogram PNG linked from the card (matplotlib Agg, no timestamps: reproducible bytes)."""

from __future__ import annotations

from pathlib import Path

from corpus.build.stats import Stats, bin_label


def write_histogram(stats: Stats, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [bin_label(i) for i in range(len(stats.word_hist))]
    fig, ax = plt.subplots(figsize=(8, 3.5), dpi=100)
    ax.bar(range(len(labels)), stats.word_hist, color="#4C72B0")
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
    ax.set_xlabel("body length (words)")
    ax.set_ylabel("articles")
    ax.set_title(f"Body length of the {stats.total:,} published articles")
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})
    plt.close(fig)
