"""Reading back the PDFs the tests make."""

import unicodedata

import pypdf


def pdf_text(path) -> str:
    """All text, NFKC (Noto's "ﬃ" ligature back to letters) and whitespace normalised (Qt
    writes words as separate runs)."""
    reader = pypdf.PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def page_count(path) -> int:
    return len(pypdf.PdfReader(str(path)).pages)


def title(path) -> str:
    return pypdf.PdfReader(str(path)).metadata.title
