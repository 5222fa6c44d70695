"""Editors' tools: content checks (`make check`), translations, new pages, freshness."""
