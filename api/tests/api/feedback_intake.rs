//! What comes with feedback from the web: photos uploaded first (checked by content,
//! stripped of their location), `Idempotency-Key` retries, and the limits per client.

use openapi::ErrorCode;
use openapi::feedback::{FeedbackReceipt, FeedbackStatus};
use openapi::uploads::{MAX_UPLOAD_BYTES, Upload};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, RETRY_AFTER};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use serde_json::{Value, json};

use crate::feedback_arrange::prepared;
use crate::helpers::{TestApp, problem};

fn sidewalk() -> Value {
    json!({
        "category": "trat-tu-do-thi",
        "title": "Quán ăn lấn chiếm vỉa hè",
        "content": "Quán ăn trước nhà số 12 hẻm 285 bày bàn ghế kín vỉa hè mỗi tối, người đi bộ phải xuống lòng đường.",
        "contact_name": "Nguyễn Văn An",
        "contact_phone": "0903 123 456",
        "consent": true
    })
}

fn with_photos(ids: &[String]) -> Value {
    let mut body = sidewalk();
    body["photos"] = json!(ids);
    body
}

async fn send(app: &TestApp, body: &Value) -> reqwest::Response {
    app.post("/api/v1/units/phuong-1/feedback")
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn send_with_key(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.post("/api/v1/units/phuong-1/feedback")
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn lookup(app: &TestApp, code: &str) -> reqwest::Response {
    app.get(&format!("/api/v1/feedback/{code}?contact=0903123456"))
        .send()
        .await
        .unwrap()
}

async fn upload(app: &TestApp, filename: &str, bytes: Vec<u8>) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(filename.to_owned());
    let form = reqwest::multipart::Form::new().part("file", part);
    app.post("/api/v1/uploads")
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn uploaded_photo(app: &TestApp) -> String {
    let response = upload(app, "via-he.jpg", jpeg_with_gps()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Upload>().await.unwrap().id
}

async fn feedback_count(app: &TestApp) -> u64 {
    entity::feedback::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

/// The EXIF block of a phone photo taken at 10°46'30.12"N: IFD0 points at a GPS IFD
/// holding the latitude.
fn exif_with_gps() -> Vec<u8> {
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
    exif.extend([0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]);
    exif.extend([0, 2]);
    exif.extend([0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]);
    exif.extend([0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 56]);
    exif.extend([0, 0, 0, 0]);
    for (numerator, denominator) in [(10u32, 1u32), (46, 1), (3012, 100)] {
        exif.extend(numerator.to_be_bytes());
        exif.extend(denominator.to_be_bytes());
    }
    exif
}

/// A JPEG as a phone writes it: JFIF, EXIF with the position, then the picture.
fn jpeg_with_gps() -> Vec<u8> {
    let exif = exif_with_gps();
    let mut jpeg = vec![0xFF, 0xD8];
    jpeg.extend([0xFF, 0xE0, 0, 16]);
    jpeg.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    jpeg.extend([0xFF, 0xE1]);
    jpeg.extend(((exif.len() + 2) as u16).to_be_bytes());
    jpeg.extend(&exif);
    jpeg.extend([0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
    jpeg.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
    jpeg.extend([0x12, 0x34, 0x56, 0x78]);
    jpeg.extend([0xFF, 0xD9]);
    jpeg
}

/// A 1×1 PNG with a text chunk saying where it was taken.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\x1atEXtComment\0GPS 10.775,106.665\x9b\x69\xfb\xf2\0\0\0\x0bIDAT\x78\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f\0\0\0\0IEND\xaeB`\x82";
const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

on_both_databases! {
    async fn a_citizen_sends_a_photo_that_the_lookup_shows_without_its_location(app) {
        prepared(&app).await;
        let response = upload(&app, "via-he.jpg", jpeg_with_gps()).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let uploaded: Upload = response.json().await.unwrap();
        assert_eq!(uploaded.id.len(), 36, "a UUID: {}", uploaded.id);
        assert_eq!((uploaded.filename.as_str(), uploaded.content_type.as_str()), ("via-he.jpg", "image/jpeg"));
        assert!(uploaded.size < jpeg_with_gps().len() as u64);

        let sent = send(&app, &with_photos(std::slice::from_ref(&uploaded.id))).await;
        assert_eq!(sent.status(), StatusCode::CREATED);
        let receipt: FeedbackReceipt = sent.json().await.unwrap();
        let status: FeedbackStatus = lookup(&app, &receipt.code).await.json().await.unwrap();
        assert_eq!(status.photos.len(), 1);
        assert_eq!(status.photos[0].content_type, "image/jpeg");

        let download = app.get(&status.photos[0].url).send().await.unwrap();
        assert_eq!(download.status(), StatusCode::OK);
        let disposition = download.headers()[CONTENT_DISPOSITION].to_str().unwrap().to_owned();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        let photo = download.bytes().await.unwrap();
        assert!(photo.starts_with(&[0xFF, 0xD8]) && photo.ends_with(&[0xFF, 0xD9]));
        assert!(contains(&photo, b"JFIF"), "the picture itself stays");
        assert!(!contains(&photo, b"Exif"), "the EXIF block is gone");
        assert!(!contains(&photo, &3012u32.to_be_bytes()), "the latitude is gone");
    }

    async fn an_upload_no_form_took_cannot_be_downloaded_and_one_is_taken_only_once(app) {
        prepared(&app).await;
        let id = uploaded_photo(&app).await;
        assert_eq!(send(&app, &with_photos(std::slice::from_ref(&id))).await.status(), StatusCode::CREATED);
        let again = problem(send(&app, &with_photos(&[id])).await).await;
        assert_eq!((again.errors[0].field.as_str(), again.errors[0].code.as_str()), ("photos[0]", "upload_used"));

        let unknown = problem(send(&app, &with_photos(&["0d9e8c1a-3f4b-4c2d-9a51-6e2f0b7c1d2e".to_owned()])).await).await;
        assert_eq!((unknown.errors[0].field.as_str(), unknown.errors[0].code.as_str()), ("photos[0]", "unknown_upload"));
        assert_eq!(feedback_count(&app).await, 1, "refused feedback leaves nothing behind");

        let unused = upload(&app, "anh.png", PNG.to_vec()).await.json::<Upload>().await.unwrap();
        let stored = entity::upload::Entity::find_by_id(unused.id).one(&app.db).await.unwrap().unwrap();
        let download = app.get(&format!("/api/v1/files/{}", stored.storage_key)).send().await.unwrap();
        assert_eq!(download.status(), StatusCode::NOT_FOUND);
    }

    async fn a_photo_no_form_took_within_a_day_is_removed(app) {
        let old = uploaded_photo(&app).await;
        let stored = entity::upload::Entity::find_by_id(old.clone()).one(&app.db).await.unwrap().unwrap();
        let mut aged: entity::upload::ActiveModel = stored.into();
        aged.created_at = Set(chrono::Utc::now() - chrono::Duration::hours(25));
        aged.update(&app.db).await.unwrap();
        let recent = uploaded_photo(&app).await;

        assert!(entity::upload::Entity::find_by_id(old).one(&app.db).await.unwrap().is_none());
        assert!(entity::upload::Entity::find_by_id(recent).one(&app.db).await.unwrap().is_some());
    }

    async fn a_sixth_photo_is_refused(app) {
        prepared(&app).await;
        let mut ids = Vec::new();
        for _ in 0..6 {
            ids.push(uploaded_photo(&app).await);
        }
        let refused = send(&app, &with_photos(&ids)).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(refused).await.errors[0].field, "photos");
        assert_eq!(send(&app, &with_photos(&ids[..5])).await.status(), StatusCode::CREATED);
    }

    async fn an_oversized_or_disguised_upload_is_refused(app) {
        let mut huge = jpeg_with_gps();
        huge.resize(MAX_UPLOAD_BYTES as usize + 1, 0);
        let response = upload(&app, "lon.jpg", huge).await;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(problem(response).await.code, ErrorCode::PayloadTooLarge);

        for (name, bytes) in [("ghi-chu.jpg", b"Xin chao phuong".to_vec()), ("ghi-chu.txt", b"Xin chao phuong".to_vec())] {
            let response = upload(&app, name, bytes).await;
            assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "{name}");
            assert_eq!(problem(response).await.code, ErrorCode::UnsupportedMediaType);
        }

        for (name, bytes) in [("anh.jpg", PNG.to_vec()), ("anh.jpg", PDF.to_vec())] {
            let named_otherwise = upload(&app, name, bytes).await;
            assert_eq!(named_otherwise.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(problem(named_otherwise).await.errors[0].code, "type_mismatch");
        }
        assert_eq!(entity::upload::Entity::find().count(&app.db).await.unwrap(), 0);
    }

    async fn a_pdf_is_uploaded_but_feedback_refuses_it_as_a_photo(app) {
        prepared(&app).await;
        let response = upload(&app, "don.pdf", PDF.to_vec()).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let uploaded: Upload = response.json().await.unwrap();
        assert_eq!(uploaded.content_type, "application/pdf");

        let refused = problem(send(&app, &with_photos(&[uploaded.id])).await).await;
        assert_eq!((refused.errors[0].field.as_str(), refused.errors[0].code.as_str()), ("photos[0]", "not_an_image"));
        assert_eq!(feedback_count(&app).await, 0);
    }

    async fn a_retried_submission_gives_one_feedback_and_the_same_code(app) {
        prepared(&app).await;
        let key = "2f1c7a52-4d0e-4b8a-9c3e-5a6b7c8d9e0f";
        let first = send_with_key(&app, key, &sidewalk()).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: FeedbackReceipt = first.json().await.unwrap();

        let retry = send_with_key(&app, key, &sidewalk()).await;
        assert_eq!(retry.status(), StatusCode::CREATED);
        assert_eq!(retry.headers()["Idempotent-Replayed"], "true");
        let retry: FeedbackReceipt = retry.json().await.unwrap();
        assert_eq!(retry, first);
        assert_eq!(feedback_count(&app).await, 1);
        assert_eq!(app.audit_events("feedback_received").await, 1);

        // Two retries at once, as a phone on a flaky network sends them.
        let other_key = "7b0e9d1c-2a3f-4e5d-8c6b-1a2b3c4d5e6f";
        let body = sidewalk();
        let (a, b) = tokio::join!(send_with_key(&app, other_key, &body), send_with_key(&app, other_key, &body));
        assert_eq!((a.status(), b.status()), (StatusCode::CREATED, StatusCode::CREATED));
        let (a, b): (FeedbackReceipt, FeedbackReceipt) = (a.json().await.unwrap(), b.json().await.unwrap());
        assert_eq!(a.code, b.code);
        assert_eq!(feedback_count(&app).await, 2);
    }

    async fn feedback_sent_at_the_same_moment_is_all_received(app) {
        prepared(&app).await;
        let body = sidewalk();
        let (a, b, c, d) = tokio::join!(send(&app, &body), send(&app, &body), send(&app, &body), send(&app, &body));
        for response in [a, b, c, d] {
            assert_eq!(response.status(), StatusCode::CREATED);
        }
        assert_eq!(feedback_count(&app).await, 4);
    }

    async fn the_same_key_with_another_request_is_refused(app) {
        prepared(&app).await;
        let key = "c0ffee00-1111-4222-8333-444455556666";
        assert_eq!(send_with_key(&app, key, &sidewalk()).await.status(), StatusCode::CREATED);
        let mut other = sidewalk();
        other["title"] = json!("Đèn đường hỏng");
        let refused = send_with_key(&app, key, &other).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(refused).await.code, ErrorCode::IdempotencyKeyReused);
        assert_eq!(feedback_count(&app).await, 1);

        let blank = send_with_key(&app, " ", &sidewalk()).await;
        assert_eq!(problem(blank).await.errors[0].field, "Idempotency-Key");
    }
}

on_both_databases! {
    async fn a_client_sending_too_much_feedback_is_told_when_to_retry(app) configured |config: &mut api::config::Config| {
        config.feedback_rate_limits = vec!["2/10m".parse().unwrap(), "20/1d".parse().unwrap()];
    }; {
        prepared(&app).await;
        assert_eq!(send_with_key(&app, "first", &sidewalk()).await.status(), StatusCode::CREATED);
        // Refused feedback does not use up the allowance.
        let mut careless = sidewalk();
        careless["consent"] = json!(false);
        assert_eq!(send(&app, &careless).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(send(&app, &sidewalk()).await.status(), StatusCode::CREATED);

        let third = send(&app, &sidewalk()).await;
        assert_eq!(third.status(), StatusCode::TOO_MANY_REQUESTS);
        let retry_after: u64 = third.headers()[RETRY_AFTER].to_str().unwrap().parse().unwrap();
        assert!((1..=600).contains(&retry_after), "{retry_after}");
        let refused = problem(third).await;
        assert_eq!(refused.code, ErrorCode::TooManyRequests);
        assert_eq!(refused.title, "Quá nhiều yêu cầu, vui lòng thử lại sau");
        assert_eq!(feedback_count(&app).await, 2);

        // A retry of feedback already received still gets its answer.
        assert_eq!(send_with_key(&app, "first", &sidewalk()).await.status(), StatusCode::CREATED);
    }

    async fn guessing_codes_is_stopped_by_the_lookup_limit(app) configured |config: &mut api::config::Config| {
        config.lookup_rate_limits = vec!["3/10m".parse().unwrap()];
    }; {
        prepared(&app).await;
        for guess in ["PA-00000-00001", "PA-00000-00002", "PA-00000-00003"] {
            assert_eq!(lookup(&app, guess).await.status(), StatusCode::NOT_FOUND);
        }
        let stopped = lookup(&app, "PA-00000-00004").await;
        assert_eq!(stopped.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(stopped.headers().contains_key(RETRY_AFTER));
    }

    async fn uploads_are_limited_per_client(app) configured |config: &mut api::config::Config| {
        config.upload_rate_limits = vec!["1/10m".parse().unwrap()];
    }; {
        assert_eq!(upload(&app, "anh.png", PNG.to_vec()).await.status(), StatusCode::CREATED);
        assert_eq!(upload(&app, "anh.png", PNG.to_vec()).await.status(), StatusCode::TOO_MANY_REQUESTS);
        // Not behind a proxy, a forwarded address is the client's own word: ignored.
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("anh.png"));
        let disguised = app.post("/api/v1/uploads").header("X-Forwarded-For", "203.0.113.9")
            .multipart(form).send().await.unwrap();
        assert_eq!(disguised.status(), StatusCode::TOO_MANY_REQUESTS);
    }
}
