"""The site's build logic as one MkDocs plugin (`kb`, registered in pyproject.toml).

`plugin.py` answers MkDocs' events; `config.py` declares and checks the plugin's options;
`pipeline.py` is the one pass over the built pages once every language is built. The steps the
plugin calls (checks, data blocks, search index, assets) also run outside MkDocs' event loop.
"""
