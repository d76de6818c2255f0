"""Extraction: from one article's text to its event mentions, in named steps.

`run.extract_article` finds the publication date (every relative date is read against it) and
runs the steps in order: `parse` matches each sentence's words against the lexicons (cues,
people, places, dates); `clauses` cuts a sentence at its triggers and reads each one's part,
asking `context` what the words around a trigger say (planned, denied, a setting, called for),
`when` which date is the trigger's, `who` who takes part and `where` where; `article` then reads
the article's mentions together (undated ones attached, remarks folded into talks, separate
calls split). `mention` is the record every step fills. These modules import the language,
the contract, the lexicon matcher (`newsdesk.pipeline.gazetteer`), the date readers and the
text splitter of `newsdesk.pipeline`, never the build, the merge or the intake.
"""
