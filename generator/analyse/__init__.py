"""Per-article extraction: sentences, actors, dates, quantities."""
