//! Each document read back as a citizen's PDF reader would: its text through the
//! fonts' Unicode maps, its QR code through a QR decoder.

use chrono::{DateTime, NaiveDate, Utc};
use lopdf::content::Content;

use super::*;

const LOOKUP_URL: &str = "https://phuong-1.quan10.gov.vn/tra-cuu-ho-so?ma=27184-260225-0001";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn document(details: DocumentDetails) -> DossierDocument {
    DossierDocument {
        ward_name: "Phường 1".to_owned(),
        district_name: Some("Quận 10".to_owned()),
        code: "27184-260225-0001".to_owned(),
        applicant_name: "Nguyễn Thị Hồng Nhung".to_owned(),
        applicant_phone: Some("0901234567".to_owned()),
        procedure_name: "Đăng ký khai sinh".to_owned(),
        received_at: "2026-02-25T02:15:00Z".parse::<DateTime<Utc>>().unwrap(),
        officer_name: Some("Trần Văn Đức".to_owned()),
        lookup_url: LOOKUP_URL.to_owned(),
        issued_on: date(2026, 2, 25),
        details,
    }
}

fn receipt() -> DossierDocument {
    document(DocumentDetails::Receipt {
        documents: vec![
            "Tờ khai đăng ký khai sinh".to_owned(),
            "Giấy chứng sinh".to_owned(),
        ],
        processing_time: ProcessingTime::WorkingDays(3),
        due_date: date(2026, 3, 2),
    })
}

fn supplement_request() -> DossierDocument {
    document(DocumentDetails::SupplementRequest {
        missing_items: vec![
            "Giấy chứng sinh bản chính".to_owned(),
            "Ảnh chụp rõ hai mặt căn cước của người yêu cầu".to_owned(),
        ],
        note: Some("Ảnh đã nộp bị mờ, không đọc được số định danh.".to_owned()),
    })
}

fn refusal() -> DossierDocument {
    document(DocumentDetails::Refusal {
        reason: "Việc khai sinh thuộc thẩm quyền của Ủy ban nhân dân nơi cư trú của người mẹ."
            .to_owned(),
    })
}

fn apology() -> DossierDocument {
    document(DocumentDetails::Apology {
        due_date: date(2026, 3, 2),
        new_due_date: date(2026, 3, 5),
        reason: "Cần xác minh thông tin với cơ quan đăng ký cư trú.".to_owned(),
    })
}

fn every_kind() -> [DossierDocument; 4] {
    [receipt(), supplement_request(), refusal(), apology()]
}

fn read(pdf: &[u8]) -> lopdf::Document {
    lopdf::Document::load_mem(pdf).unwrap()
}

/// The text of every page, as a reader's "copy text" gives it.
fn text_of(pdf: &[u8]) -> String {
    let document = read(pdf);
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    document.extract_text(&pages).unwrap()
}

#[test]
fn every_kind_renders_as_a_pdf_whose_text_carries_its_title_code_and_header() {
    for document in every_kind() {
        let pdf = render(&document).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{:?}", document.kind());
        let text = text_of(&pdf);
        for expected in [
            document.kind().title(),
            "27184-260225-0001",
            "ỦY BAN NHÂN DÂN QUẬN 10",
            "ỦY BAN NHÂN DÂN",
            "PHƯỜNG 1",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Phường 1, ngày 25 tháng 02 năm 2026",
            "Nguyễn Thị Hồng Nhung",
            "Đăng ký khai sinh",
            "Trần Văn Đức",
            LOOKUP_URL,
        ] {
            assert!(
                text.contains(expected),
                "{:?} lacks {expected:?} in:\n{text}",
                document.kind()
            );
        }
    }
}

#[test]
fn each_document_fits_on_one_a4_page() {
    for document in every_kind() {
        let pdf = read(&render(&document).unwrap());
        let pages = pdf.get_pages();
        assert_eq!(pages.len(), 1, "{:?}", document.kind());
        let page = pdf.get_dictionary(pages[&1]).unwrap();
        let media_box: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|value| value.as_float().unwrap())
            .collect();
        assert!((media_box[2] - 595.28).abs() < 0.5, "{media_box:?}");
        assert!((media_box[3] - 841.89).abs() < 0.5, "{media_box:?}");
        let text = text_of(&render(&document).unwrap());
        assert!(
            !text.contains(" - trang "),
            "a single page has no page mark"
        );
    }
}

