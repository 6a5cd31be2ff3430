//! How fast the public reads are with a district's worth of news: 15 wards × 2,000
//! published articles. Prints requests per second and p50/p99 latency for the ward
//! news list, an article by slug and a search, through the real server over HTTP.
//!
//! `cargo bench -p api --bench public_reads` (SQLite in a temporary directory), or
//! with `BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres` for
//! PostgreSQL (a fresh database is created and dropped). `BENCH_ARTICLES` changes the
//! count per ward, `BENCH_SECONDS` the duration of each scenario.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use api::services::accounts::{self, NewStaff};
use api::text::{fold, markdown};
use chrono::{Duration as Age, Utc};
use entity::{content_item, content_revision};
use openapi::auth::{NewAccount, Role};
use openapi::values::{Email, FullName, Password};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::prelude::*;
use sea_orm::{QueryFilter, Set};
use support::{BenchDatabase, CONCURRENCY, env_number, print_figures, print_header};

const WARDS: usize = 15;

const TOPICS: [&str; 12] = [
    "Ra quân chiến dịch Mùa hè xanh",
    "Tổng vệ sinh môi trường khu dân cư",
    "Tiếp công dân định kỳ",
    "Phòng chống sốt xuất huyết",
    "Cải cách thủ tục hành chính",
    "Chỉnh trang đô thị trên đường Ba Tháng Hai",
    "Hội nghị đối thoại với người dân",
    "Tuyên truyền phòng cháy chữa cháy",
    "Trao học bổng cho học sinh vượt khó",
    "Khám sức khỏe miễn phí cho người cao tuổi",
    "Ngày hội đại đoàn kết toàn dân tộc",
    "Lấy ý kiến về quy hoạch khu phố",
];

const SENTENCES: [&str; 8] = [
    "Ủy ban nhân dân phường phối hợp cùng Mặt trận Tổ quốc tổ chức thực hiện.",
    "Đông đảo người dân trong khu phố đã tham gia hưởng ứng.",
    "Các tổ dân phố được phân công theo dõi và báo cáo kết quả hằng tuần.",
    "Thủ tục được giải quyết tại bộ phận một cửa của phường.",
    "Lực lượng đoàn viên thanh niên hỗ trợ hướng dẫn người dân.",
    "Kinh phí thực hiện từ nguồn ngân sách và vận động xã hội hóa.",
    "Kết quả sẽ được công khai trên cổng thông tin điện tử của phường.",
    "Mọi ý kiến đóng góp xin gửi về văn phòng Ủy ban nhân dân phường.",
];

/// What the citizens search for, typed without diacritics as on a phone.
const QUERIES: [&str; 6] = [
    "thu tuc hanh chinh",
    "ve sinh moi truong",
    "duong ba thang hai",
    "hoc bong",
    "phong chay",
    "nguoi cao tuoi",
];

#[tokio::main]
async fn main() {
    let per_ward = env_number("BENCH_ARTICLES", 2_000) as usize;
    let seconds = env_number("BENCH_SECONDS", 10);
    let database = BenchDatabase::create().await;

    let started = Instant::now();
    seed_articles(&database.db, per_ward).await;
    println!(
        "seeded {} wards × {per_ward} articles in {:.1} s ({})",
        WARDS,
        started.elapsed().as_secs_f64(),
        database.engine()
    );
    let base = database.serve();

    let duration = Duration::from_secs(seconds);
    print_header(seconds, "requests", "req/s");
    let news_list = |rng: &mut StdRng| {
        let ward = rng.random_range(1..=WARDS);
        format!("/units/phuong-{ward}/articles?limit=20")
    };
    let by_slug = move |rng: &mut StdRng| {
        let ward = rng.random_range(1..=WARDS);
        let number = rng.random_range(0..per_ward);
        format!("/units/phuong-{ward}/articles/tin-{ward}-{number}")
    };
    let search = |rng: &mut StdRng| {
        let ward = rng.random_range(1..=WARDS);
        let query = QUERIES[rng.random_range(0..QUERIES.len())].replace(' ', "+");
        format!("/search?q={query}&unit=phuong-{ward}")
    };
    run("ward news list", &base, duration, news_list).await;
    run("article by slug", &base, duration, by_slug).await;
    run("search (ward)", &base, duration, search).await;
    database.drop_postgres().await;
}

