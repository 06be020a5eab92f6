"""One writer per format, each fed the same result objects; writers return text and never print."""
