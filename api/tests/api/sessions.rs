use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{EncodingKey, Header};
use openapi::ErrorCode;
use openapi::auth::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{JWT_SECRET, Session, problem, session_from};

/// The claims of a real session's token, with `exp` and `iat` moved by `shift` seconds.
fn claims_of(session: &Session, shift: i64) -> serde_json::Value {
    let payload = session.access_token.split('.').nth(1).unwrap();
    let mut claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    claims["exp"] = json!(claims["exp"].as_i64().unwrap() + shift);
    claims["iat"] = json!(claims["iat"].as_i64().unwrap() + shift);
    claims
}

on_both_databases! {
    async fn refresh_rotates_the_token_and_keeps_the_session(app) {
        let first = app.login_as(Role::Editor, "phuong-1").await;
        let response = app.refresh(&first.refresh_token).await;
        assert_eq!(response.status(), StatusCode::OK);
        let second = session_from(response).await;
        assert_ne!(second.refresh_token, first.refresh_token);
        assert_eq!(app.me(&second.access_token).await.status(), StatusCode::OK);
        assert_eq!(app.me(&first.access_token).await.status(), StatusCode::OK);
    }

    async fn a_replayed_refresh_token_ends_its_whole_session(app) {
        let stolen = app.login_as(Role::Reviewer, "phuong-1").await;
        let rotated = session_from(app.refresh(&stolen.refresh_token).await).await;

        let replay = app.refresh(&stolen.refresh_token).await;
        assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(problem(replay).await.code, ErrorCode::RefreshTokenReused);

        // The legitimate holder's newer token and access token die with the family.
        let after = app.refresh(&rotated.refresh_token).await;
        assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.me(&rotated.access_token).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.audit_events("refresh_token_reused").await, 1);
    }

    async fn sessions_refreshed_at_the_same_moment_all_stay_signed_in(app) {
        // Pages of several open tabs and users refresh at once; none may be
        // signed out by another's write (SQLite once answered 500 here).
        let mut sessions = Vec::new();
        for _ in 0..6 {
            let staff = app.create_staff(Role::IntakeOfficer, "phuong-1").await;
            sessions.push(app.sign_in(&staff).await);
        }
        for _round in 0..5 {
            let refreshes = sessions.iter().map(|session| app.refresh(&session.refresh_token));
            let responses = futures_util::future::join_all(refreshes).await;
            let mut renewed = Vec::new();
            for response in responses {
                assert_eq!(response.status(), StatusCode::OK);
                renewed.push(session_from(response).await);
            }
            sessions = renewed;
        }
        for session in &sessions {
            assert_eq!(app.me(&session.access_token).await.status(), StatusCode::OK);
        }
        assert_eq!(app.audit_events("refresh_token_reused").await, 0);
    }

    async fn a_missing_or_unknown_refresh_cookie_is_refused(app) {
        let response = app.post("/api/v1/auth/refresh").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(problem(response).await.code, ErrorCode::RefreshTokenInvalid);
        let response = app.refresh("made-up-token").await;
        assert_eq!(problem(response).await.code, ErrorCode::RefreshTokenInvalid);
    }

    async fn logout_ends_every_session_of_the_account(app) {
        let staff = app.create_staff(Role::WebOfficer, "phuong-1").await;
        let phone = app.sign_in(&staff).await;
        let desk = app.sign_in(&staff).await;
        let response = app.post("/api/v1/auth/logout").bearer_auth(&desk.access_token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert!(crate::helpers::refresh_cookie(&response).unwrap().contains("Max-Age=0"));
        for session in [&phone, &desk] {
            assert_eq!(app.me(&session.access_token).await.status(), StatusCode::UNAUTHORIZED);
            assert_eq!(app.refresh(&session.refresh_token).await.status(), StatusCode::UNAUTHORIZED);
        }
        assert_eq!(app.audit_events("signed_out").await, 1);
    }

    async fn changing_the_password_ends_every_session(app) {
        let citizen = app.register_citizen().await;
        let other_device = app.sign_in(&citizen).await;
        let here = app.sign_in(&citizen).await;
        let response = app
            .post("/api/v1/me/password")
            .bearer_auth(&here.access_token)
            .json(&json!({"current_password": citizen.password, "new_password": "mat-khau-moi-hon"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.me(&other_device.access_token).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.login(&citizen).await.status(), StatusCode::UNAUTHORIZED);
        let renewed = crate::helpers::Credentials { login: citizen.login.clone(), password: "mat-khau-moi-hon".into() };
        assert_eq!(app.login(&renewed).await.status(), StatusCode::OK);
        assert_eq!(app.audit_events("password_changed").await, 1);
    }

    async fn a_wrong_current_password_changes_nothing(app) {
        let citizen = app.register_citizen().await;
        let session = app.sign_in(&citizen).await;
        let response = app
            .post("/api/v1/me/password")
            .bearer_auth(&session.access_token)
            .json(&json!({"current_password": "khong-dung", "new_password": "mat-khau-moi-hon"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(response).await.errors[0].field, "current_password");
        assert_eq!(app.me(&session.access_token).await.status(), StatusCode::OK);
    }

    async fn an_expired_access_token_is_refused_as_expired(app) {
        let session = app.login_as(Role::Editor, "phuong-1").await;
        let expired = jsonwebtoken::encode(
            &Header::new(jsonwebtoken::Algorithm::HS256),
            &claims_of(&session, -3600),
            &EncodingKey::from_secret(JWT_SECRET.as_bytes()),
        )
        .unwrap();
        let response = app.me(&expired).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(problem(response).await.code, ErrorCode::TokenExpired);
    }

    async fn a_tampered_access_token_is_refused(app) {
        let session = app.login_as(Role::Editor, "phuong-1").await;
        app.create_staff(Role::DistrictAdmin, "quan-10").await;
        // The editor tries to pass as the district admin created right after them.
        let mut claims = claims_of(&session, 0);
        let editor_id: i64 = claims["sub"].as_str().unwrap().parse().unwrap();
        claims["sub"] = json!((editor_id + 1).to_string());
        let parts: Vec<&str> = session.access_token.split('.').collect();
        let forged_payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap());
        let tampered = format!("{}.{forged_payload}.{}", parts[0], parts[2]);
        let response = app.me(&tampered).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(problem(response).await.code, ErrorCode::Unauthenticated);
    }

    async fn a_token_signed_with_alg_none_is_refused(app) {
        let session = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims_of(&session, 0)).unwrap());
        let response = app.me(&format!("{header}.{payload}.")).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(problem(response).await.code, ErrorCode::Unauthenticated);
    }
}

on_both_databases! {
    async fn disabling_an_account_ends_its_sessions_and_sign_ins(app) {
        let staff = app.create_staff(Role::Editor, "phuong-1").await;
        let session = app.sign_in(&staff).await;
        let account = api::services::accounts::find_by_login_input(&app.db, &staff.login).await.unwrap();
        api::services::accounts::disable(&app.db, None, account).await.unwrap();
        assert_eq!(app.me(&session.access_token).await.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.refresh(&session.refresh_token).await.status(), StatusCode::UNAUTHORIZED);
        let response = app.login(&staff).await;
        assert_eq!(problem(response).await.code, ErrorCode::InvalidCredentials);
        assert_eq!(app.audit_events("account_disabled").await, 1);
    }
}
