//! What the benchmarks share: a database of their own (SQLite in a temporary
//! directory, or a fresh PostgreSQL database when `BENCH_DATABASE_URL` is set),
//! the real server on a free port, and the line of figures each scenario prints.

use std::time::Duration;

use api::config::{Config, MailConfig};
use api::startup::Application;
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// Concurrent clients in every scenario.
pub const CONCURRENCY: usize = 16;

pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The benchmark's own database, migrated and with the demo units.
pub struct BenchDatabase {
    pub db: DatabaseConnection,
    pub url: String,
    /// The PostgreSQL database made for the run, dropped by [`BenchDatabase::drop_postgres`].
    postgres: Option<String>,
    pub dir: tempfile::TempDir,
}

impl BenchDatabase {
    pub async fn create() -> BenchDatabase {
        let dir = tempfile::tempdir().unwrap();
        let (url, postgres) = match std::env::var("BENCH_DATABASE_URL") {
            Ok(admin_url) => {
                let name = format!("bench_{}", uuid::Uuid::new_v4().simple());
                let admin = api::db::connect(&admin_url).await.unwrap();
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .unwrap();
                let (server, _) = admin_url.rsplit_once('/').unwrap();
                (format!("{server}/{name}"), Some(name))
            }
            Err(_) => (
                format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("bench.db").display()
                ),
                None,
            ),
        };
        let db = api::db::connect(&url).await.unwrap();
        api::db::migrate(&db).await.unwrap();
        api::seed::seed_units(&db).await.unwrap();
        BenchDatabase {
            db,
            url,
            postgres,
            dir,
        }
    }

    pub fn engine(&self) -> &'static str {
        if self.postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    }

    /// Starts the real server on the database; the API's base address.
    pub fn serve(&self) -> String {
        let config = Config {
            listen_address: "127.0.0.1".into(),
            port: 0,
            data_dir: self.dir.path().to_path_buf(),
            database_url: Some(self.url.clone()),
            base_domains: vec!["localhost".into()],
            portal_unit: None,
            jwt_secret: Some("bench-secret-bench-secret-bench-secret".into()),
            access_token_seconds: 3600,
            refresh_token_days: 30,
            files_dir: None,
            web_dist: self.dir.path().join("no-web"),
            behind_proxy: false,
            feedback_rate_limits: Vec::new(),
            lookup_rate_limits: Vec::new(),
            upload_rate_limits: Vec::new(),
            mail: MailConfig {
                worker: false,
                ..MailConfig::default()
            },
        };
        let app = Application::build_with_db(config, self.db.clone()).unwrap();
        let base = format!("http://127.0.0.1:{}/api/v1", app.port());
        tokio::spawn(app.run_until_stopped());
        base
    }

    /// Drops the PostgreSQL database made for the run (SQLite's goes with its
    /// directory).
    pub async fn drop_postgres(self) {
        if let Some(name) = self.postgres {
            drop(self.db);
            let admin = api::db::connect(&std::env::var("BENCH_DATABASE_URL").unwrap())
                .await
                .unwrap();
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .unwrap();
        }
    }
}

/// The header over the scenarios' lines; `unit` names what is counted.
pub fn print_header(seconds: u64, done: &str, rate: &str) {
    println!(
        "\n{CONCURRENCY} concurrent clients, {seconds} s per scenario\n\n{:<22} {:>9} {:>9} {:>9} {:>9}",
        "scenario", done, rate, "p50 ms", "p99 ms"
    );
}

/// One scenario's line: how many, per second over `elapsed`, p50 and p99.
pub fn print_figures(name: &str, mut latencies: Vec<Duration>, elapsed: Duration) {
    latencies.sort();
    let percentile = |p: f64| {
        let index = ((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1);
        latencies[index.min(latencies.len() - 1)].as_secs_f64() * 1000.0
    };
    println!(
        "{:<22} {:>9} {:>9.1} {:>9.1} {:>9.1}",
        name,
        latencies.len(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(0.50),
        percentile(0.99)
    );
}
