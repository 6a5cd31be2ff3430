//! The wording and order of each form (Circular 01/2018/TT-VPCP, mẫu 01–04), adapted
//! to a dossier filed online: the code and the lookup address replace the paper
//! register number.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::fonts::Style::{Bold, Italic, Regular};
use super::layout::{Align, Column, Composer, LEFT, NO_BREAK_SPACE, RIGHT, Run, mm};
use super::qr::QrMatrix;
use super::{DocumentDetails, DossierDocument};
use crate::appointment::ProcessingTime;
use crate::local_time;

/// Font sizes in points (Decree 30/2020/NĐ-CP: body 13–14, header 12–13).
const HEADER: f32 = 12.0;
const MOTTO: f32 = 13.0;
const TITLE: f32 = 14.0;
const BODY: f32 = 13.0;
const SMALL: f32 = 10.0;
const ADDRESS: f32 = 9.0;

/// Space between paragraphs, in points.
const PARAGRAPH_GAP: f32 = 3.0;
/// Room left for a handwritten signature, in points.
const SIGNATURE_SPACE: f32 = 60.0;
/// The printed side of the QR code: a phone reads it from a hand's length.
const QR_SIDE_MM: f32 = 28.0;

pub(super) fn compose(page: &mut Composer<'_>, document: &DossierDocument, qr: &QrMatrix) {
    header(page, document);
    title(page, document);
    // "Phường 1" is never cut between its two words.
    let ward = document.ward_name.replace(' ', &NO_BREAK_SPACE.to_string());
    let ward_office = format!("Bộ phận Tiếp nhận và Trả kết quả Ủy ban nhân dân {ward}");
    let council = format!("Ủy ban nhân dân {ward}");
    match &document.details {
        DocumentDetails::Receipt {
            documents,
            processing_time,
            due_date,
        } => {
            line(page, &[(&ward_office, Regular)]);
            applicant_and_request(page, document, "Tiếp nhận hồ sơ của: ");
            numbered(page, "1.", &[("Thành phần hồ sơ nộp gồm:", Regular)]);
            if documents.is_empty() {
                dashed(page, &[("Theo biểu mẫu điện tử đã nộp.", Regular)]);
            }
            for item in documents {
                dashed(page, &[(item, Regular)]);
            }
            numbered(
                page,
                "2.",
                &[("Số lượng hồ sơ: 01 bộ (nộp trực tuyến).", Regular)],
            );
            numbered(
                page,
                "3.",
                &[
                    ("Thời gian giải quyết hồ sơ theo quy định là: ", Regular),
                    (&processing(*processing_time), Regular),
                    (".", Regular),
                ],
            );
            numbered(
                page,
                "4.",
                &[
                    ("Thời gian nhận hồ sơ: ", Regular),
                    (&clock(document.received_at), Regular),
                    (".", Regular),
                ],
            );
            numbered(
                page,
                "5.",
                &[
                    ("Thời gian trả kết quả giải quyết hồ sơ: ", Regular),
                    (&format!("ngày {}", dmy(*due_date)), Bold),
                    (".", Regular),
                ],
            );
            numbered(
                page,
                "6.",
                &[(
                    "Theo dõi tình trạng hồ sơ bằng mã hồ sơ tại địa chỉ in dưới mã QR.",
                    Regular,
                )],
            );
            page.skip(PARAGRAPH_GAP);
            let applicant = Signer {
                title: "NGƯỜI NỘP HỒ SƠ",
                hint: "(Ký và ghi rõ họ tên)",
                name: Some(&document.applicant_name),
            };
            let officer = Signer {
                title: "NGƯỜI TIẾP NHẬN HỒ SƠ",
                hint: "(Ký và ghi rõ họ tên)",
                name: document.officer_name.as_deref(),
            };
            signatures_then_qr(page, &applicant, &officer, &document.lookup_url, qr);
        }
        DocumentDetails::SupplementRequest {
            missing_items,
            note,
        } => {
            applicant_and_request(page, document, "Hồ sơ của: ");
            line(
                page,
                &[
                    ("Thời gian nộp hồ sơ: ", Regular),
                    (&clock(document.received_at), Regular),
                    (".", Regular),
                ],
            );
            line(
                page,
                &[("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", Regular)],
            );
            for (index, item) in missing_items.iter().enumerate() {
                numbered(page, &format!("{}.", index + 1), &[(item, Regular)]);
            }
            if let Some(note) = note {
                line(page, &[("Lý do: ", Regular), (note, Regular)]);
            }
            line(
                page,
                &[
                    ("Ông/bà bổ sung hồ sơ trực tuyến theo mã hồ sơ ", Regular),
                    (&document.code, Bold),
                    (
                        " tại địa chỉ in dưới mã QR. Trong quá trình hoàn thiện hồ sơ, nếu có \
                         vướng mắc, ông/bà liên hệ ",
                        Regular,
                    ),
                    (&ward_office, Regular),
                    (" để được hướng dẫn.", Regular),
                ],
            );
            line(page, &[("Xin trân trọng cảm ơn./.", Regular)]);
            let guide = Signer {
                title: "NGƯỜI HƯỚNG DẪN",
                hint: "(Ký và ghi rõ họ tên)",
                name: document.officer_name.as_deref(),
            };
            qr_beside_signature(page, &guide, &document.lookup_url, qr);
        }
        DocumentDetails::Refusal { reason } => {
            line(page, &[(&ward_office, Regular)]);
            applicant_and_request(page, document, "Tiếp nhận hồ sơ của: ");
            line(
                page,
                &[
                    ("Thời gian nộp hồ sơ: ", Regular),
                    (&clock(document.received_at), Regular),
                    (".", Regular),
                ],
            );
            line(
                page,
                &[(
                    "Qua nghiên cứu, đối chiếu với các quy định hiện hành, Bộ phận Tiếp nhận \
                     và Trả kết quả từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể \
                     như sau:",
                    Regular,
                )],
            );
            // An officer may list several grounds, one per line.
            for ground in reason.lines().filter(|ground| !ground.trim().is_empty()) {
                dashed(page, &[(ground, Regular)]);
            }
            page.skip(PARAGRAPH_GAP);
            line(
                page,
                &[("Xin thông báo để ông/bà được biết và thực hiện./.", Regular)],
            );
            let officer = Signer {
                title: "NGƯỜI TIẾP NHẬN HỒ SƠ",
                hint: "(Ký và ghi rõ họ tên)",
                name: document.officer_name.as_deref(),
            };
            qr_beside_signature(page, &officer, &document.lookup_url, qr);
        }
        DocumentDetails::Apology {
            due_date,
            new_due_date,
            reason,
        } => {
            line(
                page,
                &[
                    (
                        &format!(
                            "Ngày {}, {council} tiếp nhận giải quyết hồ sơ của ông/bà ",
                            dmy(local_time::date_of(document.received_at))
                        ),
                        Regular,
                    ),
                    (&document.applicant_name, Bold),
                    (".", Regular),
                ],
            );
            line(
                page,
                &[
                    ("Nội dung yêu cầu giải quyết: ", Regular),
                    (&document.procedure_name, Bold),
                    (".", Regular),
                ],
            );
            line(
                page,
                &[
                    ("Ngày hẹn trả kết quả giải quyết hồ sơ: ", Regular),
                    (&dmy(*due_date), Bold),
                    (".", Regular),
                ],
            );
            line(
                page,
                &[(
                    &format!(
                        "Tuy nhiên đến nay, {council} chưa trả kết quả giải quyết hồ sơ cho \
                         ông/bà đúng hẹn được."
                    ),
                    Regular,
                )],
            );
            line(page, &[("Lý do: ", Regular), (reason, Regular)]);
            line(
                page,
                &[
                    (
                        &format!(
                            "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của \
                             ông/bà. {council} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ \
                             sơ cho ông/bà vào ngày "
                        ),
                        Regular,
                    ),
                    (&dmy(*new_due_date), Bold),
                    (".", Regular),
                ],
            );
            line(
                page,
                &[(
                    "Rất mong nhận được sự thông cảm của ông/bà vì sự chậm trễ này./.",
                    Regular,
                )],
            );
            let head = Signer {
                title: "THỦ TRƯỞNG CƠ QUAN",
                hint: "(Ký, ghi rõ họ tên và đóng dấu)",
                name: document.officer_name.as_deref(),
            };
            qr_beside_signature(page, &head, &document.lookup_url, qr);
        }
    }
}

