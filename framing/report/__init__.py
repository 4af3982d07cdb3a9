"""Report stage: charts, and comparison reports as HTML, Markdown and JSON."""
