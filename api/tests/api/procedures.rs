//! The procedure catalog: public reads and search, the appointment date in advance,
//! a ward admin's edits as versions, and who may edit and read versions.

use openapi::ErrorCode;
use openapi::auth::Role;
use openapi::procedures::{
    Appointment, FieldType, FormField, Procedure, ProcedureDefinition, ProcedureList,
};
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, ETAG};

use crate::helpers::{TestApp, problem};

/// The working calendar and every ward's catalog, as `seed` leaves them.
async fn prepared(app: &TestApp) {
    api::seed::seed_calendar(&app.db).await.unwrap();
    api::seed::seed_procedures(&app.db).await.unwrap();
}

async fn catalog(app: &TestApp, query: &str) -> ProcedureList {
    app.get_json(&format!("/api/v1/units/phuong-1/procedures{query}"))
        .await
}

fn codes(list: &ProcedureList) -> Vec<&str> {
    list.items.iter().map(|item| item.code.as_str()).collect()
}

/// Birth registration as phuong-1 has it now.
async fn birth_registration(app: &TestApp) -> ProcedureDefinition {
    let procedure: Procedure = app
        .get_json("/api/v1/units/phuong-1/procedures/HT-KS")
        .await;
    procedure.definition
}

async fn save(
    app: &TestApp,
    token: &str,
    unit: &str,
    definition: &ProcedureDefinition,
) -> reqwest::Response {
    app.client
        .put(app.url(&format!(
            "/api/v1/units/{unit}/procedures/{}",
            definition.code
        )))
        .bearer_auth(token)
        .json(definition)
        .send()
        .await
        .unwrap()
}

async fn appointment(app: &TestApp, code: &str, accepted_at: &str) -> reqwest::Response {
    app.get(&format!(
        "/api/v1/units/phuong-1/procedures/{code}/appointment?accepted_at={}",
        accepted_at.replace('+', "%2B")
    ))
    .send()
    .await
    .unwrap()
}

/// Who asks, in the role matrix.
#[derive(Debug, Clone, Copy)]
enum Caller {
    Anonymous,
    Citizen,
    Staff(Role, &'static str),
}

async fn token_for(app: &TestApp, caller: Caller) -> Option<String> {
    match caller {
        Caller::Anonymous => None,
        Caller::Citizen => {
            let citizen = app.register_citizen().await;
            Some(app.sign_in(&citizen).await.access_token)
        }
        Caller::Staff(role, unit) => Some(app.login_as(role, unit).await.access_token),
    }
}

on_both_databases! {
    async fn a_wards_catalog_lists_its_twelve_procedures_and_finds_words_with_or_without_diacritics(app) {
        prepared(&app).await;
        let all = catalog(&app, "").await;
        assert_eq!(all.items.len(), 12);
        assert_eq!(all.fields, ["Hộ tịch", "Chứng thực", "Liên thông"]);
        let birth = all.items.iter().find(|item| item.code == "HT-KS").unwrap();
        assert_eq!(birth.processing_time, "Trong ngày");
        assert_eq!(birth.version, 1);

        for query in ["?q=%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh", "?q=dang%20ky%20khai%20sinh", "?q=KHAI%20SINH"] {
            let found = catalog(&app, query).await;
            assert_eq!(codes(&found), ["HT-KS", "LT-KS-TT-BHYT"], "{query}");
            assert_eq!(found.fields.len(), 3, "the filter keeps every field to choose from");
        }
        let certification = catalog(&app, "?field=Ch%E1%BB%A9ng%20th%E1%BB%B1c").await;
        assert_eq!(codes(&certification), ["CT-BS", "CT-CK", "CT-HD"]);
        assert!(catalog(&app, "?q=khai%20sinh&field=Ch%E1%BB%A9ng%20th%E1%BB%B1c").await.items.is_empty());
    }

    async fn the_catalog_is_a_public_read_with_caching_headers_and_refuses_unknown_parameters(app) {
        prepared(&app).await;
        let response = app.get("/api/v1/units/phuong-1/procedures").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().contains_key(ETAG));
        assert_eq!(response.headers()[CACHE_CONTROL], "public, no-cache");

        let response = app.get("/api/v1/units/phuong-1/procedures?linh_vuc=x").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }

