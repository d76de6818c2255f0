"""The Editors page: sign-in, downloads, uploads and in-page tables, the review of a diff
before it is saved, and the history of versions with restore and orphaned corrections."""
