"""Documents attached to records (agreements, statutes, cost-sharing keys): see ``library``."""

from kb.documents.library import Attachment, DocumentLibrary, Download

__all__ = ["Attachment", "DocumentLibrary", "Download"]
