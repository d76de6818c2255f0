"""Words in both languages that every layer uses: Arabic normalisation, the lexicon files under
data/lexicon/, the UI strings of data/ui_strings.json, month names and dates written out as
precisely as they are known. Imports only `newsdesk.config`."""
