//! Writes the four dossier documents with sample data to a folder (the first argument,
//! or `target/dossier-documents`) and prints each file's size and render time, so the
//! forms can be looked at: `pdftoppm -png -r 80 <folder>/<file>.pdf <prefix>`.
//!
//! `cargo run -p api --example dossier_documents -- /tmp/documents`

use std::time::Instant;

use anyhow::Context;
use api::appointment::ProcessingTime;
use api::documents::{DocumentDetails, DossierDocument, render};
use chrono::{NaiveDate, TimeZone, Utc};

fn main() -> anyhow::Result<()> {
    let folder = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/dossier-documents".to_owned());
    std::fs::create_dir_all(&folder).with_context(|| format!("creating {folder}"))?;
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).context("a sample date");
    let sample = |details| -> anyhow::Result<DossierDocument> {
        Ok(DossierDocument {
            ward_name: "Phường 1".to_owned(),
            district_name: Some("Quận 10".to_owned()),
            code: "27184-260225-0001".to_owned(),
            applicant_name: "Nguyễn Thị Hồng Nhung".to_owned(),
            applicant_phone: Some("0901 234 567".to_owned()),
            procedure_name: "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho \
                             trẻ em dưới 6 tuổi (liên thông thủ tục hành chính)"
                .to_owned(),
            received_at: Utc
                .with_ymd_and_hms(2026, 2, 25, 2, 15, 0)
                .single()
                .context("a sample time")?,
            officer_name: Some("Trần Văn Đức".to_owned()),
            lookup_url: "https://phuong-1.quan10.gov.vn/tra-cuu-ho-so?ma=27184-260225-0001"
                .to_owned(),
            issued_on: date(2026, 2, 25)?,
            details,
        })
    };
    let documents = [
        sample(DocumentDetails::Receipt {
            documents: vec![
                "Tờ khai đăng ký khai sinh".to_owned(),
                "Giấy chứng sinh (hoặc văn bản người làm chứng / giấy cam đoan)".to_owned(),
                "Giấy tờ tùy thân của người yêu cầu".to_owned(),
            ],
            processing_time: ProcessingTime::WorkingDays(3),
            due_date: date(2026, 3, 2)?,
        })?,
        sample(DocumentDetails::SupplementRequest {
            missing_items: vec![
                "Giấy chứng sinh bản chính do cơ sở y tế cấp".to_owned(),
                "Ảnh chụp rõ hai mặt căn cước của người yêu cầu".to_owned(),
                "Văn bản ủy quyền có chứng thực, nếu người nộp không phải cha, mẹ của trẻ"
                    .to_owned(),
            ],
            note: Some("Ảnh đã nộp bị mờ, không đọc được số định danh cá nhân.".to_owned()),
        })?,
        sample(DocumentDetails::Refusal {
            reason: "Việc khai sinh thuộc thẩm quyền của Ủy ban nhân dân nơi cư trú của người \
                     mẹ; đề nghị ông/bà nộp hồ sơ tại Ủy ban nhân dân Phường 14."
                .to_owned(),
        })?,
        sample(DocumentDetails::Apology {
            due_date: date(2026, 3, 2)?,
            new_due_date: date(2026, 3, 5)?,
            reason: "Cần xác minh thông tin cư trú với cơ quan đăng ký cư trú.".to_owned(),
        })?,
    ];
    // Enough missing items to run onto a second page.
    let long = sample(DocumentDetails::SupplementRequest {
        missing_items: (1..=30)
            .map(|n| format!("Giấy tờ thứ {n}: bản sao có chứng thực hoặc bản chụp rõ nét"))
            .collect(),
        note: None,
    })?;
    let pdf = render(&long)?;
    let path = format!("{folder}/long-supplement-request.pdf");
    std::fs::write(&path, &pdf).with_context(|| format!("writing {path}"))?;
    println!("{path}: {} bytes", pdf.len());
    for document in &documents {
        let started = Instant::now();
        let pdf = render(document)?;
        let elapsed = started.elapsed();
        let path = format!("{folder}/{}", document.file_name());
        std::fs::write(&path, &pdf).with_context(|| format!("writing {path}"))?;
        println!(
            "{path}: {} bytes, rendered in {:.1} ms",
            pdf.len(),
            elapsed.as_secs_f64() * 1000.0
        );
    }
    Ok(())
}
