"""The table contract of DESIGN.md: each table's columns and allowed values, the facts of each
event type, and reading and writing the tables as CSV. Imports only `newsdesk.config`."""
