"""Documents attached to records (agreements, statutes, cost-sharing keys): see ``library``.

Kept free of imports on purpose: the text extraction runs as ``python -m kb.documents.extract`` in
a child process per file, which should load pypdf or python-docx and nothing else of kb.
"""
