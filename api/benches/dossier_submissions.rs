//! How fast citizens can file dossiers: submissions per second and p50/p99 latency
//! of `POST /api/v1/units/{unit}/dossiers` through the real server over HTTP, all
//! into one ward (every filing waits on that ward's daily sequence row) and spread
//! over 15 wards. At the end, each ward's codes are checked to run 1..n without a
//! gap or a repeat.
//!
//! `cargo bench -p api --bench dossier_submissions` (SQLite in a temporary
//! directory), or with `BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres`
//! for PostgreSQL (a fresh database is created and dropped). `BENCH_SECONDS` changes
//! the duration of each scenario.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use api::config::{Config, MailConfig};
use api::startup::Application;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

const WARDS: usize = 15;
const CONCURRENCY: usize = 16;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A request to certify copies (CT-BS): a complete form without files, so the
/// benchmark measures the filing, not the uploads.
fn copy_request() -> Value {
    json!({
        "procedure_code": "CT-BS",
        "form": {
            "applicant_name": "Trần Thị Mai",
            "applicant_id_number": "079190001234",
            "applicant_phone": "0912 345 678",
            "applicant_email": "mai.tran@example.com",
            "applicant_address": "12 Nguyễn Tri Phương",
            "document_title": "Bằng tốt nghiệp trung học phổ thông",
            "pages": 1,
            "copies": 3
        }
    })
}

#[tokio::main]
async fn main() {
    let seconds = env_number("BENCH_SECONDS", 10);
    let data_dir = tempfile::tempdir().unwrap();
    let (database_url, postgres) = database(&data_dir).await;
    let db = api::db::connect(&database_url).await.unwrap();
    api::db::migrate(&db).await.unwrap();
    api::seed::seed_units(&db).await.unwrap();
    api::seed::seed_procedures(&db).await.unwrap();

    let config = Config {
        listen_address: "127.0.0.1".into(),
        port: 0,
        data_dir: data_dir.path().to_path_buf(),
        database_url: Some(database_url.clone()),
        base_domains: vec!["localhost".into()],
        portal_unit: None,
        jwt_secret: Some("bench-secret-bench-secret-bench-secret".into()),
        access_token_seconds: 3600,
        refresh_token_days: 30,
        files_dir: None,
        web_dist: data_dir.path().join("no-web"),
        behind_proxy: false,
        feedback_rate_limits: Vec::new(),
        lookup_rate_limits: Vec::new(),
        upload_rate_limits: Vec::new(),
        mail: MailConfig {
            worker: false,
            ..MailConfig::default()
        },
    };
    let app = Application::build_with_db(config, db.clone()).unwrap();
    let base = format!("http://127.0.0.1:{}/api/v1", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let token = citizen_token(&client, &base).await;

    println!(
        "{}\n{CONCURRENCY} concurrent clients, {seconds} s per scenario\n\n{:<22} {:>9} {:>9} {:>9} {:>9}",
        if postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        "scenario",
        "filed",
        "filed/s",
        "p50 ms",
        "p99 ms"
    );
    let duration = Duration::from_secs(seconds);
    let mut codes = run("one ward", &client, &base, &token, duration, |_| 1).await;
    codes.extend(
        run("15 wards", &client, &base, &token, duration, |i| {
            i % WARDS + 1
        })
        .await,
    );
    check_gap_free(codes);

    if let Some(name) = postgres {
        drop(db);
        let admin = api::db::connect(&postgres_admin_url()).await.unwrap();
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await
            .unwrap();
    }
}

async fn citizen_token(client: &reqwest::Client, base: &str) -> String {
    let credentials = json!({
        "full_name": "Trần Thị Mai",
        "email": "bench.citizen@example.com",
        "password": "mat-khau-do-tai-1"
    });
    let registered = client
        .post(format!("{base}/auth/register"))
        .json(&credentials)
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), 201);
    let signed_in: Value = client
        .post(format!("{base}/auth/login"))
        .json(&json!({"login": credentials["email"], "password": credentials["password"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    signed_in["access_token"].as_str().unwrap().to_owned()
}

/// Files for `duration` with [`CONCURRENCY`] clients, the nth filing into ward
/// `ward_of(n)`; prints the rates and returns the codes given.
async fn run(
    name: &str,
    client: &reqwest::Client,
    base: &str,
    token: &str,
    duration: Duration,
    ward_of: impl Fn(usize) -> usize + Send + Sync + 'static,
) -> Vec<String> {
    let ward_of = Arc::new(ward_of);
    let body = Arc::new(copy_request());
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..CONCURRENCY {
        let (client, base, token, ward_of, body) = (
            client.clone(),
            base.to_owned(),
            token.to_owned(),
            ward_of.clone(),
            body.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut filed = Vec::new();
            let mut n = worker;
            while Instant::now() < deadline {
                let url = format!("{base}/units/phuong-{}/dossiers", ward_of(n));
                let sent = Instant::now();
                let response = client
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&*body)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let answer: Value = response.json().await.unwrap();
                assert_eq!(status, 201, "{url}: {answer}");
                filed.push((sent.elapsed(), answer["code"].as_str().unwrap().to_owned()));
                n += CONCURRENCY;
            }
            filed
        }));
    }
    let mut latencies = Vec::new();
    let mut codes = Vec::new();
    for worker in workers {
        for (latency, code) in worker.await.unwrap() {
            latencies.push(latency);
            codes.push(code);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| {
        let index = ((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1);
        latencies[index.min(latencies.len() - 1)].as_secs_f64() * 1000.0
    };
    println!(
        "{:<22} {:>9} {:>9.1} {:>9.1} {:>9.1}",
        name,
        latencies.len(),
        latencies.len() as f64 / elapsed,
        percentile(0.50),
        percentile(0.99)
    );
    codes
}

/// Each ward's numbers of the day run 1..n: none skipped, none given twice.
fn check_gap_free(codes: Vec<String>) {
    let mut by_prefix: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for code in codes {
        let (prefix, number) = code.rsplit_once('-').unwrap();
        by_prefix
            .entry(prefix.to_owned())
            .or_default()
            .push(number.parse().unwrap());
    }
    for (prefix, mut numbers) in by_prefix {
        numbers.sort_unstable();
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        assert_eq!(numbers, expected, "{prefix}: numbers not 1..n");
    }
    println!("\nevery ward's codes run 1..n without gaps or repeats");
}

fn postgres_admin_url() -> String {
    std::env::var("BENCH_DATABASE_URL").unwrap()
}

async fn database(dir: &tempfile::TempDir) -> (String, Option<String>) {
    match std::env::var("BENCH_DATABASE_URL") {
        Ok(url) => {
            let name = format!("bench_{}", uuid::Uuid::new_v4().simple());
            let admin = api::db::connect(&url).await.unwrap();
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            let (server, _) = url.rsplit_once('/').unwrap();
            (format!("{server}/{name}"), Some(name))
        }
        Err(_) => (
            format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("bench.db").display()
            ),
            None,
        ),
    }
}