#[test]
fn the_receipt_gives_the_appointment_date_and_the_documents_received() {
    let text = text_of(&render(&receipt()).unwrap());
    assert!(text.contains("ngày 02/03/2026"), "{text}");
    assert!(text.contains("3 ngày làm việc"), "{text}");
    // Received at 09:15 in Vietnam (02:15 UTC).
    assert!(text.contains("09 giờ 15 phút, ngày 25/02/2026"), "{text}");
    assert!(text.contains("Tờ khai đăng ký khai sinh"), "{text}");
    assert!(text.contains("Giấy chứng sinh"), "{text}");
    assert!(text.contains("NGƯỜI NỘP HỒ SƠ"), "{text}");
    assert!(text.contains("NGƯỜI TIẾP NHẬN HỒ SƠ"), "{text}");
}

#[test]
fn a_same_day_procedure_is_promised_within_the_working_day() {
    let mut document = receipt();
    document.details = DocumentDetails::Receipt {
        documents: Vec::new(),
        processing_time: ProcessingTime::SameDay,
        due_date: date(2026, 2, 25),
    };
    let text = text_of(&render(&document).unwrap());
    assert!(text.contains("trong ngày làm việc"), "{text}");
    assert!(text.contains("ngày 25/02/2026"), "{text}");
}

#[test]
fn the_supplement_request_lists_every_missing_item_numbered() {
    let text = text_of(&render(&supplement_request()).unwrap());
    assert!(text.contains("1. Giấy chứng sinh bản chính"), "{text}");
    assert!(
        text.contains("2. Ảnh chụp rõ hai mặt căn cước của người yêu cầu"),
        "{text}"
    );
    assert!(
        text.contains("Ảnh đã nộp bị mờ, không đọc được số định danh."),
        "{text}"
    );
    assert!(text.contains("NGƯỜI HƯỚNG DẪN"), "{text}");
}

#[test]
fn the_refusal_states_its_reason() {
    let text = text_of(&render(&refusal()).unwrap());
    // The reason is longer than a line: read it back with the line breaks as spaces.
    let flowing = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flowing.contains(
            "Việc khai sinh thuộc thẩm quyền của Ủy ban nhân dân nơi cư trú của người mẹ."
        ),
        "{text}"
    );
    assert!(
        flowing.contains("từ chối tiếp nhận, giải quyết hồ sơ"),
        "{text}"
    );
}

#[test]
fn each_line_of_a_refusal_reason_is_its_own_ground() {
    let mut document = refusal();
    document.details = DocumentDetails::Refusal {
        reason: "Không thuộc thẩm quyền của phường.\n\nNgười nộp không phải cha, mẹ của trẻ."
            .to_owned(),
    };
    let text = text_of(&render(&document).unwrap());
    assert!(
        text.contains("- Không thuộc thẩm quyền của phường.\n"),
        "{text}"
    );
    assert!(
        text.contains("- Người nộp không phải cha, mẹ của trẻ.\n"),
        "{text}"
    );
}

#[test]
fn the_apology_keeps_the_original_date_and_gives_the_new_one() {
    let text = text_of(&render(&apology()).unwrap());
    let flowing = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flowing.contains("Ngày hẹn trả kết quả giải quyết hồ sơ: 02/03/2026"),
        "{text}"
    );
    assert!(
        flowing.contains("trả kết quả giải quyết hồ sơ cho ông/bà vào ngày 05/03/2026"),
        "{text}"
    );
    assert!(
        flowing.contains("Cần xác minh thông tin với cơ quan đăng ký cư trú."),
        "{text}"
    );
}

#[test]
fn text_typed_with_combining_marks_prints_as_the_same_letters() {
    // "Nguyễn" typed as e + circumflex + tilde (decomposed), as some keyboards send it.
    let mut document = refusal();
    document.applicant_name = "Nguye\u{302}\u{303}n Thị Hồng Nhung".to_owned();
    let text = text_of(&render(&document).unwrap());
    assert!(text.contains("Nguyễn Thị Hồng Nhung"), "{text}");
}