/// The ward on the left (the district above it), the national motto on the right
/// with the place and date under it (Decree 30/2020/NĐ-CP).
fn header(page: &mut Composer<'_>, document: &DossierDocument) {
    let agency = Column {
        x: LEFT,
        width: mm(70.0),
    };
    let motto = Column {
        x: LEFT + mm(70.0),
        width: RIGHT - LEFT - mm(70.0),
    };
    let top = page.y();
    if let Some(district) = &document.district_name {
        let above = format!("ỦY BAN NHÂN DÂN {}", district.to_uppercase());
        page.paragraph(agency, &[(&above, Regular)], HEADER, Align::Center);
    }
    page.paragraph(agency, &[("ỦY BAN NHÂN DÂN", Bold)], HEADER, Align::Center);
    let ward = document.ward_name.to_uppercase();
    page.paragraph(agency, &[(&ward, Bold)], HEADER, Align::Center);
    page.rule_under(agency, mm(22.0));
    let agency_bottom = page.y();

    page.set_y(top);
    page.paragraph(
        motto,
        &[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold)],
        HEADER,
        Align::Center,
    );
    let independence = "Độc lập - Tự do - Hạnh phúc";
    page.paragraph(motto, &[(independence, Bold)], MOTTO, Align::Center);
    let length = page.width(independence, Bold, MOTTO);
    page.rule_under(motto, length);
    page.skip(mm(3.0));
    let dated = place_and_date(&document.ward_name, document.issued_on);
    page.paragraph(motto, &[(&dated, Italic)], MOTTO, Align::Center);
    page.set_y(agency_bottom.min(page.y()));
}

