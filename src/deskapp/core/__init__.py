"""The domain: articles, spans, marks, suggestions, review. No Qt, no SQL."""
