use openapi::ErrorCode;
use openapi::auth::Role;
use reqwest::StatusCode;

use crate::helpers::problem;

on_both_databases! {
    async fn every_response_carries_security_headers_and_a_request_id(app) {
        for path in ["/api/v1/units", "/", "/api/v1/khong-co"] {
            let response = app.get(path).send().await.unwrap();
            let headers = response.headers();
            let csp = headers["content-security-policy"].to_str().unwrap();
            assert!(csp.contains("default-src 'self'") && csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
            assert_eq!(headers["x-content-type-options"], "nosniff");
            assert!(headers.contains_key("referrer-policy"));
            assert!(headers.contains_key("strict-transport-security"));
            assert!(!headers["x-request-id"].is_empty());
        }
    }

    async fn a_problem_carries_the_same_request_id_as_its_header(app) {
        let response = app.get("/api/v1/units/khong-co").send().await.unwrap();
        let header = response.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_eq!(problem(response).await.request_id.as_deref(), Some(header.as_str()));
    }

    async fn an_unknown_query_parameter_is_refused(app) {
        let response = app.get("/api/v1/units?sort=name").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let problem = problem(response).await;
        assert_eq!(problem.code, ErrorCode::InvalidQuery);
        assert!(problem.detail.unwrap().contains("sort"));
    }

    async fn a_body_that_is_not_json_is_a_problem_not_a_crash(app) {
        let response = app
            .post("/api/v1/auth/login")
            .header("content-type", "application/json")
            .body("{\"login\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(problem(response).await.code, ErrorCode::MalformedBody);
    }

    async fn signed_in_answers_are_never_cached(app) {
        let session = app.login_as(Role::Editor, "phuong-1").await;
        let response = app.me(&session.access_token).await;
        assert_eq!(response.headers()["cache-control"], "no-store");
    }

    async fn health_readiness_and_metrics_answer(app) {
        assert_eq!(app.get("/healthz").send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(app.get("/readyz").send().await.unwrap().text().await.unwrap(), "ready");
        app.get("/api/v1/units").send().await.unwrap();
        let metrics = app.get("/metrics").send().await.unwrap().text().await.unwrap();
        assert!(metrics.contains("http_requests_total{"), "{metrics}");
        assert!(metrics.contains("route=\"/api/v1/units\""));
    }

    async fn unknown_api_paths_are_problems_and_other_paths_get_the_web_app(app) {
        let response = app.get("/api/v1/khong-co").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(problem(response).await.code, ErrorCode::NotFound);
        let page = app.get("/quan-tri/tin-bai").send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.text().await.unwrap().contains("Cổng thông tin"));
    }

    async fn the_api_reference_is_served_without_the_internet(app) {
        let page = app.get("/api/docs/").send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert!(html.contains("swagger-ui"));
        assert!(!html.contains("https://"), "the reference UI must load nothing from elsewhere");
    }
}

on_both_databases! {
    async fn public_reads_carry_an_etag_and_answer_304_when_unchanged(app) {
        let first = app.get("/api/v1/units").send().await.unwrap();
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        assert_eq!(first.headers()["cache-control"], "public, no-cache");
        let again = app.get("/api/v1/units").header("if-none-match", &etag).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert!(again.bytes().await.unwrap().is_empty());
        let other = app.get("/api/v1/units/phuong-1").header("if-none-match", &etag).send().await.unwrap();
        assert_eq!(other.status(), StatusCode::OK);
    }
}
