"""Karabakh conflict news as event tables: the pipeline that builds them and everything that
reads them, without Streamlit.

Subpackages, each importing only those listed before it (tests/test_layout.py holds them to it):
`config` (folders and environment variables), `language` (Arabic normalisation, word lists, UI
strings, dates in words), `contract` (the tables' columns, values and files, the event types),
`pipeline` (articles -> tables), `view` (what the pages read: the reader's filters, prepared
events, queries, names, card text), `editors` (the store of corrections and the editors'
operations; may use the pipeline's card text), `formats` (files of a view for other tools;
built on `view`). `cli` is the command line over all of them.
"""
