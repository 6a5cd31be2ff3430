//! Open311 GeoReport v2 for third parties: discovery, a ward's services, sending
//! feedback with an API key and reading it back by id and token, in JSON and XML,
//! and every refusal in the specification's error format.

use openapi::api_keys::{ApiKey, IssuedApiKey};
use openapi::auth::Role;
use openapi::feedback::{FeedbackCategory, FeedbackState, FeedbackStatus};
use openapi::open311::{
    Discovery, Open311Error, Service, ServiceDefinition, ServiceRequest, ServiceRequestCreated,
    ServiceRequestToken,
};
use reqwest::{Response, StatusCode};
use serde_json::json;

use crate::feedback_arrange::{desk, prepared};
use crate::helpers::{Session, TestApp};

const PHONE: &str = "0903123456";
const DESCRIPTION: &str = "Đèn đường trước số 45 Sư Vạn Hạnh bị hỏng hơn một tuần, buổi tối rất tối và nguy hiểm cho người đi bộ";

/// A ward admin makes a key for `unit` with both scopes.
async fn key_for(app: &TestApp, unit: &str) -> (Session, IssuedApiKey) {
    let admin = app.login_as(Role::WardAdmin, unit).await;
    let issued = make_key(app, &admin, unit).await;
    (admin, issued)
}

