//! A citizen files a dossier online: the code from the ward's daily sequence, the
//! form checked field by field, files taken once, retries answered once, and
//! concurrent filings on two server processes numbered without gaps or repeats.
//! Then every read: the owner and the ward's staff (nobody else learns it exists),
//! the public lookup by code and phone, "my dossiers", the files, and drafts.

use std::collections::BTreeSet;

use entity::{dossier, procedure, procedure_version};
use openapi::auth::Role;
use openapi::dossiers::{
    Dossier, DossierDraft, DossierDraftList, DossierList, DossierLookup, DossierStatus, DossierStep,
};
use openapi::procedures::ProcedureDefinition;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, RETRY_AFTER};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use crate::dossier_arrange::*;
use crate::helpers::{Session, TestApp, problem};

async fn dossier_count(app: &TestApp) -> u64 {
    dossier::Entity::find().count(&app.db).await.unwrap()
}

/// The field and code of the first error of a 422 answer.
async fn refusal(response: reqwest::Response) -> (String, String) {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(response).await;
    let first = &problem.errors[0];
    (first.field.clone(), first.code.clone())
}

/// As a ward admin would set it in the catalog: the ward's birth registration takes
/// the birth certificate as a JPEG photo only.
async fn birth_certificate_as_jpeg_only(app: &TestApp) {
    let unit = api::services::units::by_slug(&app.db, WARD).await.unwrap();
    let birth = procedure::Entity::find()
        .filter(procedure::Column::UnitId.eq(unit.id))
        .filter(procedure::Column::Code.eq("HT-KS"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let version = procedure_version::Entity::find()
        .filter(procedure_version::Column::ProcedureId.eq(birth.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut definition: ProcedureDefinition = serde_json::from_str(&version.definition).unwrap();
    let field = definition
        .form
        .iter_mut()
        .find(|field| field.key == "birth_certificate")
        .unwrap();
    field.accept = vec!["image/jpeg".to_owned()];
    let mut version: procedure_version::ActiveModel = version.into();
    version.definition = Set(serde_json::to_string(&definition).unwrap());
    version.update(&app.db).await.unwrap();
}

async fn submit_with_key(
    app: &TestApp,
    who: &Session,
    key: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    app.post(&format!("/api/v1/units/{WARD}/dossiers"))
        .bearer_auth(&who.access_token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

on_both_databases! {
    async fn a_citizen_files_a_birth_registration_with_a_pdf_and_gets_the_days_first_code(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let filed = filed_birth_registration(&app, &citizen).await;

        let prefix = format!("{}-{}", unit_code(&app, WARD).await, today_part());
        assert_eq!(filed.code, format!("{prefix}-0001"));
        assert_eq!(filed.status, DossierStatus::Submitted);
        assert_eq!(filed.national_status.code, 1);
        assert_eq!((filed.procedure.code.as_str(), filed.procedure.version), ("HT-KS", 1));
        assert_eq!((filed.applicant_name.as_str(), filed.contact_phone.as_str()), ("Trần Thị Mai", "0912345678"));
        assert_eq!(filed.contact_email.as_deref(), Some("mai.tran@example.com"));
        let certificate = &filed.files["birth_certificate"];
        assert_eq!(certificate.len(), 1);
        assert_eq!((certificate[0].content_type.as_str(), certificate[0].round), ("application/pdf", 0));
        assert_eq!(filed.steps.len(), 1);
        assert_eq!((filed.steps[0].step, filed.steps[0].actor.as_deref()), (DossierStep::Submitted, None));
        assert_eq!(app.audit_events("dossier_submitted").await, 1);
        let receipts = entity::outbox_message::Entity::find().count(&app.db).await.unwrap();
        assert_eq!(receipts, 1, "a receipt to the e-mail the form gives");

        let second = file_birth_registration(&app, &citizen).await;
        assert_eq!(second, format!("{prefix}-0002"));
    }

    async fn filing_needs_a_signed_in_citizen(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let file = uploaded_pdf(&app, &citizen).await;
        let response = submit(&app, None, WARD, &filing("HT-KS", birth_registration(&file))).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(dossier_count(&app).await, 0);
    }

    async fn each_wrong_answer_is_refused_by_its_field_key_and_costs_no_number(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let file = uploaded_pdf(&app, &citizen).await;
        let with = |key: &str, value: serde_json::Value| {
            let mut form = birth_registration(&file);
            form[key] = value;
            filing("HT-KS", form)
        };
        let mut without_child = birth_registration(&file);
        without_child.as_object_mut().unwrap().remove("child_name");
        let mut unknown_key = birth_registration(&file);
        unknown_key["favourite_colour"] = json!("xanh");
        let cases = [
            (filing("HT-KS", without_child), "child_name", "required"),
            (with("applicant_id_number", json!("07919000123")), "applicant_id_number", ""),
            (with("applicant_phone", json!("12345")), "applicant_phone", ""),
            (filing("HT-KS", unknown_key), "favourite_colour", "unknown_field"),
            (filing("XX-YY", birth_registration(&file)), "procedure_code", "unknown_procedure"),
            (with("birth_certificate", json!(["0d9e8c1a-3f4b-4c2d-9a51-6e2f0b7c1d2e"])), "birth_certificate", "unknown_upload"),
        ];
        for (body, field, code) in cases {
            let (refused_field, refused_code) = refusal(submit(&app, Some(&citizen), WARD, &body).await).await;
            assert_eq!(refused_field, field, "{body}");
            if !code.is_empty() {
                assert_eq!(refused_code, code, "{body}");
            }
        }
        assert_eq!(dossier_count(&app).await, 0);

        let filed = filed_birth_registration(&app, &citizen).await;
        assert!(filed.code.ends_with("-0001"), "refusals took no number: {}", filed.code);
    }

    async fn a_file_of_a_type_the_field_does_not_take_or_already_used_is_refused_on_its_key(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let used = uploaded_pdf(&app, &citizen).await;
        let body = filing("HT-KS", birth_registration(&used));
        assert_eq!(submit(&app, Some(&citizen), WARD, &body).await.status(), StatusCode::CREATED);
        let again = refusal(submit(&app, Some(&citizen), WARD, &body).await).await;
        assert_eq!(again, ("birth_certificate".to_owned(), "upload_used".to_owned()));

        birth_certificate_as_jpeg_only(&app).await;
        let pdf = uploaded_pdf(&app, &citizen).await;
        let refused = refusal(submit(&app, Some(&citizen), WARD, &filing("HT-KS", birth_registration(&pdf))).await).await;
        assert_eq!(refused, ("birth_certificate".to_owned(), "wrong_file_type".to_owned()));
        assert_eq!(dossier_count(&app).await, 1);

        let png = upload(&app, &citizen, "giay-chung-sinh.png", PNG).await;
        let png = png.json::<openapi::uploads::Upload>().await.unwrap().id;
        let refused = refusal(submit(&app, Some(&citizen), WARD, &filing("HT-KS", birth_registration(&png))).await).await;
        assert_eq!(refused.0, "birth_certificate");
    }

    async fn a_retried_filing_with_the_same_key_files_one_dossier(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let file = uploaded_pdf(&app, &citizen).await;
        let body = filing("HT-KS", birth_registration(&file));
        let key = "5b2f8a3c-1d4e-4f6a-8b9c-0d1e2f3a4b5c";
        let first = submit_with_key(&app, &citizen, key, &body).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Dossier = first.json().await.unwrap();

        let retry = submit_with_key(&app, &citizen, key, &body).await;
        assert_eq!(retry.status(), StatusCode::CREATED);
        assert_eq!(retry.headers()["Idempotent-Replayed"], "true");
        let retry: Dossier = retry.json().await.unwrap();
        assert_eq!(retry.code, first.code);
        assert_eq!(dossier_count(&app).await, 1);
    }

    async fn fifty_filings_at_once_on_two_servers_get_fifty_consecutive_codes(app) {
        prepared(&app).await;
        let other = app.other_instance().await;
        let citizen = citizen(&app).await;
        // Certifying copies (CT-BS) asks for no file, so the filings race for numbers
        // alone.
        let body = filing("CT-BS", copy_request());
        let requests = (0..50).map(|i| {
            let url = if i % 2 == 0 {
                app.url(&format!("/api/v1/units/{WARD}/dossiers"))
            } else {
                other.url(&format!("/api/v1/units/{WARD}/dossiers"))
            };
            app.client
                .post(url)
                .bearer_auth(&citizen.access_token)
                .json(&body)
                .send()
        });
        let responses = futures_util::future::join_all(requests).await;
        let mut numbers = BTreeSet::new();
        for response in responses {
            let response = response.unwrap();
            assert_eq!(response.status(), StatusCode::CREATED);
            let filed: Dossier = response.json().await.unwrap();
            let number: u32 = filed.code.rsplit('-').next().unwrap().parse().unwrap();
            numbers.insert(number);
        }
        assert_eq!(numbers, (1..=50).collect::<BTreeSet<u32>>());
    }
}

/// `path` as `who`, with `method`; the raw answer.
async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    who: &Session,
    body: Option<&serde_json::Value>,
) -> reqwest::Response {
    let mut request = app
        .client
        .request(method, app.url(path))
        .bearer_auth(&who.access_token);
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.unwrap()
}

on_both_databases! {
    async fn the_owner_and_the_wards_staff_read_a_dossier_and_nobody_else_learns_it_exists(app) {
        prepared(&app).await;
        let owner = citizen(&app).await;
        let code = file_birth_registration(&app, &owner).await;

        let mine = read(&app, &owner, &code).await;
        assert_eq!(mine.status(), StatusCode::OK);
        let mine: Dossier = mine.json().await.unwrap();
        assert_eq!((mine.code.as_str(), mine.applicant_name.as_str()), (code.as_str(), "Trần Thị Mai"));

        let unknown = problem(read(&app, &owner, "27184-200101-9999").await).await;
        let other_citizen = citizen(&app).await;
        let hidden = read(&app, &other_citizen, &code).await;
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
        assert_eq!(problem(hidden).await.code, unknown.code, "answered like an unknown code");
        for role in [Role::IntakeOfficer, Role::WardAdmin] {
            let elsewhere = app.login_as(role, "phuong-2").await;
            assert_eq!(read(&app, &elsewhere, &code).await.status(), StatusCode::NOT_FOUND, "{role:?} of phuong-2");
        }
        let editor = app.login_as(Role::Editor, WARD).await;
        assert_eq!(read(&app, &editor, &code).await.status(), StatusCode::NOT_FOUND);

        for (role, unit) in [(Role::IntakeOfficer, WARD), (Role::DepartmentOfficer, WARD), (Role::WardAdmin, WARD), (Role::DistrictAdmin, "quan-10")] {
            let staff = app.login_as(role, unit).await;
            let response = read(&app, &staff, &code).await;
            assert_eq!(response.status(), StatusCode::OK, "{role:?}");
            let seen: Dossier = response.json().await.unwrap();
            assert_eq!(seen.contact_phone, "0912345678");
        }

        let anonymous = app.get(&format!("/api/v1/dossiers/{code}")).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }

    async fn the_lookup_by_code_and_phone_shows_where_it_stands_and_nothing_personal(app) {
        prepared(&app).await;
        let owner = citizen(&app).await;
        let code = file_birth_registration(&app, &owner).await;

        let found = look_up(&app, &code, "+84 912 345 678").await;
        assert_eq!(found.status(), StatusCode::OK);
        let text = found.text().await.unwrap();
        for personal in ["Trần Thị Mai", "0912345678", "079190001234", "mai.tran@example.com", "Nguyễn Minh An", "giay-chung-sinh"] {
            assert!(!text.contains(personal), "{personal} in {text}");
        }
        let found: DossierLookup = serde_json::from_str(&text).unwrap();
        assert_eq!((found.code.as_str(), found.status), (code.as_str(), DossierStatus::Submitted));
        assert_eq!(found.procedure_name, "Đăng ký khai sinh");
        assert_eq!(found.steps.len(), 1);

        let wrong_phone = look_up(&app, &code, "0912345679").await;
        assert_eq!(wrong_phone.status(), StatusCode::NOT_FOUND);
        let unknown_code = look_up(&app, "27184-200101-9999", PHONE).await;
        assert_eq!(problem(wrong_phone).await.code, problem(unknown_code).await.code);
    }

    async fn my_dossiers_lists_only_mine_newest_first_with_the_next_step_a_page_at_a_time(app) {
        prepared(&app).await;
        let me = citizen(&app).await;
        let first = file_birth_registration(&app, &me).await;
        let second = file_birth_registration(&app, &me).await;
        let someone_else = citizen(&app).await;
        file_birth_registration(&app, &someone_else).await;

        let response = call(&app, reqwest::Method::GET, "/api/v1/me/dossiers", &me, None).await;
        assert_eq!(response.status(), StatusCode::OK);
        let list: DossierList = response.json().await.unwrap();
        let codes: Vec<&str> = list.items.iter().map(|item| item.code.as_str()).collect();
        assert_eq!(codes, [second.as_str(), first.as_str()]);
        assert_eq!(list.items[0].status_label, "Chờ tiếp nhận");
        assert_eq!(list.items[0].next_step, DossierStatus::Submitted.next_step());
        assert_eq!(list.next_cursor, None);

        // A page at a time: the second page starts where the first ended.
        let page = |query: String| {
            let app = &app;
            let me = &me;
            async move {
                let response = call(app, reqwest::Method::GET, &format!("/api/v1/me/dossiers{query}"), me, None).await;
                assert_eq!(response.status(), StatusCode::OK, "{query}");
                response.json::<DossierList>().await.unwrap()
            }
        };
        let one = page("?limit=1".into()).await;
        assert_eq!(one.items[0].code, second);
        let cursor = one.next_cursor.expect("a second page");
        let two = page(format!("?limit=1&cursor={cursor}")).await;
        assert_eq!(two.items[0].code, first);
        assert_eq!(two.next_cursor, None);
        for bad in ["?limit=0", "?cursor=nonsense", "?page=2"] {
            let response = call(&app, reqwest::Method::GET, &format!("/api/v1/me/dossiers{bad}"), &me, None).await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        }
    }

    async fn a_dossiers_file_is_downloaded_by_its_readers_only_and_as_an_attachment(app) {
        prepared(&app).await;
        let owner = citizen(&app).await;
        let filed = filed_birth_registration(&app, &owner).await;
        let file = &filed.files["birth_certificate"][0];

        let download = call(&app, reqwest::Method::GET, &file.url, &owner, None).await;
        assert_eq!(download.status(), StatusCode::OK);
        let disposition = download.headers()[CONTENT_DISPOSITION].to_str().unwrap().to_owned();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        assert_eq!(download.headers()[CONTENT_TYPE], "application/pdf");
        assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

        let intake = app.login_as(Role::IntakeOfficer, WARD).await;
        assert_eq!(call(&app, reqwest::Method::GET, &file.url, &intake, None).await.status(), StatusCode::OK);
        let stranger = citizen(&app).await;
        assert_eq!(call(&app, reqwest::Method::GET, &file.url, &stranger, None).await.status(), StatusCode::NOT_FOUND);
        let elsewhere = format!("/api/v1/dossiers/{}/files/{}", filed.code, file.id + 1000);
        assert_eq!(call(&app, reqwest::Method::GET, &elsewhere, &owner, None).await.status(), StatusCode::NOT_FOUND);

        // Not by the public address of feedback photos either.
        let stored = entity::dossier_file::Entity::find_by_id(file.id).one(&app.db).await.unwrap().unwrap();
        let upload = entity::upload::Entity::find_by_id(stored.upload_id).one(&app.db).await.unwrap().unwrap();
        let public = app.get(&format!("/api/v1/files/{}", upload.storage_key)).send().await.unwrap();
        assert_eq!(public.status(), StatusCode::NOT_FOUND);
    }

    async fn a_draft_is_saved_read_back_updated_and_submitted_and_keeps_its_file_meanwhile(app) {
        prepared(&app).await;
        let me = citizen(&app).await;
        let file = uploaded_pdf(&app, &me).await;
        let mut partial = birth_registration(&file);
        partial.as_object_mut().unwrap().remove("child_name");
        let saved = call(&app, reqwest::Method::POST, &format!("/api/v1/units/{WARD}/dossier-drafts"), &me, Some(&filing("HT-KS", partial.clone()))).await;
        assert_eq!(saved.status(), StatusCode::CREATED);
        let saved: DossierDraft = saved.json().await.unwrap();
        assert_eq!((saved.procedure_code.as_str(), saved.form.contains_key("child_name")), ("HT-KS", false));
        let path = format!("/api/v1/dossier-drafts/{}", saved.id);

        let mut bad = partial.clone();
        bad["applicant_id_number"] = json!("123");
        let refused = call(&app, reqwest::Method::PUT, &path, &me, Some(&json!({"form": bad}))).await;
        assert_eq!(refusal(refused).await.0, "applicant_id_number");

        // A day later the citizen comes back: the draft's file is still there.
        let stored = entity::upload::Entity::find_by_id(file.clone()).one(&app.db).await.unwrap().unwrap();
        let mut aged: entity::upload::ActiveModel = stored.into();
        aged.created_at = Set(chrono::Utc::now() - chrono::Duration::hours(25));
        aged.update(&app.db).await.unwrap();
        uploaded_pdf(&app, &me).await;
        assert!(entity::upload::Entity::find_by_id(file.clone()).one(&app.db).await.unwrap().is_some());

        let read_back: DossierDraft = call(&app, reqwest::Method::GET, &path, &me, None).await.json().await.unwrap();
        assert_eq!(read_back.form, saved.form);
        let updated = call(&app, reqwest::Method::PUT, &path, &me, Some(&json!({"form": birth_registration(&file)}))).await;
        assert_eq!(updated.status(), StatusCode::OK);
        let updated: DossierDraft = updated.json().await.unwrap();
        assert!(updated.form.contains_key("child_name"));
        let drafts: DossierDraftList = call(&app, reqwest::Method::GET, "/api/v1/me/dossier-drafts", &me, None).await.json().await.unwrap();
        assert_eq!(drafts.items.len(), 1);

        let stranger = citizen(&app).await;
        for method in [reqwest::Method::GET, reqwest::Method::DELETE] {
            assert_eq!(call(&app, method, &path, &stranger, None).await.status(), StatusCode::NOT_FOUND);
        }
        let theirs = json!({"procedure_code": "HT-KS", "form": birth_registration(&file), "draft_id": saved.id});
        assert_eq!(refusal(submit(&app, Some(&stranger), WARD, &theirs).await).await.0, "draft_id");

        let submitted = submit(&app, Some(&me), WARD, &theirs).await;
        assert_eq!(submitted.status(), StatusCode::CREATED);
        assert_eq!(call(&app, reqwest::Method::GET, &path, &me, None).await.status(), StatusCode::NOT_FOUND);
        let drafts: DossierDraftList = call(&app, reqwest::Method::GET, "/api/v1/me/dossier-drafts", &me, None).await.json().await.unwrap();
        assert!(drafts.items.is_empty());
    }

    async fn a_draft_is_deleted_by_its_owner(app) {
        prepared(&app).await;
        let me = citizen(&app).await;
        let saved = call(&app, reqwest::Method::POST, &format!("/api/v1/units/{WARD}/dossier-drafts"), &me, Some(&filing("HT-KS", json!({"child_name": "An"})))).await;
        let saved: DossierDraft = saved.json().await.unwrap();
        let path = format!("/api/v1/dossier-drafts/{}", saved.id);
        assert_eq!(call(&app, reqwest::Method::DELETE, &path, &me, None).await.status(), StatusCode::NO_CONTENT);
        assert_eq!(call(&app, reqwest::Method::GET, &path, &me, None).await.status(), StatusCode::NOT_FOUND);
    }
}

on_both_databases! {
    async fn guessing_dossier_codes_is_stopped_by_the_lookup_limit(app) configured |config: &mut api::config::Config| {
        config.lookup_rate_limits = vec!["3/10m".parse().unwrap()];
    }; {
        prepared(&app).await;
        for guess in ["27184-261129-0001", "27184-261129-0002", "27184-261129-0003"] {
            assert_eq!(look_up(&app, guess, PHONE).await.status(), StatusCode::NOT_FOUND);
        }
        let stopped = look_up(&app, "27184-261129-0004", PHONE).await;
        assert_eq!(stopped.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(stopped.headers().contains_key(RETRY_AFTER));
    }
}

on_both_databases! {
    async fn every_dossier_endpoint_but_the_lookup_needs_a_sign_in(app) {
        prepared(&app).await;
        let owner = citizen(&app).await;
        let filed = filed_birth_registration(&app, &owner).await;
        let draft = format!("/api/v1/dossier-drafts/{}", 1);
        let file = filed.files["birth_certificate"][0].url.clone();
        let dossier = format!("/api/v1/dossiers/{}", filed.code);
        let cases = [
            (reqwest::Method::GET, dossier.as_str()),
            (reqwest::Method::GET, file.as_str()),
            (reqwest::Method::GET, "/api/v1/me/dossiers"),
            (reqwest::Method::GET, "/api/v1/me/dossier-drafts"),
            (reqwest::Method::POST, "/api/v1/units/phuong-1/dossier-drafts"),
            (reqwest::Method::GET, draft.as_str()),
            (reqwest::Method::PUT, draft.as_str()),
            (reqwest::Method::DELETE, draft.as_str()),
        ];
        for (method, path) in cases {
            let mut request = app.client.request(method.clone(), app.url(path));
            if matches!(method, reqwest::Method::POST | reqwest::Method::PUT) {
                request = request.json(&filing("HT-KS", json!({})));
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        }
    }
}
