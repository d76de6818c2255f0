"""The read model behind the pages, without Streamlit: the reader's view as URL state, the
events readers see prepared for fast filtering, the queries pages run on them, named periods,
names and dates as a card shows them, the map's data and the presenter's slide order. Imports
`newsdesk.config`, `language` and `contract`; never the pipeline or the editors' store."""
