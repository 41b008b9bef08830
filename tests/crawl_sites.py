"""Three fixture websites, one per CMS shape of the seeds, and hostile ones, served by
local threading HTTP servers (no internet). Every text here is written for the tests.

- ``sp``  SharePoint-style: "Page Content" marker, en-US stamp "1/15/2021 7:29:59 AM",
  paginated list pages (".aspx?Page=2"), a print view, a redirect, a 404, a 429 with
  Retry-After, links that leave the site, ``javascript:``/``file:``/``mailto:`` links,
  a robots.txt rule.
- ``gov`` government portal: "Xem với cỡ chữ", a date line under the title, an RSS
  feed, a Windows-1258 page declared in a meta tag, a page whose canonical address
  differs from the one linked (tracking parameters), a slow page.
- ``wp``  WordPress-style: ``<article>``, a sitemap with ``lastmod``, a 10 MB page, a
  gzip bomb, a page that never ends, a redirect loop.
- ``endless`` list pages without end; ``closed`` a robots.txt that disallows all.

The servers that serve them are in ``crawl_server``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def sp_article(title: str, stamp: str, paragraphs: list[str], author: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>Tin hoạt động - VKSND tỉnh Hà Nam</title>"
        "<script>document.title = 'đã chạy mã của trang';</script></head><body>"
        "<div class='top-menu'><a href='/'>Trang chủ</a> | <a href='/Pages/tin-tuc.aspx'>"
        "Tin hoạt động</a></div>"
        f"<div class='ms-webpart'><h1>{title}</h1><div class='stamp'>{stamp}</div>"
        f"<div class='label'>Page Content</div>{body}<p>{author}</p></div>"
        "<div class='site-footer'>Bản quyền thuộc về Viện kiểm sát nhân dân tỉnh Hà Nam</div>"
        "</body></html>"
    )


def gov_article(title: str, date_line: str, paragraphs: list[str], canonical: str = "",
                charset: str = "utf-8") -> str:  # fmt: skip
    link = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
        f"{link}<title>{title}</title></head><body>"
        "<div id='banner'>CỔNG THÔNG TIN ĐIỆN TỬ VIỆN KIỂM SÁT NHÂN DÂN TỈNH QUẢNG TRỊ</div>"
        f"<div class='news-detail'><h1>{title}</h1><div class='date'>{date_line}</div>"
        f"<div class='tools'>Xem với cỡ chữ: A A A</div>{body}</div>"
        "<div class='footer'>Địa chỉ: số 9 đường Hùng Vương, Đông Hà, Quảng Trị</div>"
        "</body></html>"
    )


def wp_article(title: str, iso: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='vi'><head><meta charset='UTF-8'>"
        f"<title>{title} – Báo Kiểm sát điện tử</title></head><body>"
        "<header><nav><a href='/'>Trang chủ</a><a href='/chuyen-muc/thoi-su/'>Thời sự</a></nav>"
        "</header><main><article>"
        f"<h1 class='entry-title'>{title}</h1><div class='entry-meta'>date {iso}</div>"
        f"<div class='entry-content'>{body}</div></article></main>"
        "<footer>Giấy phép hoạt động báo chí điện tử (nội dung thử nghiệm)</footer>"
        "</body></html>"
    )


# -- the articles, with what a reader must find in them -----------------------------
@dataclass(frozen=True)
class Expected:
    site: str
    path: str  # where it is linked from (before redirects and canonical addresses)
    title: str
    published: str  # ISO date
    sentence: str  # a sentence of the body


SP = {
    "/Pages/giao-ban-quy-1-2021.aspx": sp_article(
        "VKSND tỉnh Hà Nam giao ban công tác quý I năm 2021",
        "4/2/2021 3:15:20 PM",
        [
            "Chiều ngày 01/4/2021, Viện kiểm sát nhân dân tỉnh Hà Nam tổ chức hội nghị giao "
            "ban công tác quý I năm 2021 theo hình thức trực tuyến tới các huyện.",
            "Các đơn vị báo cáo số vụ án đã thụ lý, số vụ đã giải quyết và những khó khăn "
            "trong việc phối hợp với cơ quan điều tra cùng cấp.",
            "Kết luận hội nghị, đồng chí Viện trưởng yêu cầu các đơn vị nâng cao chất "
            "lượng tranh tụng tại phiên tòa.",
        ],
        "Phòng Thống kê tội phạm",
    ),
    "/Pages/tap-huan-ky-nang-2021.aspx": sp_article(
        "Tập huấn kỹ năng xét hỏi tại phiên tòa hình sự",
        "6/18/2021 9:05:00 AM",
        [
            "Sáng ngày 17/6/2021, Viện kiểm sát nhân dân tỉnh Hà Nam mở lớp tập huấn kỹ "
            "năng xét hỏi cho kiểm sát viên hai cấp.",
            "Giảng viên trình bày các tình huống thường gặp khi bị cáo thay đổi lời khai "
            "và cách chuẩn bị câu hỏi theo từng nhóm chứng cứ.",
        ],
        "Văn phòng tổng hợp",
    ),
    "/Pages/bai-moi.aspx": sp_article(
        "Hội nghị sơ kết sáu tháng đầu năm 2021 của VKSND tỉnh Hà Nam",
        "7/9/2021 4:40:10 PM",
        [
            "Ngày 08/7/2021, Viện kiểm sát nhân dân tỉnh Hà Nam tổ chức hội nghị sơ kết "
            "công tác sáu tháng đầu năm 2021.",
            "Hội nghị đánh giá việc thực hiện các chỉ tiêu nghiệp vụ và đề ra giải pháp "
            "cho sáu tháng cuối năm.",
        ],
        "Nguyễn Thu Trang",
    ),
    "/Pages/cho-doi.aspx": sp_article(
        "Ký kết quy chế phối hợp giữa VKSND và Công an tỉnh Hà Nam",
        "9/30/2021 10:00:00 AM",
        [
            "Ngày 29/9/2021, Viện kiểm sát nhân dân tỉnh Hà Nam và Công an tỉnh ký kết quy "
            "chế phối hợp trong giải quyết tin báo, tố giác tội phạm.",
            "Quy chế quy định rõ thời hạn trao đổi hồ sơ và trách nhiệm của từng bên.",
        ],
        "Phòng 1",
    ),
}
SP_PRINT = "/Pages/giao-ban-quy-1-2021.aspx?print=1"
SP_LIST = (
    "<html><body><h1>Tin hoạt động</h1><ul>"
    "<li><a href='/Pages/giao-ban-quy-1-2021.aspx?utm_source=trang-chu'>VKSND tỉnh Hà Nam "
    "giao ban công tác quý I năm 2021</a> <a href='" + SP_PRINT + "'>Bản in của bài này</a></li>"
    "<li><a href='/Pages/tap-huan-ky-nang-2021.aspx'>Tập huấn kỹ năng xét hỏi tại phiên tòa"
    "</a></li>"
    "<li><a href='/Pages/bai-cu.aspx'>Hội nghị sơ kết sáu tháng đầu năm 2021</a></li>"
    "<li><a href='javascript:void(0)'>Chia sẻ bài viết này lên mạng</a></li>"
    "<li><a href='file:///etc/passwd'>Tệp trên máy của bạn đọc</a></li>"
    "<li><a href='mailto:vp@example.invalid'>Gửi thư cho văn phòng tỉnh</a></li>"
    "</ul><a href='/Pages/tin-tuc.aspx?Page=2'>Trang sau</a></body></html>"
)
SP_LIST_2 = (
    "<html><body><h1>Tin hoạt động (trang 2)</h1><ul>"
    "<li><a href='/Pages/cho-doi.aspx'>Ký kết quy chế phối hợp giữa VKSND và Công an</a></li>"
    "<li><a href='/Pages/da-xoa.aspx'>Bài viết cũ đã bị gỡ khỏi trang</a></li>"
    "<li><a href='/Pages/chuyen-di.aspx'>Bài đã chuyển sang trang của đơn vị khác</a></li>"
    "<li><a href='/Pages/noi-bo.aspx'>Trang nội bộ dành cho cán bộ</a></li>"
    "<li><a href='@@GOV@@/tin-tuc/ngoai-trang.html'>Một bài trên trang của đơn vị khác</a></li>"
    "</ul></body></html>"
)

GOV = {
    "/tin-tuc/id-7.html": gov_article(
        "VKSND tỉnh Quảng Trị triển khai công tác năm 2023",
        "09/01/2023",
        [
            "Sáng ngày 06/01/2023, Viện kiểm sát nhân dân tỉnh Quảng Trị tổ chức hội nghị "
            "triển khai công tác năm 2023.",
            "Hội nghị thống nhất các chỉ tiêu trọng tâm, trong đó có việc giảm tỷ lệ án "
            "trả hồ sơ để điều tra bổ sung.",
        ],
        canonical="@@GOV@@/tin-tuc/id-7.html",
    ),
    "/tin-tuc/id-8.html": gov_article(
        "Hội thi kiểm sát viên giỏi cấp tỉnh năm 2023",
        "21/04/2023",
        [
            "Từ ngày 18 đến ngày 20/4/2023, Viện kiểm sát nhân dân tỉnh Quảng Trị tổ chức "
            "hội thi kiểm sát viên giỏi cấp tỉnh.",
            "Các thí sinh trải qua phần thi viết và phần xử lý tình huống trước ban giám khảo.",
        ],
    ),
    "/tin-tuc/id-9.html": gov_article(
        "Tọa đàm về kiểm sát việc tạm giữ, tạm giam",
        "15/08/2023",
        [
            "Ngày 14/8/2023, Viện kiểm sát nhân dân tỉnh Quảng Trị tổ chức tọa đàm về "
            "công tác kiểm sát việc tạm giữ, tạm giam.",
            "Đại biểu trao đổi về điều kiện giam giữ và quyền của người bị tạm giữ.",
        ],
        charset="windows-1258",
    ),
    "/tin-tuc/id-10.html": gov_article(
        "Giao ban công tác tháng 10 năm 2023",
        "03/11/2023",
        [
            "Chiều ngày 02/11/2023, lãnh đạo Viện kiểm sát nhân dân tỉnh Quảng Trị chủ trì "
            "giao ban công tác tháng 10 năm 2023.",
            "Các phòng nghiệp vụ báo cáo tiến độ giải quyết án và kiến nghị khắc phục vi phạm.",
        ],
    ),
}
GOV_LINKED_7 = "/index.php?option=bai-viet&id=7&utm_source=zalo&fbclid=abc"
GOV_SLOW = "/tin-tuc/id-10.html"
GOV_TWIN = "/tin-tuc/id-8-trang-in.html"  # a print view nothing marks: same text, no canonical


def gov_feed() -> str:
    items = [(GOV_LINKED_7, "Mon, 09 Jan 2023 08:00:00 +0700")] + [
        (p, "Fri, 21 Apr 2023 08:00:00 +0700") for p in GOV if p != "/tin-tuc/id-7.html"
    ]
    items.append((GOV_TWIN, "Fri, 21 Apr 2023 08:00:00 +0700"))
    entries = "".join(
        f"<item><title>bài</title><link>@@GOV@@{p.replace('&', '&amp;')}</link>"
        f"<pubDate>{d}</pubDate></item>"
        for p, d in items
    )
    head = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'>"
    return f"{head}<channel>{entries}</channel></rss>"


WP = {
    "/2024/05/hoi-nghi-tong-ket-thi-dua/": wp_article(
        "Khối thi đua các tỉnh miền Trung tổng kết năm 2023",
        "2024-05-06",
        [
            "Ngày 04/5/2024, khối thi đua Viện kiểm sát nhân dân các tỉnh miền Trung tổ chức "
            "hội nghị tổng kết phong trào thi đua năm 2023.",
            "Hội nghị bình xét các đơn vị dẫn đầu và ký giao ước thi đua cho năm 2024.",
        ],
    ),
    "/2024/06/tuyen-truyen-phap-luat/": wp_article(
        "Tuyên truyền pháp luật cho học sinh vùng biển",
        "2024-06-12",
        [
            "Ngày 10/6/2024, đoàn thanh niên Viện kiểm sát nhân dân tỉnh Quảng Ngãi phối hợp "
            "với nhà trường tuyên truyền pháp luật cho học sinh vùng biển.",
            "Các em được nghe giới thiệu về phòng, chống ma túy và an toàn giao thông.",
        ],
    ),
}
WP_PRINT = "/in/tuyen-truyen/"  # a print view known only by its canonical link
WP_HOSTILE = ["/trang-rat-lon/", "/bom-nen/", "/khong-bao-gio-het/", "/vong-a/", "/404-mat-tich/"]


def wp_sitemap(lastmod: str = "2024-06-12") -> str:
    urls = "".join(
        f"<url><loc>@@WP@@{p}</loc><lastmod>{lastmod}</lastmod></url>"
        for p in [*WP, WP_PRINT, *WP_HOSTILE]
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
    )


EXPECTED = [
    Expected("sp", "/Pages/giao-ban-quy-1-2021.aspx", SP_TITLE := "VKSND tỉnh Hà Nam giao ban "
             "công tác quý I năm 2021", "2021-04-02", "nâng cao chất lượng tranh tụng"),
    Expected("sp", "/Pages/tap-huan-ky-nang-2021.aspx", "Tập huấn kỹ năng xét hỏi tại phiên tòa "
             "hình sự", "2021-06-18", "cách chuẩn bị câu hỏi"),
    Expected("sp", "/Pages/bai-moi.aspx", "Hội nghị sơ kết sáu tháng đầu năm 2021 của VKSND tỉnh "
             "Hà Nam", "2021-07-09", "giải pháp cho sáu tháng cuối năm"),
    Expected("sp", "/Pages/cho-doi.aspx", "Ký kết quy chế phối hợp giữa VKSND và Công an tỉnh Hà "
             "Nam", "2021-09-30", "trách nhiệm của từng bên"),
    Expected("gov", "/tin-tuc/id-7.html", "VKSND tỉnh Quảng Trị triển khai công tác năm 2023",
             "2023-01-09", "trả hồ sơ để điều tra bổ sung"),
    Expected("gov", "/tin-tuc/id-8.html", "Hội thi kiểm sát viên giỏi cấp tỉnh năm 2023",
             "2023-04-21", "phần xử lý tình huống"),
    Expected("gov", "/tin-tuc/id-9.html", "Tọa đàm về kiểm sát việc tạm giữ, tạm giam",
             "2023-08-15", "quyền của người bị tạm giữ"),
    Expected("gov", "/tin-tuc/id-10.html", "Giao ban công tác tháng 10 năm 2023", "2023-11-03",
             "kiến nghị khắc phục vi phạm"),
    Expected("wp", "/2024/05/hoi-nghi-tong-ket-thi-dua/", "Khối thi đua các tỉnh miền Trung "
             "tổng kết năm 2023", "2024-05-06", "ký giao ước thi đua"),
    Expected("wp", "/2024/06/tuyen-truyen-phap-luat/", "Tuyên truyền pháp luật cho học sinh "
             "vùng biển", "2024-06-12", "an toàn giao thông"),
]  # fmt: skip


def fill(text: str, bases: dict[str, str]) -> str:
    for name, base in bases.items():
        text = text.replace(f"@@{name.upper()}@@", base)
    return text


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese sites wrote it: base letters and combining tone marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            marks = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in tones))
            out.append(base.encode("cp1258") + tones.encode("cp1258"))
    return b"".join(out)


def registry(sites: dict) -> str:
    """The sources.toml of the fixture sites."""
    sp, gov, wp = sites["sp"].base, sites["gov"].base, sites["wp"].base
    return f"""
[[site]]
name = "VKSND tỉnh Hà Nam (thử)"
unit = "Viện kiểm sát nhân dân tỉnh Hà Nam"
start = ["{sp}/Pages/tin-tuc.aspx"]
articles = '/Pages/[^/_]+\\.aspx'
pages = '[?&]Page=\\d+$'

[[site]]
name = "Cổng VKSND tỉnh Quảng Trị (thử)"
unit = "Viện kiểm sát nhân dân tỉnh Quảng Trị"
feeds = ["{gov}/rss"]

[[site]]
name = "Báo Kiểm sát (thử)"
sitemaps = ["{wp}/sitemap.xml"]
"""


def hostile_registry(sites: dict) -> str:
    return f"""
[[site]]
name = "Danh sách vô tận"
start = ["{sites["endless"].base}/danh-sach?trang=1"]
max_list_pages = 4

[[site]]
name = "Cấm tất cả"
start = ["{sites["closed"].base}/tin-tuc"]
"""
