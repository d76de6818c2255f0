"""Articles in, event tables out: reading article files, sentences, dates in Arabic text, the
publication date, the gazetteer of people and places, mentions of events, merging them into
events, card text, the build and its evaluation against labelled articles. Imports
`newsdesk.config`, `language` and `contract`."""
