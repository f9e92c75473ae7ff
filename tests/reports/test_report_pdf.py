"""A commune record printed to PDF by the shared renderer, read back with pypdf: the
Vietnamese text survives (Noto Sans embedded) and the charts are in it."""

import pypdf

from fieldkit.ui.printing import write_pdf
from tests.helpers.report_answers import HOAN_KIEM


def test_the_commune_record_prints_to_a_pdf_with_its_vietnamese_text(qapp, reports, tmp_path):
    document = reports.commune_summary(HOAN_KIEM, lang="vi")
    pages = write_pdf(document, tmp_path / "bien-ban.pdf")
    reader = pypdf.PdfReader(str(tmp_path / "bien-ban.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == pages >= 2
    for expected in ("BIÊN BẢN LÀM VIỆC", "Phường Hoàn Kiếm", "Thành phố Hà Nội", "Độc lập – Tự do – Hạnh phúc",
                     "(Ký, ghi rõ họ tên)"):
        assert expected in text
    # by name: a chart moved to the next page is also drawn, clipped away, at the foot of the page before
    images = {image.name for page in reader.pages for image in page.images}
    assert len(images) == len(document.images)
    fonts = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert any("NotoSans" in font for font in fonts)