    async fn a_district_has_no_catalog_of_its_own(app) {
        prepared(&app).await;
        for path in ["/api/v1/units/quan-10/procedures", "/api/v1/units/quan-10/procedures/HT-KS"] {
            let response = app.get(path).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        }
    }

    async fn a_procedure_shows_its_documents_and_its_form(app) {
        prepared(&app).await;
        let procedure: Procedure = app.get_json("/api/v1/units/phuong-1/procedures/HT-KS").await;
        assert_eq!(procedure.definition.name, "Đăng ký khai sinh");
        assert_eq!(procedure.unit.slug, "phuong-1");
        assert!(!procedure.definition.required_documents.is_empty());
        let certificate = procedure.definition.form.iter().find(|field| field.key == "birth_certificate").unwrap();
        assert_eq!(certificate.field_type, FieldType::File);
        assert!(procedure.definition.form.iter().any(|field| field.key == "child_sex" && field.options == ["Nam", "Nữ"]));

        let response = app.get("/api/v1/units/phuong-1/procedures/HT-KHONG-CO").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }

    async fn the_appointment_of_a_three_day_procedure_accepted_before_tet_is_the_wednesday_after(app) {
        prepared(&app).await;
        let response = appointment(&app, "HT-XNHN", "2026-02-13T09:00:00+07:00").await;
        assert_eq!(response.status(), StatusCode::OK);
        let found: Appointment = response.json().await.unwrap();
        assert_eq!(found.due_date.to_string(), "2026-02-25");
        assert_eq!(found.counted_from.to_string(), "2026-02-13");
        assert_eq!((found.working_days, found.same_day), (3, false));
        assert_eq!(found.procedure_code, "HT-XNHN");
    }

