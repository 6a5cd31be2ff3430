//! The committed `openapi/openapi.json` is the contract third parties read: it
//! must be exactly what the code generates and what the server serves.

const COMMITTED: &str = include_str!("../../../openapi/openapi.json");

#[test]
fn committed_openapi_document_matches_the_code() {
    let generated = api::openapi_doc::document_json().unwrap();
    assert!(
        generated == COMMITTED,
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}

#[test]
fn every_operation_documents_its_error_responses() {
    let document: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let has_error = responses
                .keys()
                .any(|status| status.starts_with('4') || status.starts_with('5'));
            let public_without_input =
                ["/healthz", "/metrics", "/api/v1/openapi.json"].contains(&path.as_str());
            assert!(
                has_error || public_without_input,
                "{method} {path} documents no error response"
            );
        }
    }
}

#[test]
fn staff_operations_name_their_roles() {
    let document: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    let staff_list = &document["paths"]["/api/v1/units/{unit}/staff"]["get"];
    assert_eq!(
        staff_list["security"][0]["bearer"],
        serde_json::json!(["ward_admin", "district_admin"])
    );
}

on_both_databases! {
    async fn the_served_document_is_the_committed_one(app) {
        let served = app.get("/api/v1/openapi.json").send().await.unwrap().text().await.unwrap();
        assert_eq!(served, COMMITTED);
    }
}