/// Published articles written straight into the tables, one transaction per ward:
/// the review path is measured by the tests, here only the reads matter.
async fn seed_articles(db: &DatabaseConnection, per_ward: usize) {
    let author = accounts::create_staff(
        db,
        NewStaff {
            account: NewAccount {
                full_name: FullName::parse("Biên tập viên Đo tải").unwrap(),
                email: Some(Email::parse("bench@demo.wardportal.vn").unwrap()),
                phone: None,
                password: Password::parse("mat-khau-do-tai-1").unwrap(),
            },
            role: Role::Editor,
            unit_id: 1,
        },
    )
    .await
    .unwrap();
    let mut rng = StdRng::seed_from_u64(10);
    let now = Utc::now();
    for ward in 1..=WARDS {
        let unit = api::services::units::by_slug(db, &format!("phuong-{ward}"))
            .await
            .unwrap();
        let txn = api::db::begin_write(db).await.unwrap();
        for chunk in (0..per_ward).collect::<Vec<_>>().chunks(500) {
            let items: Vec<content_item::ActiveModel> = chunk
                .iter()
                .map(|number| content_item::ActiveModel {
                    unit_id: Set(unit.id),
                    kind: Set("article".to_owned()),
                    slug: Set(format!("tin-{ward}-{number}")),
                    created_by: Set(author.id),
                    created_at: Set(now),
                    archived_at: Set(None),
                    ..Default::default()
                })
                .collect();
            content_item::Entity::insert_many(items)
                .exec(&txn)
                .await
                .unwrap();
            let slugs: Vec<String> = chunk.iter().map(|n| format!("tin-{ward}-{n}")).collect();
            let inserted = content_item::Entity::find()
                .filter(content_item::COLUMN.unit_id.eq(unit.id))
                .filter(content_item::COLUMN.slug.is_in(slugs))
                .all(&txn)
                .await
                .unwrap();
            let revisions: Vec<content_revision::ActiveModel> = inserted
                .iter()
                .map(|item| {
                    let topic = TOPICS[rng.random_range(0..TOPICS.len())];
                    let title = format!("{topic} tại {}", unit.name);
                    let body: Vec<&str> = (0..6)
                        .map(|_| SENTENCES[rng.random_range(0..SENTENCES.len())])
                        .collect();
                    let body = body.join(" ");
                    let published = now - Age::minutes(rng.random_range(1..525_600));
                    content_revision::ActiveModel {
                        item_id: Set(item.id),
                        number: Set(1),
                        state: Set("published".to_owned()),
                        search_text: Set(fold::fold(&format!("{title} {body}"))),
                        body_html: Set(markdown::render(&body)),
                        title: Set(title),
                        category: Set(Some("tin-tuc".to_owned())),
                        summary: Set(SENTENCES[0].to_owned()),
                        body_markdown: Set(body),
                        details: Set("{}".to_owned()),
                        author_id: Set(author.id),
                        created_at: Set(published),
                        updated_at: Set(published),
                        submitted_at: Set(Some(published)),
                        reviewed_by: Set(Some(author.id)),
                        reviewed_at: Set(Some(published)),
                        return_reason: Set(None),
                        publish_at: Set(Some(published)),
                        ..Default::default()
                    }
                })
                .collect();
            content_revision::Entity::insert_many(revisions)
                .exec(&txn)
                .await
                .unwrap();
        }
        txn.commit().await.unwrap();
    }
}

/// Runs `CONCURRENCY` clients asking for `path_of(rng)` for `duration`, then prints
/// one line of figures. Any answer but 200 stops the benchmark: figures of errors
/// are worth nothing.
async fn run(
    name: &str,
    base: &str,
    duration: Duration,
    path_of: impl Fn(&mut StdRng) -> String + Send + Sync + 'static,
) {
    let client = reqwest::Client::new();
    let path_of = Arc::new(path_of);
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..CONCURRENCY {
        let (client, base, path_of) = (client.clone(), base.to_owned(), path_of.clone());
        workers.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(worker as u64);
            let mut latencies = Vec::new();
            while Instant::now() < deadline {
                let url = format!("{base}{}", path_of(&mut rng));
                let sent = Instant::now();
                let response = client.get(&url).send().await.unwrap();
                let status = response.status();
                let body = response.bytes().await.unwrap();
                assert_eq!(status, 200, "{url}: {}", String::from_utf8_lossy(&body));
                latencies.push(sent.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await.unwrap());
    }
    print_figures(name, latencies, started.elapsed());
}