async fn make_key(app: &TestApp, admin: &Session, unit: &str) -> IssuedApiKey {
    let response = app
        .post(&format!("/api/v1/units/{unit}/api-keys"))
        .bearer_auth(&admin.access_token)
        .json(&json!({"label": "Ứng dụng Công dân số", "scopes": ["feedback:write", "feedback:read"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

/// A street-light report for `jurisdiction`, with `key` when given.
fn streetlight<'a>(jurisdiction: &'a str, key: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("jurisdiction_id", jurisdiction),
        ("service_code", "ha-tang-giao-thong"),
        ("address_string", "45 Sư Vạn Hạnh"),
        ("description", DESCRIPTION),
        ("first_name", "Trần"),
        ("last_name", "Thị Mai"),
        ("phone", PHONE),
    ];
    if let Some(key) = key {
        form.push(("api_key", key));
    }
    form
}

async fn send(app: &TestApp, format: &str, form: &[(&str, &str)]) -> Response {
    app.post(&format!("/open311/v2/requests.{format}"))
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn sent(app: &TestApp, form: &[(&str, &str)]) -> ServiceRequestCreated {
    let response = send(app, "json", form).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let mut created: Vec<ServiceRequestCreated> = response.json().await.unwrap();
    assert_eq!(created.len(), 1);
    created.remove(0)
}

/// An XML answer: its status, content type and text.
async fn xml(response: Response) -> (StatusCode, String) {
    let status = response.status();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/xml"), "{content_type}");
    let text = response.text().await.unwrap();
    assert!(
        text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "{text}"
    );
    (status, text)
}

/// A JSON failure in the specification's shape: its one error.
async fn refusal(response: Response, status: StatusCode) -> Open311Error {
    assert_eq!(response.status(), status);
    let mut errors: Vec<Open311Error> = response.json().await.unwrap();
    assert!(!errors.is_empty());
    assert_eq!(errors[0].code, status.as_u16());
    errors.remove(0)
}

async fn keys_of(app: &TestApp, admin: &Session, unit: &str) -> Response {
    app.get(&format!("/api/v1/units/{unit}/api-keys"))
        .bearer_auth(&admin.access_token)
        .send()
        .await
        .unwrap()
}

on_both_databases! {
    async fn discovery_names_the_specification_and_both_formats(app) {
        let discovery: Discovery = app.get_json("/open311/v2/discovery.json").await;
        let endpoint = &discovery.endpoints[0];
        assert_eq!(endpoint.specification, "http://wiki.open311.org/GeoReport_v2");
        assert!(endpoint.url.ends_with("/open311/v2"), "{}", endpoint.url);
        assert_eq!(endpoint.formats, ["application/json", "text/xml"]);

        let (status, text) = xml(app.get("/open311/v2/discovery.xml").send().await.unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(text.contains("<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>"), "{text}");
        assert!(text.contains("<formats><format>application/json</format><format>text/xml</format></formats>"), "{text}");

        let unknown = app.get("/open311/v2/discovery.csv").send().await.unwrap();
        refusal(unknown, StatusCode::NOT_FOUND).await;
    }

    async fn the_services_of_a_ward_are_its_feedback_categories(app) {
        prepared(&app).await;
        let categories: Vec<FeedbackCategory> = app.get_json("/api/v1/units/phuong-1/feedback-categories").await;
        let services: Vec<Service> = app.get_json("/open311/v2/services.json?jurisdiction_id=phuong-1").await;
        let pairs = |s: &Service| (s.service_code.clone(), s.service_name.clone());
        assert_eq!(
            services.iter().map(pairs).collect::<Vec<_>>(),
            categories.iter().map(|c| (c.code.clone(), c.name.clone())).collect::<Vec<_>>()
        );
        assert!(services.iter().all(|s| !s.metadata && s.kind == "realtime"));
        assert_eq!(services[0].group, "Bộ phận Kinh tế - Hạ tầng - Đô thị");

        let (_, text) = xml(app.get("/open311/v2/services.xml?jurisdiction_id=phuong-1").send().await.unwrap()).await;
        assert!(text.contains("<services><service><service_code>trat-tu-do-thi</service_code>"), "{text}");
        assert!(text.contains("<metadata>false</metadata><type>realtime</type>"), "{text}");

        let definition: ServiceDefinition = app.get_json("/open311/v2/services/trat-tu-do-thi.json?jurisdiction_id=phuong-1").await;
        assert!(definition.attributes.is_empty());
        let (_, text) = xml(app.get("/open311/v2/services/trat-tu-do-thi.xml?jurisdiction_id=phuong-1").send().await.unwrap()).await;
        assert!(text.contains("<service_definition><service_code>trat-tu-do-thi</service_code><attributes></attributes></service_definition>"), "{text}");

        let no_jurisdiction = app.get("/open311/v2/services.json").send().await.unwrap();
        assert!(refusal(no_jurisdiction, StatusCode::BAD_REQUEST).await.description.contains("jurisdiction_id"));
        let unknown_ward = app.get("/open311/v2/services.json?jurisdiction_id=phuong-99").send().await.unwrap();
        refusal(unknown_ward, StatusCode::NOT_FOUND).await;
        let unknown_service = app.get("/open311/v2/services/thue-nha-dat.json?jurisdiction_id=phuong-1").send().await.unwrap();
        refusal(unknown_service, StatusCode::NOT_FOUND).await;
        let unknown_parameter = app.get("/open311/v2/services.json?jurisdiction_id=phuong-1&page=2").send().await.unwrap();
        assert_eq!(refusal(unknown_parameter, StatusCode::BAD_REQUEST).await.description, "page: tham số không được hỗ trợ");
    }

    async fn a_request_sent_with_a_key_reads_back_by_id_and_by_token(app) {
        prepared(&app).await;
        let (_, issued) = key_for(&app, "phuong-1").await;
        let created = sent(&app, &streetlight("phuong-1", Some(&issued.secret))).await;
        let code = created.service_request_id.clone();
        assert!(code.starts_with("PA-") && code.len() == 14, "{code}");
        assert_eq!(created.token, code);
        assert!(created.service_notice.contains(&code), "{}", created.service_notice);
        assert_eq!(created.account_id, None);

        // The same feedback the web form makes: the citizen finds it by code and phone.
        let status: FeedbackStatus = app.get_json(&format!("/api/v1/feedback/{code}?contact={PHONE}")).await;
        assert_eq!(status.state, FeedbackState::Received);
        assert_eq!(status.category.code, "ha-tang-giao-thong");
        assert_eq!(status.content, DESCRIPTION);
        assert!(DESCRIPTION.starts_with(status.title.trim_end_matches('…')), "{}", status.title);
        assert_eq!(app.audit_events("feedback_received").await, 1);
        assert_eq!(app.audit_events("open311_request_received").await, 1);

        let by_id = app.get(&format!("/open311/v2/requests/{code}.json")).send().await.unwrap();
        assert_eq!(by_id.status(), StatusCode::OK);
        let text = by_id.text().await.unwrap();
        assert!(!text.contains(PHONE) && !text.contains("Mai"), "contact data leaked: {text}");
        let requests: Vec<ServiceRequest> = serde_json::from_str(&text).unwrap();
        assert_eq!(requests[0].service_request_id, code);
        assert_eq!(requests[0].status.as_str(), "open");
        assert_eq!(requests[0].status_notes, "Phường đã tiếp nhận phản ánh và đang phân loại");
        assert_eq!(requests[0].service_code, "ha-tang-giao-thong");
        assert_eq!(requests[0].address.as_deref(), Some("45 Sư Vạn Hạnh"));

        let tokens: Vec<ServiceRequestToken> = app.get_json(&format!("/open311/v2/tokens/{}.json", created.token)).await;
        assert_eq!(tokens[0].service_request_id, code);

        let (status, text) = xml(app.get(&format!("/open311/v2/requests/{code}.xml?jurisdiction_id=phuong-1")).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(text.contains(&format!("<service_requests><request><service_request_id>{code}</service_request_id><status>open</status>")), "{text}");
        let (_, text) = xml(app.get(&format!("/open311/v2/tokens/{code}.xml")).send().await.unwrap()).await;
        assert!(text.contains(&format!("<request><service_request_id>{code}</service_request_id><token>{code}</token></request>")), "{text}");

        // Sent as XML, answered as XML.
        let (status, text) = xml(send(&app, "xml", &streetlight("phuong-1", Some(&issued.secret))).await).await;
        assert_eq!(status, StatusCode::CREATED);
        assert!(text.contains("<service_requests><request><service_request_id>PA-"), "{text}");
        assert!(text.contains("<account_id/>"), "{text}");

        // Asked in another ward's jurisdiction, it does not exist.
        let elsewhere = app.get(&format!("/open311/v2/requests/{code}.json?jurisdiction_id=phuong-2")).send().await.unwrap();
        refusal(elsewhere, StatusCode::NOT_FOUND).await;
    }

    async fn a_request_without_a_key_is_refused_in_the_specification_format(app) {
        prepared(&app).await;
        let error = refusal(send(&app, "json", &streetlight("phuong-1", None)).await, StatusCode::FORBIDDEN).await;
        assert!(error.description.contains("api_key"), "{}", error.description);
        let wrong = refusal(send(&app, "json", &streetlight("phuong-1", Some("wpk_0000000000_khong-dung"))).await, StatusCode::FORBIDDEN).await;
        assert_eq!(wrong.description, "Khóa API không hợp lệ");

        let (status, text) = xml(send(&app, "xml", &streetlight("phuong-1", None)).await).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(text.contains("<errors><error><code>403</code><description>"), "{text}");
        assert_eq!(app.audit_events("feedback_received").await, 0);
    }

    async fn a_revoked_key_is_refused(app) {
        prepared(&app).await;
        let (admin, issued) = key_for(&app, "phuong-1").await;
        let revoked = app.client.delete(app.url(&format!("/api/v1/units/phuong-1/api-keys/{}", issued.key.id)))
            .bearer_auth(&admin.access_token).send().await.unwrap();
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        assert_eq!(app.audit_events("api_key_revoked").await, 1);

        let error = refusal(send(&app, "json", &streetlight("phuong-1", Some(&issued.secret))).await, StatusCode::FORBIDDEN).await;
        assert_eq!(error.description, "Khóa API đã bị thu hồi");
        let keys: Vec<ApiKey> = keys_of(&app, &admin, "phuong-1").await.json().await.unwrap();
        assert!(keys[0].revoked_at.is_some());
        assert_eq!(app.audit_events("feedback_received").await, 0);
    }

    async fn a_key_of_phuong_2_cannot_send_to_phuong_1(app) {
        prepared(&app).await;
        let (_, issued) = key_for(&app, "phuong-2").await;
        let error = refusal(send(&app, "json", &streetlight("phuong-1", Some(&issued.secret))).await, StatusCode::FORBIDDEN).await;
        assert_eq!(error.description, "Khóa API không được cấp cho đơn vị này");
        sent(&app, &streetlight("phuong-2", Some(&issued.secret))).await;

        // A district's key serves every ward below it.
        let district_admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let district_key = make_key(&app, &district_admin, "quan-10").await;
        sent(&app, &streetlight("phuong-1", Some(&district_key.secret))).await;
    }

    async fn an_unknown_service_code_is_a_bad_request_in_the_specification_format(app) {
        prepared(&app).await;
        let (_, issued) = key_for(&app, "phuong-1").await;
        let mut form = streetlight("phuong-1", Some(&issued.secret));
        form[1] = ("service_code", "thue-nha-dat");
        let error = refusal(send(&app, "json", &form).await, StatusCode::BAD_REQUEST).await;
        assert!(error.description.starts_with("service_code: "), "{}", error.description);
        let (status, text) = xml(send(&app, "xml", &form).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(text.contains("<errors><error><code>400</code><description>service_code: "), "{text}");

        // Each missing piece is named by its Open311 parameter.
        let bare = [("jurisdiction_id", "phuong-1"), ("service_code", "khac"), ("description", "Ngắn quá"), ("api_key", issued.secret.as_str())];
        let response = send(&app, "json", &bare).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let errors: Vec<Open311Error> = response.json().await.unwrap();
        let named: Vec<&str> = errors.iter().map(|e| e.description.split(':').next().unwrap()).collect();
        assert_eq!(named, ["description", "first_name", "phone"]);

        // No service asks for attributes, so one sent is refused rather than lost.
        let mut with_attribute = streetlight("phuong-1", Some(&issued.secret));
        with_attribute.push(("attribute[cot_den]", "12"));
        let error = refusal(send(&app, "json", &with_attribute).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(error.description, "attribute[cot_den]: tham số không được hỗ trợ");
        assert_eq!(app.audit_events("feedback_received").await, 0);
    }

    async fn the_key_list_never_shows_the_secret_and_records_the_last_use(app) {
        prepared(&app).await;
        let (admin, issued) = key_for(&app, "phuong-1").await;
        assert!(issued.secret.starts_with(&format!("{}_", issued.key.prefix)));
        assert_eq!(app.audit_events("api_key_created").await, 1);

        let listed = keys_of(&app, &admin, "phuong-1").await;
        assert_eq!(listed.status(), StatusCode::OK);
        let text = listed.text().await.unwrap();
        let secret_part = issued.secret.rsplit_once('_').map(|(_, s)| s).unwrap_or(&issued.secret);
        assert!(!text.contains(secret_part), "the key leaked: {text}");
        let keys: Vec<ApiKey> = serde_json::from_str(&text).unwrap();
        assert_eq!(keys[0].prefix, issued.key.prefix);
        assert_eq!(keys[0].last_used_at, None);

        sent(&app, &streetlight("phuong-1", Some(&issued.secret))).await;
        let keys: Vec<ApiKey> = keys_of(&app, &admin, "phuong-1").await.json().await.unwrap();
        assert!(keys[0].last_used_at.is_some());

        // Only the unit's admins manage its keys.
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        assert_eq!(keys_of(&app, &editor, "phuong-1").await.status(), StatusCode::FORBIDDEN);
        let other_admin = app.login_as(Role::WardAdmin, "phuong-2").await;
        assert_eq!(keys_of(&app, &other_admin, "phuong-1").await.status(), StatusCode::NOT_FOUND);
        let foreign_revoke = app.client.delete(app.url(&format!("/api/v1/units/phuong-2/api-keys/{}", issued.key.id)))
            .bearer_auth(&other_admin.access_token).send().await.unwrap();
        assert_eq!(foreign_revoke.status(), StatusCode::NOT_FOUND);
    }

    async fn the_public_list_filters_by_code_and_status_and_leaves_out_private_feedback(app) {
        prepared(&app).await;
        let (_, issued) = key_for(&app, "phuong-1").await;
        let first = sent(&app, &streetlight("phuong-1", Some(&issued.secret))).await;
        sent(&app, &streetlight("phuong-1", Some(&issued.secret))).await;
        let private = app.post("/api/v1/units/phuong-1/feedback").json(&json!({
            "category": "khac", "title": "Xin giữ kín", "content": "Nội dung phản ánh xin phường không công bố ra ngoài.",
            "contact_name": "Lê Văn Tư", "contact_phone": "0911222333", "consent": true, "public": false
        })).send().await.unwrap();
        assert_eq!(private.status(), StatusCode::CREATED);

        let all: Vec<ServiceRequest> = app.get_json("/open311/v2/requests.json?jurisdiction_id=phuong-1").await;
        assert_eq!(all.len(), 2);
        let open: Vec<ServiceRequest> = app.get_json("/open311/v2/requests.json?jurisdiction_id=phuong-1&status=open").await;
        assert_eq!(open.len(), 2);
        let closed: Vec<ServiceRequest> = app.get_json("/open311/v2/requests.json?jurisdiction_id=phuong-1&status=closed").await;
        assert!(closed.is_empty());
        let one: Vec<ServiceRequest> = app.get_json(&format!("/open311/v2/requests.json?jurisdiction_id=phuong-1&service_request_id={}", first.service_request_id)).await;
        assert_eq!(one.len(), 1);
        let other_ward: Vec<ServiceRequest> = app.get_json("/open311/v2/requests.json?jurisdiction_id=phuong-2").await;
        assert!(other_ward.is_empty());
        let long_ago: Vec<ServiceRequest> = app.get_json("/open311/v2/requests.json?jurisdiction_id=phuong-1&end_date=2020-01-01T00:00:00%2B07:00").await;
        assert!(long_ago.is_empty());

        let (_, text) = xml(app.get("/open311/v2/requests.xml?jurisdiction_id=phuong-1").send().await.unwrap()).await;
        assert_eq!(text.matches("<request>").count(), 2, "{text}");
        assert!(!text.contains(PHONE) && !text.contains("0911222333"), "{text}");

        let bad_status = app.get("/open311/v2/requests.json?jurisdiction_id=phuong-1&status=pending").send().await.unwrap();
        refusal(bad_status, StatusCode::BAD_REQUEST).await;
        let bad_date = app.get("/open311/v2/requests.json?jurisdiction_id=phuong-1&start_date=hom-qua").send().await.unwrap();
        refusal(bad_date, StatusCode::BAD_REQUEST).await;
    }
}

on_both_databases! {
    async fn published_feedback_reads_as_closed_with_the_approved_texts_and_xml_escaped(app) {
        prepared(&app).await;
        let (_, issued) = key_for(&app, "phuong-1").await;
        let mut form = streetlight("phuong-1", Some(&issued.secret));
        form[2] = ("address_string", "Hẻm 12 & 14 <cạnh chợ>");
        form[3] = ("description", "Đèn đường hẻm 12 hỏng cả tuần, cần sửa gấp; gọi tôi 0903123456 khi có thợ đến.");
        let created = sent(&app, &form).await;
        let code = created.service_request_id.as_str();

        let desk = desk(&app, "phuong-1").await;
        desk.take_to(&app, code, FeedbackState::Forwarded).await;
        desk.step(&app, &desk.officer, code, "answer", json!({"reply": "Đã thay bóng đèn hẻm 12."})).await;
        desk.walk(&app, code, &[FeedbackState::Approved, FeedbackState::Published]).await;

        let closed: Vec<ServiceRequest> = app.get_json("/open311/v2/requests.json?jurisdiction_id=phuong-1&status=closed").await;
        assert_eq!(closed.len(), 1);
        assert_eq!(closed[0].status.as_str(), "closed");
        assert_eq!(closed[0].status_notes, "Phường đã trả lời và công bố kết quả. Trả lời: Đã thay bóng đèn hẻm 12.");
        let description = closed[0].description.as_deref().unwrap();
        assert!(description.starts_with("Đèn đường hẻm 12 hỏng cả tuần"), "{description}");
        assert!(!description.contains("0903123456"), "{description}");

        let (_, text) = xml(app.get(&format!("/open311/v2/requests/{code}.xml")).send().await.unwrap()).await;
        assert!(text.contains("<status>closed</status>"), "{text}");
        assert!(text.contains("<address>Hẻm 12 &amp; 14 &lt;cạnh chợ&gt;</address>"), "{text}");
        assert!(text.contains("<description>Đèn đường hẻm 12"), "{text}");
    }
}
