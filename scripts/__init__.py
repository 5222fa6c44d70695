"""Build and maintenance code for the bilingual knowledge base (see scripts/README.md)."""
