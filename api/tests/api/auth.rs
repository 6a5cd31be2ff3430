use openapi::ErrorCode;
use openapi::auth::{Me, Role};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Credentials, problem, refresh_cookie};

on_both_databases! {
    async fn a_citizen_registers_with_a_phone_and_signs_in_with_it(app) {
        let response = app
            .post("/api/v1/auth/register")
            .json(&json!({"full_name": "Trần Thị Bích", "phone": "+84 901 234 567", "password": "mat-khau-dai-du"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let me: Me = response.json().await.unwrap();
        assert_eq!(me.phone.as_deref(), Some("0901234567"));
        assert!(me.roles.is_empty());
        let credentials = Credentials { login: "0901234567".into(), password: "mat-khau-dai-du".into() };
        let session = app.sign_in(&credentials).await;
        let me: Me = app.me(&session.access_token).await.json().await.unwrap();
        assert_eq!(me.full_name, "Trần Thị Bích");
        assert_eq!(app.audit_events("account_registered").await, 1);
    }

    async fn registering_an_email_twice_is_a_conflict(app) {
        let citizen = app.register_citizen().await;
        let response = app
            .post("/api/v1/auth/register")
            .json(&json!({"full_name": "Người Khác", "email": citizen.login.to_uppercase(), "password": "mat-khau-khac-1"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let problem = problem(response).await;
        assert_eq!(problem.code, ErrorCode::EmailTaken);
        assert_eq!(problem.errors[0].field, "email");
    }

    async fn registration_names_every_invalid_field(app) {
        let response = app
            .post("/api/v1/auth/register")
            .json(&json!({"full_name": "", "email": "khong-phai-email", "password": "ngan"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem = problem(response).await;
        assert_eq!(problem.code, ErrorCode::ValidationFailed);
        let fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["full_name", "email", "password"]);
        assert_eq!(app.audit_events("account_registered").await, 0);
    }

    async fn a_body_with_an_unknown_field_is_refused_naming_it(app) {
        let response = app
            .post("/api/v1/auth/login")
            .json(&json!({"login": "a@example.com", "password": "x", "is_admin": true}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let problem = problem(response).await;
        assert_eq!(problem.code, ErrorCode::MalformedBody);
        assert_eq!((problem.errors[0].field.as_str(), problem.errors[0].code.as_str()), ("is_admin", "unknown_field"));
    }

    async fn sign_in_sets_a_secure_http_only_strict_refresh_cookie(app) {
        let staff = app.create_staff(Role::Editor, "phuong-1").await;
        let response = app.login(&staff).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "no-store");
        let cookie = refresh_cookie(&response).unwrap();
        for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"] {
            assert!(cookie.contains(attribute), "{attribute} missing in {cookie}");
        }
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["token_type"], "Bearer");
        assert_eq!(body["expires_in"], 900);
        assert_eq!(app.audit_events("signed_in").await, 1);
    }

    async fn a_wrong_password_five_times_locks_the_login(app) {
        let staff = app.create_staff(Role::Reviewer, "phuong-1").await;
        let wrong = Credentials { login: staff.login.clone(), password: "sai-mat-khau".into() };
        for _ in 0..5 {
            let response = app.login(&wrong).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
            assert_eq!(problem(response).await.code, ErrorCode::InvalidCredentials);
        }
        // Locked now, even with the right password.
        let response = app.login(&staff).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(response.headers().contains_key("retry-after"));
        assert_eq!(problem(response).await.code, ErrorCode::TooManyLoginAttempts);
        assert_eq!(app.audit_events("sign_in_failed").await, 5);
    }

    async fn an_unknown_login_gets_the_same_answer_as_a_wrong_password(app) {
        let unknown = Credentials { login: "khong.ton.tai@example.com".into(), password: "bat-ky-mat-khau".into() };
        let response = app.login(&unknown).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(problem(response).await.code, ErrorCode::InvalidCredentials);
    }

    async fn me_lists_the_roles_held_with_their_units(app) {
        let session = app.login_as(Role::WardAdmin, "phuong-1").await;
        let me: Me = app.me(&session.access_token).await.json().await.unwrap();
        assert_eq!(me.roles.len(), 1);
        assert_eq!((me.roles[0].role, me.roles[0].unit.as_str(), me.roles[0].unit_name.as_str()), (Role::WardAdmin, "phuong-1", "Phường 1"));
    }

    async fn me_without_a_token_is_unauthenticated(app) {
        let response = app.get("/api/v1/me").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(problem(response).await.code, ErrorCode::Unauthenticated);
    }
}

on_both_databases! {
    async fn one_client_trying_many_logins_is_locked_out(app) {
        let staff = app.create_staff(Role::Editor, "phuong-1").await;
        for attempt in 0..30 {
            let guess = Credentials { login: format!("doan.{attempt}@example.com"), password: "123456789".into() };
            assert_eq!(app.login(&guess).await.status(), StatusCode::UNAUTHORIZED);
        }
        let response = app.login(&staff).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(problem(response).await.code, ErrorCode::TooManyLoginAttempts);
    }
}
