//! A citizen files a dossier online: the code from the ward's daily sequence, the
//! form checked field by field, files taken once, retries answered once, and
//! concurrent filings on two server processes numbered without gaps or repeats.

use std::collections::BTreeSet;

use entity::{dossier, procedure, procedure_version};
use openapi::dossiers::{Dossier, DossierStatus, DossierStep};
use openapi::procedures::ProcedureDefinition;
use reqwest::StatusCode;
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