    async fn an_appointment_running_into_an_unconfirmed_year_is_refused(app) {
        prepared(&app).await;
        let response = appointment(&app, "HT-XNHN", "2026-12-29T09:00:00+07:00").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(response).await.code, ErrorCode::CalendarNotConfirmed);
    }

    async fn an_appointment_without_a_readable_acceptance_time_names_the_parameter(app) {
        prepared(&app).await;
        for path in [
            "/api/v1/units/phuong-1/procedures/HT-XNHN/appointment",
            "/api/v1/units/phuong-1/procedures/HT-XNHN/appointment?accepted_at=13%2F02%2F2026",
        ] {
            let response = app.get(path).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
            let problem = problem(response).await;
            assert_eq!(problem.code, ErrorCode::InvalidQuery);
            assert!(problem.detail.unwrap().contains("accepted_at"));
        }
    }

    async fn a_ward_admins_edit_makes_version_2_and_version_1_stays_readable(app) {
        prepared(&app).await;
        let admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let mut edit = birth_registration(&app).await;
        edit.name = "Đăng ký khai sinh (trực tuyến)".into();
        edit.form.push(FormField {
            key: "hospital".into(),
            label: "Nơi sinh (cơ sở y tế)".into(),
            field_type: FieldType::Text,
            required: false,
            options: Vec::new(),
            min: None,
            max: None,
            accept: Vec::new(),
        });
        let response = save(&app, &admin.access_token, "phuong-1", &edit).await;
        assert_eq!(response.status(), StatusCode::OK);
        let saved: Procedure = response.json().await.unwrap();
        assert_eq!(saved.version, 2);

        let current: Procedure = app.get_json("/api/v1/units/phuong-1/procedures/HT-KS").await;
        assert_eq!(current.version, 2);
        assert_eq!(current.definition, edit);
        assert_eq!(codes(&catalog(&app, "?q=truc%20tuyen").await), ["HT-KS"], "the search text follows the edit");
        let elsewhere: Procedure = app.get_json("/api/v1/units/phuong-2/procedures/HT-KS").await;
        assert_eq!((elsewhere.version, elsewhere.definition.name.as_str()), (1, "Đăng ký khai sinh"));

        let intake = app.login_as(Role::IntakeOfficer, "phuong-1").await;
        let first: Procedure = app
            .get("/api/v1/units/phuong-1/procedures/HT-KS/versions/1")
            .bearer_auth(&intake.access_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!((first.version, first.definition.name.as_str()), (1, "Đăng ký khai sinh"));
        assert!(!first.definition.form.iter().any(|field| field.key == "hospital"));
        let missing = app
            .get("/api/v1/units/phuong-1/procedures/HT-KS/versions/3")
            .bearer_auth(&intake.access_token)
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.audit_events("procedure_updated").await, 1);
    }

    async fn an_invalid_edit_names_each_field_and_changes_nothing(app) {
        prepared(&app).await;
        let admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let mut edit = birth_registration(&app).await;
        edit.legal_basis = " ".into();
        edit.processing_working_days = 2;
        let sex = edit.form.iter().position(|field| field.key == "child_sex").unwrap();
        edit.form[sex].options = vec!["Nam".into()];
        let certificate = edit.form.iter().position(|field| field.key == "birth_certificate").unwrap();
        edit.form[certificate].accept = vec!["application/zip".into()];
        edit.form[0].key = edit.form[1].key.clone();
        let response = save(&app, &admin.access_token, "phuong-1", &edit).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem = problem(response).await;
        let fields: Vec<&str> = problem.errors.iter().map(|error| error.field.as_str()).collect();
        for field in [
            "legal_basis".to_owned(),
            "processing_working_days".to_owned(),
            format!("form[{sex}].options"),
            format!("form[{certificate}].accept"),
            "form[1].key".to_owned(),
        ] {
            assert!(fields.contains(&field.as_str()), "{field} in {fields:?}");
        }
        let current: Procedure = app.get_json("/api/v1/units/phuong-1/procedures/HT-KS").await;
        assert_eq!(current.version, 1);
        assert_eq!(app.audit_events("procedure_updated").await, 0);
    }

    async fn the_code_in_the_body_must_be_the_procedures(app) {
        prepared(&app).await;
        let admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let mut edit = birth_registration(&app).await;
        edit.code = "HT-KT".into();
        let response = app
            .client
            .put(app.url("/api/v1/units/phuong-1/procedures/HT-KS"))
            .bearer_auth(&admin.access_token)
            .json(&edit)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem = problem(response).await;
        assert_eq!(problem.errors[0].field, "code");
        assert_eq!(problem.errors[0].code, "code_mismatch");
    }

    async fn only_the_wards_admins_and_the_district_admin_edit_its_catalog(app) {
        prepared(&app).await;
        use Caller::*;
        let matrix = [
            (Anonymous, StatusCode::UNAUTHORIZED),
            (Citizen, StatusCode::NOT_FOUND),
            (Staff(Role::IntakeOfficer, "phuong-1"), StatusCode::FORBIDDEN),
            (Staff(Role::DepartmentOfficer, "phuong-1"), StatusCode::FORBIDDEN),
            (Staff(Role::Editor, "phuong-1"), StatusCode::FORBIDDEN),
            (Staff(Role::WardAdmin, "phuong-2"), StatusCode::NOT_FOUND),
            (Staff(Role::IntakeOfficer, "phuong-2"), StatusCode::NOT_FOUND),
            (Staff(Role::WardAdmin, "phuong-1"), StatusCode::OK),
            (Staff(Role::DistrictAdmin, "quan-10"), StatusCode::OK),
        ];
        let edit = birth_registration(&app).await;
        for (caller, expected) in matrix {
            let mut request = app.client.put(app.url("/api/v1/units/phuong-1/procedures/HT-KS")).json(&edit);
            if let Some(token) = token_for(&app, caller).await {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), expected, "{caller:?}");
        }
        let current: Procedure = app.get_json("/api/v1/units/phuong-1/procedures/HT-KS").await;
        assert_eq!(current.version, 3, "only the two allowed edits were saved");
    }

    async fn earlier_versions_are_for_the_wards_staff(app) {
        prepared(&app).await;
        use Caller::*;
        let matrix = [
            (Anonymous, StatusCode::UNAUTHORIZED),
            (Citizen, StatusCode::NOT_FOUND),
            (Staff(Role::IntakeOfficer, "phuong-2"), StatusCode::NOT_FOUND),
            (Staff(Role::IntakeOfficer, "phuong-1"), StatusCode::OK),
            (Staff(Role::DepartmentOfficer, "phuong-1"), StatusCode::OK),
            (Staff(Role::WardAdmin, "phuong-1"), StatusCode::OK),
            (Staff(Role::DistrictAdmin, "quan-10"), StatusCode::OK),
        ];
        for (caller, expected) in matrix {
            let mut request = app.get("/api/v1/units/phuong-1/procedures/HT-KS/versions/1");
            if let Some(token) = token_for(&app, caller).await {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), expected, "{caller:?}");
        }
    }
}
