//! Organization, spokesperson, weekly schedule, boundary and planning: each created,
//! reviewed, published and read; wrong-ward access and bad input refused by name.

use openapi::auth::Role;
use openapi::organization::{BodyKind, Organization};
use openapi::planning::PlanningDocument;
use openapi::schedule::{ChangeKind, PublishedWeek};
use openapi::spokesperson::SpokespersonRecord;
use openapi::units::UnitDetail;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::problem;

fn organization(chairman_phone: &str) -> Value {
    json!({"kind": "organization", "slug": "co-cau-to-chuc", "title": "Cơ cấu tổ chức", "details": {"organization": {"bodies": [
        {"kind": "department", "name": "Văn phòng HĐND và UBND", "functions": "Tham mưu tổng hợp.", "members": []},
        {"kind": "peoples_committee", "name": "Ủy ban nhân dân Phường 1", "phone": "028 3835 1234", "members": [
            {"name": "Nguyễn Văn An", "position": "Chủ tịch", "phone": chairman_phone, "email": "chutich.phuong1@quan10.gov.vn", "display_order": 1},
            {"name": "Trần Thị Bình", "position": "Phó Chủ tịch", "display_order": 2}
        ]},
        {"kind": "party_committee", "name": "Đảng ủy Phường 1", "members": []}
    ]}}})
}

fn spokesperson(name: &str, valid_from: &str) -> Value {
    json!({"spokesperson": {"name": name, "position": "Chủ tịch UBND Phường 1", "phone": "0903 123 456", "email": "phatngon.phuong1@quan10.gov.vn", "valid_from": valid_from}})
}

fn schedule_week(entries: Value) -> Value {
    json!({"schedule": {"week": "2026-W49", "entries": entries}})
}

fn entry(id: &str, date: &str, start: &str, location: &str) -> Value {
    json!({"id": id, "date": date, "start": start, "end": "11:00", "content": "Họp giao ban UBND phường", "chair": "Chủ tịch UBND", "participants": "Các Phó Chủ tịch", "location": location, "preparing_unit": "Văn phòng"})
}

fn square() -> Value {
    json!({"type": "Polygon", "coordinates": [[[106.660, 10.770], [106.670, 10.770], [106.670, 10.780], [106.660, 10.780], [106.660, 10.770]]]})
}

