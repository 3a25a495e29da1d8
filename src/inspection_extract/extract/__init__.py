"""One module per field. Each exposes plain functions ``field(doc) -> findings`` that read
a prepared `Document` and know nothing of files, output or other fields."""
