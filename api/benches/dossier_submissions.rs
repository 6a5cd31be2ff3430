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

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::{BenchDatabase, CONCURRENCY, env_number, print_figures, print_header};

const WARDS: usize = 15;

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
    let database = BenchDatabase::create().await;
    api::seed::seed_procedures(&database.db).await.unwrap();
    let base = database.serve();
    let client = reqwest::Client::new();
    let token = citizen_token(&client, &base).await;

    println!("{}", database.engine());
    print_header(seconds, "filed", "filed/s");
    let duration = Duration::from_secs(seconds);
    let mut codes = run("one ward", &client, &base, &token, duration, |_| 1).await;
    codes.extend(
        run("15 wards", &client, &base, &token, duration, |i| {
            i % WARDS + 1
        })
        .await,
    );
    check_gap_free(codes);
    database.drop_postgres().await;
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
    print_figures(name, latencies, started.elapsed());
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
