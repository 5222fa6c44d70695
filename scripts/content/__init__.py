"""The content model: pages and their front matter, data files, schemas, rendering of
the data blocks. Read by the build plugin and by the editors' tools alike."""