fn title(page: &mut Composer<'_>, document: &DossierDocument) {
    page.skip(mm(8.0));
    let full = Column::full();
    page.paragraph(
        full,
        &[(document.kind().title(), Bold)],
        TITLE,
        Align::Center,
    );
    page.paragraph(
        full,
        &[("Mã hồ sơ: ", Regular), (&document.code, Bold)],
        BODY,
        Align::Center,
    );
    page.skip(mm(5.0));
}

fn applicant_and_request(page: &mut Composer<'_>, document: &DossierDocument, lead: &str) {
    line(page, &[(lead, Regular), (&document.applicant_name, Bold)]);
    if let Some(phone) = &document.applicant_phone {
        line(page, &[("Số điện thoại: ", Regular), (phone, Regular)]);
    }
    line(
        page,
        &[
            ("Nội dung yêu cầu giải quyết: ", Regular),
            (&document.procedure_name, Bold),
            (".", Regular),
        ],
    );
}

fn line(page: &mut Composer<'_>, runs: &[Run<'_>]) {
    page.paragraph(Column::full(), runs, BODY, Align::Left);
    page.skip(PARAGRAPH_GAP);
}

fn numbered(page: &mut Composer<'_>, label: &str, runs: &[Run<'_>]) {
    page.item(Column::full(), label, runs, BODY);
    page.skip(PARAGRAPH_GAP);
}

/// A dash item one step in from the text.
fn dashed(page: &mut Composer<'_>, runs: &[Run<'_>]) {
    let inner = Column::full().inset(mm(8.0));
    page.item(inner, "-", runs, BODY);
}

struct Signer<'a> {
    title: &'a str,
    hint: &'a str,
    name: Option<&'a str>,
}

fn signer_height() -> f32 {
    3.0 * Composer::line_height(BODY) + SIGNATURE_SPACE
}

fn sign(page: &mut Composer<'_>, column: Column, signer: &Signer<'_>) {
    page.paragraph(column, &[(signer.title, Bold)], BODY, Align::Center);
    page.paragraph(column, &[(signer.hint, Italic)], BODY, Align::Center);
    page.skip(SIGNATURE_SPACE);
    if let Some(name) = signer.name {
        page.paragraph(column, &[(name, Bold)], BODY, Align::Center);
    }
}

fn qr_height() -> f32 {
    // The caption, the code with its quiet zone, two or three lines of address.
    Composer::line_height(SMALL) + mm(QR_SIDE_MM) * 1.3 + 3.0 * Composer::line_height(ADDRESS)
}

