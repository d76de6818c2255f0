"""Articles in, event tables out: reading article files, sentences, dates in Arabic text, the
publication date, the gazetteer of people and places, the extraction steps from an article to
its event mentions (`extraction/`), merging mentions into events, card text, the build and its
evaluation against labelled articles. Imports `newsdesk.config`, `language` and `contract`."""