on_both_databases! {
    async fn the_organization_is_public_once_approved_in_chart_order(app) {
        let newsroom = app.newsroom("phuong-1").await;
        assert_eq!(app.get("/api/v1/units/phuong-1/organization").send().await.unwrap().status(), StatusCode::NOT_FOUND);
        let id = newsroom.publish(&organization("0903 111 222")).await;

        let shown: Organization = app.get_json("/api/v1/units/phuong-1/organization").await;
        let kinds: Vec<BodyKind> = shown.bodies.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BodyKind::PartyCommittee, BodyKind::PeoplesCommittee, BodyKind::Department]);
        assert_eq!(shown.bodies[1].members[0].phone.as_deref(), Some("0903111222"));

        // A change waits for review; the public keeps the approved version.
        let mut changed = organization("0903 999 888");
        changed.as_object_mut().unwrap().remove("kind");
        changed.as_object_mut().unwrap().remove("slug");
        let saved = app.client
            .put(app.url(&format!("/api/v1/units/phuong-1/content/{id}/draft")))
            .bearer_auth(&newsroom.editor.access_token)
            .json(&changed)
            .send().await.unwrap();
        assert_eq!(saved.status(), StatusCode::OK);
        let still: Organization = app.get_json("/api/v1/units/phuong-1/organization").await;
        assert_eq!(still.bodies[1].members[0].phone.as_deref(), Some("0903111222"));
    }

    async fn a_wrong_phone_in_the_organization_is_named_and_another_ward_cannot_write_it(app) {
        let newsroom = app.newsroom("phuong-1").await;
        let refused = newsroom.create(&organization("12")).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(refused).await.errors[0].field, "details.organization.bodies[1].members[0].phone");

        let other = app.login_as(Role::Editor, "phuong-2").await;
        let response = app.post("/api/v1/units/phuong-1/content")
            .bearer_auth(&other.access_token)
            .json(&organization("0903 111 222"))
            .send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);

        let mut second_slug = organization("0903 111 222");
        second_slug["slug"] = json!("bo-may-2");
        let refused = newsroom.create(&second_slug).await;
        assert_eq!(problem(refused).await.errors[0].code, "fixed_by_kind");
    }

    async fn the_spokesperson_is_in_the_unit_api_and_keeps_a_history(app) {
        let newsroom = app.newsroom("phuong-1").await;
        let none: SpokespersonRecord = app.get_json("/api/v1/units/phuong-1/spokesperson").await;
        assert!(none.current.is_none());
        let id = newsroom
            .publish(&json!({"kind": "spokesperson", "slug": "nguoi-phat-ngon", "title": "Người phát ngôn", "details": spokesperson("Nguyễn Văn An", "2025-01-01")}))
            .await;
        newsroom
            .republish(id, &json!({"title": "Người phát ngôn", "details": spokesperson("Lê Thị Cúc", "2026-06-01")}))
            .await;

        let record: SpokespersonRecord = app.get_json("/api/v1/units/phuong-1/spokesperson").await;
        assert_eq!(record.current.unwrap().name, "Lê Thị Cúc");
        let names: Vec<&str> = record.history.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Lê Thị Cúc", "Nguyễn Văn An"]);
        let unit: UnitDetail = app.get_json("/api/v1/units/phuong-1").await;
        assert_eq!(unit.spokesperson.unwrap().phone, "0903123456");
    }

    async fn a_schedule_entry_changed_after_publication_is_flagged_and_exported(app) {
        let newsroom = app.newsroom("phuong-1").await;
        let first = json!([entry("giao-ban", "2026-11-30", "08:00", "Hội trường UBND"), entry("tiep-dan", "2026-12-03", "08:00", "Phòng tiếp công dân")]);
        let mut create = json!({"kind": "weekly_schedule", "slug": "lich-2026-w49", "title": "Lịch công tác tuần 49"});
        create["details"] = schedule_week(first);
        let id = newsroom.publish(&create).await;
        let published: PublishedWeek = app.get_json("/api/v1/units/phuong-1/schedule?week=2026-W49").await;
        assert!(published.entries.iter().all(|e| e.change.is_none()));

        let moved = json!([entry("giao-ban", "2026-11-30", "09:30", "Phòng họp số 2")]);
        newsroom.republish(id, &json!({"title": "Lịch công tác tuần 49", "details": schedule_week(moved)})).await;
        let week: PublishedWeek = app.get_json("/api/v1/units/phuong-1/schedule?week=2026-W49").await;
        let moved = week.entries.iter().find(|e| e.entry.id == "giao-ban").unwrap();
        let change = moved.change.as_ref().unwrap();
        assert_eq!((change.kind, change.fields.clone()), (ChangeKind::Changed, vec!["start".to_owned(), "location".to_owned()]));
        let cancelled = week.entries.iter().find(|e| e.entry.id == "tiep-dan").unwrap();
        assert_eq!(cancelled.change.as_ref().unwrap().kind, ChangeKind::Cancelled);
        assert_eq!(week.previous_week.to_string(), "2026-W48");

        let ics = app.get("/api/v1/units/phuong-1/schedule.ics?week=2026-W49").send().await.unwrap();
        assert_eq!(ics.status(), StatusCode::OK);
        assert!(ics.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
        let text = ics.text().await.unwrap();
        let calendar: icalendar::Calendar = text.parse().unwrap();
        let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
        assert_eq!(events.len(), 2);
        use icalendar::{Component, EventLike};
        let meeting = events.iter().find(|e| e.get_summary() == Some("Họp giao ban UBND phường") && e.get_location() == Some("Phòng họp số 2")).unwrap();
        assert_eq!(meeting.get_start(), Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc("2026-11-30T02:30:00Z".parse().unwrap()))));

        let bad = app.get("/api/v1/units/phuong-1/schedule?week=tuan-49").send().await.unwrap();
        assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
        let mut wrong_slug = json!({"kind": "weekly_schedule", "slug": "lich-tuan-nay", "title": "Lịch"});
        wrong_slug["details"] = schedule_week(json!([]));
        assert_eq!(problem(newsroom.create(&wrong_slug).await).await.errors[0].field, "slug");
    }

    async fn a_ward_admin_uploads_a_boundary_that_the_district_map_shows(app) {
        let admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let upload = |body: Value, token: String| {
            let request = app.client.put(app.url("/api/v1/units/phuong-1/boundary")).bearer_auth(token).json(&body);
            async move { request.send().await.unwrap() }
        };
        let open_ring = json!({"boundary": {"type": "Polygon", "coordinates": [[[106.66, 10.77], [106.67, 10.77], [106.67, 10.78], [106.66, 10.78]]]}});
        let refused = upload(open_ring, admin.access_token.clone()).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error = &problem(refused).await.errors[0];
        assert_eq!((error.field.as_str(), error.code.as_str()), ("boundary", "ring_not_closed"));
        assert_eq!(app.get("/api/v1/units/phuong-1/boundary").send().await.unwrap().status(), StatusCode::NOT_FOUND);

        let stored = upload(json!({"boundary": square(), "office": [106.665, 10.775], "illustrative": true}), admin.access_token.clone()).await;
        assert_eq!(stored.status(), StatusCode::OK);
        let feature: Value = app.get_json("/api/v1/units/phuong-1/boundary").await;
        assert_eq!(feature["properties"]["illustrative"], json!(true));
        assert_eq!(feature["properties"]["office"], json!([106.665, 10.775]));
        let district: Value = app.get_json("/api/v1/units/quan-10/boundary").await;
        assert_eq!(district["type"], "FeatureCollection");
        assert_eq!(district["features"][0]["properties"]["slug"], "phuong-1");

        let editor = app.login_as(Role::Editor, "phuong-1").await;
        assert_eq!(upload(json!({"boundary": square()}), editor.access_token).await.status(), StatusCode::FORBIDDEN);
        let other_admin = app.login_as(Role::WardAdmin, "phuong-2").await;
        assert_eq!(upload(json!({"boundary": square()}), other_admin.access_token).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.audit_events("boundary_updated").await, 1);
    }

    async fn a_planning_document_with_zones_is_published_and_bad_zones_refused(app) {
        let newsroom = app.newsroom("phuong-1").await;
        let planning = |zones: Value| json!({"kind": "planning", "slug": "qh-phan-khu-phuong-1", "title": "Quy hoạch phân khu tỷ lệ 1/2000 Phường 1", "details": {"planning": {
            "document": {"number": "1234/QĐ-UBND", "document_type": "quyet_dinh", "issuer": "Ủy ban nhân dân Thành phố", "signer": "Võ Văn Hoan", "issued_on": "2025-03-05", "validity": "in_force"},
            "plan_type": "zoning", "area_hectares": 52.4, "approval_decision": "Quyết định số 1234/QĐ-UBND ngày 05/3/2025", "status": "approved", "zones": zones}}});
        let unnamed = json!({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": square()}]});
        let refused = newsroom.create(&planning(unnamed)).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(refused).await.errors[0].field, "details.planning.zones.features[0]");

        let zones = json!({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Khu ở hiện hữu", "land_use": "residential"}, "geometry": square()}]});
        newsroom.publish(&planning(zones)).await;
        let listed: Vec<PlanningDocument> = app.get_json("/api/v1/units/phuong-1/planning").await;
        assert_eq!(listed[0].planning.area_hectares, Some(52.4));
        assert_eq!(listed[0].planning.zones.as_ref().unwrap()["features"][0]["properties"]["name"], "Khu ở hiện hữu");
        let district: Vec<PlanningDocument> = app.get_json("/api/v1/units/quan-10/planning").await;
        assert_eq!(district[0].unit.slug, "phuong-1");
    }
}
