"""corpus: turn scraped news-article text into a clean, validated, published dataset."""

__version__ = "0.1.0"
