"""The editors' side: the versioned store of corrections and lexicon rows (SQLite or
PostgreSQL), applying corrections to the extracted events (what readers see), reading and
validating uploads, diffs, the spreadsheets editors download and upload, sign-in, and the
editors' commands. Imports `newsdesk.config`, `language`, `contract` and the pipeline's card
text (`pipeline.summaries`), so a corrected event gets a fresh title."""
