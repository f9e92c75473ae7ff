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


def test_a_table_header_is_never_left_alone_at_the_foot_of_a_page_and_repeats_on_the_next(qapp, tmp_path):
    from fieldkit.reports import html
    from fieldkit.reports.document import Document

    table = html.table(["Chỉ tiêu", "Giá trị"], [[f"Dòng {number}", str(number)] for number in range(1, 41)])
    for lines_before in range(24, 40):  # the table starts at every height near the foot of page 1
        filler = "".join(html.paragraph(f"Đoạn {number}") for number in range(lines_before))
        path = tmp_path / f"{lines_before}.pdf"
        write_pdf(Document("Bảng", html.page("", filler, table)), path)
        for page in pypdf.PdfReader(str(path)).pages:
            text = " ".join(page.extract_text().split())  # Qt writes words as separate runs
            assert ("Chỉ tiêu Giá trị" in text) == ("Dòng " in text), (lines_before, text[-200:])
