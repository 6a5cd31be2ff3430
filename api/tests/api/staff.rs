use openapi::ErrorCode;
use openapi::auth::{Role, StaffMember};
use reqwest::StatusCode;

use crate::helpers::{TestApp, problem};

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
    async fn only_admins_of_the_ward_or_district_see_its_staff(app) {
        use Caller::*;
        let matrix = [
            (Anonymous, StatusCode::UNAUTHORIZED),
            (Citizen, StatusCode::NOT_FOUND),
            (Staff(Role::Editor, "phuong-1"), StatusCode::FORBIDDEN),
            (Staff(Role::Reviewer, "phuong-1"), StatusCode::FORBIDDEN),
            (Staff(Role::IntakeOfficer, "phuong-1"), StatusCode::FORBIDDEN),
            (Staff(Role::WardAdmin, "phuong-1"), StatusCode::OK),
            (Staff(Role::WardAdmin, "phuong-2"), StatusCode::NOT_FOUND),
            (Staff(Role::Reviewer, "phuong-2"), StatusCode::NOT_FOUND),
            (Staff(Role::DistrictAdmin, "quan-10"), StatusCode::OK),
        ];
        for (caller, expected) in matrix {
            let mut request = app.get("/api/v1/units/phuong-1/staff");
            if let Some(token) = token_for(&app, caller).await {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), expected, "{caller:?}");
        }
    }

    async fn a_ward_admin_grants_a_role_and_the_change_is_audited(app) {
        let admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let citizen = app.register_citizen().await;
        let citizen_session = app.sign_in(&citizen).await;
        let me: openapi::auth::Me = app.me(&citizen_session.access_token).await.json().await.unwrap();

        let path = format!("/api/v1/units/phuong-1/staff/{}/roles/editor", me.id);
        let response = app.client.put(app.url(&path)).bearer_auth(&admin.access_token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);

        let staff: Vec<StaffMember> = app
            .get("/api/v1/units/phuong-1/staff")
            .bearer_auth(&admin.access_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(staff.iter().any(|member| member.id == me.id && member.roles == [Role::Editor]));
        assert_eq!(app.audit_events("role_granted").await, 2, "one for the admin, one now");

        let response = app.client.delete(app.url(&path)).bearer_auth(&admin.access_token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.audit_events("role_revoked").await, 1);
    }

    async fn a_ward_admin_cannot_make_a_district_admin(app) {
        let admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let citizen = app.register_citizen().await;
        let session = app.sign_in(&citizen).await;
        let me: openapi::auth::Me = app.me(&session.access_token).await.json().await.unwrap();
        let path = format!("/api/v1/units/phuong-1/staff/{}/roles/district_admin", me.id);
        let response = app.client.put(app.url(&path)).bearer_auth(&admin.access_token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(problem(response).await.code, ErrorCode::Forbidden);
    }

    async fn a_ward_admin_of_another_ward_cannot_touch_phuong_1(app) {
        let other = app.login_as(Role::WardAdmin, "phuong-2").await;
        let response = app
            .client
            .put(app.url("/api/v1/units/phuong-1/staff/1/roles/editor"))
            .bearer_auth(&other.access_token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
}