/// The QR code at the left edge of the text, its caption above and the address under
/// it (on one line as long as it fits the full width, so it can be typed), with white
/// around the code as wide as four modules (the quiet zone readers need).
fn qr_block(page: &mut Composer<'_>, url: &str, qr: &QrMatrix) {
    let side = mm(QR_SIDE_MM);
    let beside = Column {
        x: LEFT,
        width: side * 1.6,
    };
    page.paragraph(
        beside,
        &[("Quét mã để tra cứu hồ sơ", Italic)],
        SMALL,
        Align::Left,
    );
    let module = side / qr.width.max(1) as f32;
    let quiet = 4.0 * module;
    let top = page.y() - quiet;
    for run in &qr.runs {
        page.fill_rect(
            LEFT + run.column as f32 * module,
            top - run.row as f32 * module,
            run.length as f32 * module,
            module,
        );
    }
    page.set_y(top - side - quiet);
    page.paragraph(Column::full(), &[(url, Regular)], ADDRESS, Align::Left);
}

/// The receipt: the applicant signs on the left, the officer on the right, and the
/// QR code comes under the applicant.
fn signatures_then_qr(
    page: &mut Composer<'_>,
    left: &Signer<'_>,
    right: &Signer<'_>,
    url: &str,
    qr: &QrMatrix,
) {
    page.keep_together(signer_height());
    let top = page.y();
    sign(page, Column::half(false), left);
    let left_bottom = page.y();
    page.set_y(top);
    sign(page, Column::half(true), right);
    page.set_y(left_bottom.min(page.y()));
    page.skip(mm(4.0));
    page.keep_together(qr_height());
    qr_block(page, url, qr);
}

/// One signer on the right, the QR code on the left beside the signature.
fn qr_beside_signature(page: &mut Composer<'_>, signer: &Signer<'_>, url: &str, qr: &QrMatrix) {
    page.skip(mm(3.0));
    page.keep_together(signer_height().max(qr_height()));
    let top = page.y();
    sign(page, Column::half(true), signer);
    let signature_bottom = page.y();
    page.set_y(top);
    qr_block(page, url, qr);
    page.set_y(signature_bottom.min(page.y()));
}

/// `25/02/2026`.
fn dmy(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `Phường 1, ngày 05 tháng 02 năm 2026`: a day below 10 and the months 1 and 2 take
/// a leading zero (Decree 30/2020/NĐ-CP), so the date cannot be altered by hand.
fn place_and_date(place: &str, date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        date.day(),
        date.year()
    )
}

/// `15 giờ 30 phút, ngày 25/02/2026`, in Vietnam time.
fn clock(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&local_time::vietnam());
    format!(
        "{} giờ {} phút, ngày {}",
        local.format("%H"),
        local.format("%M"),
        dmy(local.date_naive())
    )
}

fn processing(time: ProcessingTime) -> String {
    match time {
        ProcessingTime::SameDay => "trong ngày làm việc".to_owned(),
        ProcessingTime::WorkingDays(days) => format!("{days} ngày làm việc"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_below_ten_and_the_first_two_months_take_a_leading_zero() {
        assert_eq!(
            place_and_date("Phường 1", date(2026, 2, 5)),
            "Phường 1, ngày 05 tháng 02 năm 2026"
        );
        assert_eq!(
            place_and_date("Phường 1", date(2026, 11, 29)),
            "Phường 1, ngày 29 tháng 11 năm 2026"
        );
        assert_eq!(
            place_and_date("Phường 14", date(2026, 3, 12)),
            "Phường 14, ngày 12 tháng 3 năm 2026"
        );
    }

    #[test]
    fn the_time_received_is_told_in_vietnam_time() {
        let at = "2026-02-25T08:30:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(clock(at), "15 giờ 30 phút, ngày 25/02/2026");
        let late = "2026-02-25T17:05:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(clock(late), "00 giờ 05 phút, ngày 26/02/2026");
    }

    #[test]
    fn a_same_day_procedure_is_said_in_words() {
        assert_eq!(processing(ProcessingTime::SameDay), "trong ngày làm việc");
        assert_eq!(
            processing(ProcessingTime::WorkingDays(3)),
            "3 ngày làm việc"
        );
    }
}