#[test]
fn a_long_list_of_missing_items_flows_onto_a_second_page() {
    let items: Vec<String> = (1..=40)
        .map(|n| format!("Giấy tờ thứ {n} cần bổ sung"))
        .collect();
    let document = document(DocumentDetails::SupplementRequest {
        missing_items: items,
        note: None,
    });
    let pdf = render(&document).unwrap();
    assert_eq!(read(&pdf).get_pages().len(), 2);
    let text = text_of(&pdf);
    assert!(text.contains("1. Giấy tờ thứ 1 cần bổ sung"), "{text}");
    assert!(text.contains("40. Giấy tờ thứ 40 cần bổ sung"), "{text}");
    assert!(text.contains("27184-260225-0001 - trang 1/2"), "{text}");
    assert!(text.contains("27184-260225-0001 - trang 2/2"), "{text}");
    assert!(text.contains(LOOKUP_URL), "{text}");
}

#[test]
fn every_line_starts_inside_the_margins() {
    let mut document = refusal();
    document.procedure_name = "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế \
                               cho trẻ em dưới 6 tuổi (liên thông thủ tục hành chính)"
        .to_owned();
    document.lookup_url = format!("{LOOKUP_URL}&ngon-ngu=vi&nguon=giay-tiep-nhan-ho-so");
    let pdf = read(&render(&document).unwrap());
    let page = pdf.get_pages()[&1];
    let content = Content::decode(&pdf.get_page_content(page)).unwrap();
    // A line's first `Td` is absolute (a text object starts at the origin); a second
    // one, after a label, is relative to the line's start.
    let mut starts = Vec::new();
    let mut line_start = 0.0;
    for operation in &content.operations {
        match operation.operator.as_str() {
            "BT" => line_start = 0.0,
            "Td" => {
                line_start += operation.operands[0].as_float().unwrap();
                starts.push(line_start);
            }
            _ => {}
        }
    }
    assert!(!starts.is_empty());
    for x in starts {
        assert!(
            (layout::LEFT - 0.01..layout::RIGHT).contains(&x),
            "a line starts at {x}"
        );
    }
    let text = text_of(&render(&document).unwrap());
    let flowing = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flowing.contains("dưới 6 tuổi (liên thông thủ tục hành chính)."),
        "{text}"
    );
}

#[test]
fn the_qr_code_in_the_document_reads_back_as_the_lookup_address() {
    for document in every_kind() {
        let pdf = read(&render(&document).unwrap());
        let page = pdf.get_pages()[&1];
        let content = Content::decode(&pdf.get_page_content(page)).unwrap();
        // The code is the only thing drawn with filled rectangles.
        let rectangles: Vec<[f32; 4]> = content
            .operations
            .iter()
            .filter(|operation| operation.operator == "re")
            .map(|operation| {
                let mut values = operation.operands.iter().map(|v| v.as_float().unwrap());
                [(); 4].map(|_| values.next().unwrap())
            })
            .collect();
        assert!(!rectangles.is_empty(), "{:?}", document.kind());
        assert_eq!(decode_qr(&rectangles), LOOKUP_URL, "{:?}", document.kind());
    }
}

/// Paints the rectangles black on white, four pixels per point with a white margin,
/// and decodes the QR code found there.
fn decode_qr(rectangles: &[[f32; 4]]) -> String {
    let scale = 4.0;
    let margin = 20.0;
    let left = rectangles.iter().map(|r| r[0]).fold(f32::MAX, f32::min) - margin;
    let bottom = rectangles.iter().map(|r| r[1]).fold(f32::MAX, f32::min) - margin;
    let right = rectangles
        .iter()
        .map(|r| r[0] + r[2])
        .fold(f32::MIN, f32::max)
        + margin;
    let top = rectangles
        .iter()
        .map(|r| r[1] + r[3])
        .fold(f32::MIN, f32::max)
        + margin;
    let width = ((right - left) * scale).ceil() as usize;
    let height = ((top - bottom) * scale).ceil() as usize;
    let mut pixels = vec![255u8; width * height];
    for [x, y, w, h] in rectangles {
        let x0 = ((x - left) * scale).round() as usize;
        let x1 = ((x + w - left) * scale).round() as usize;
        // Image rows run down from the top; PDF y runs up from the bottom.
        let y0 = ((top - (y + h)) * scale).round() as usize;
        let y1 = ((top - y) * scale).round() as usize;
        for row in y0..y1.min(height) {
            for column in x0..x1.min(width) {
                pixels[row * width + column] = 0;
            }
        }
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the page");
    grids[0].decode().unwrap().1
}

#[test]
fn the_file_is_named_after_the_code_and_the_kind() {
    assert_eq!(receipt().file_name(), "27184-260225-0001-receipt.pdf");
    assert_eq!(
        supplement_request().file_name(),
        "27184-260225-0001-supplement-request.pdf"
    );
}
