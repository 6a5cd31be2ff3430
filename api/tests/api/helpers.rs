//! Starting the app for a test, and typed helpers to talk to it.

use api::config::{Config, MailConfig};
use api::services::accounts::{self, NewStaff};
use api::startup::Application;
use openapi::Problem;
use openapi::auth::{Role, TokenResponse};
use openapi::values::{Email, FullName, Password};
use reqwest::header::{COOKIE, HOST, SET_COOKIE};
use reqwest::{RequestBuilder, Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

/// The signing secret of every test app, so tests can forge tokens.
pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret-000";

#[derive(Debug, Clone, Copy)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// Runs each test body once per database, as `name::sqlite` and `name::postgres`.
macro_rules! on_both_databases {
    // With `configured`, the app's configuration is first changed by `$configure`.
    ($(async fn $name:ident($app:ident) configured $configure:expr; $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: crate::helpers::TestApp) $body

                #[tokio::test]
                async fn sqlite() {
                    run(crate::helpers::spawn_app_with(crate::helpers::Db::Sqlite, $configure).await).await
                }

                #[tokio::test]
                async fn postgres() {
                    run(crate::helpers::spawn_app_with(crate::helpers::Db::Postgres, $configure).await).await
                }
            }
        )*
    };
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn run($app: crate::helpers::TestApp) $body

                #[tokio::test]
                async fn sqlite() {
                    run(crate::helpers::spawn_app(crate::helpers::Db::Sqlite).await).await
                }

                #[tokio::test]
                async fn postgres() {
                    run(crate::helpers::spawn_app(crate::helpers::Db::Postgres).await).await
                }
            }
        )*
    };
}

pub struct TestApp {
    pub port: u16,
    pub db: DatabaseConnection,
    pub client: reqwest::Client,
    _data_dir: tempfile::TempDir,
    postgres_database: Option<String>,
    database_url: String,
}

/// Another server process's worth of the same app: its own connection pool and
/// listener over the same database and data directory, as when a ward portal runs
/// on several nodes.
pub struct OtherInstance {
    pub port: u16,
}

impl OtherInstance {
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// The admin URL with its database name replaced.
fn postgres_url_for(database: &str) -> String {
    let admin = postgres_admin_url();
    let (base, _) = admin
        .rsplit_once('/')
        .expect("TEST_POSTGRES_URL names a database");
    format!("{base}/{database}")
}

async fn create_postgres_database() -> String {
    let name = format!("test_{}", uuid::Uuid::new_v4().simple());
    let admin = Database::connect(postgres_admin_url())
        .await
        .unwrap_or_else(|error| {
            panic!(
                "PostgreSQL does not answer at {} ({error}). Start it, or set TEST_POSTGRES_URL.",
                postgres_admin_url()
            )
        });
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    admin.close().await.ok();
    name
}

pub async fn spawn_app(db: Db) -> TestApp {
    spawn_app_with(db, |_| {}).await
}

/// An app whose configuration `adjust` changed first.
pub async fn spawn_app_with(db: Db, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let web_dist = data_dir.path().join("dist");
    std::fs::create_dir_all(&web_dist).unwrap();
    std::fs::write(
        web_dist.join("index.html"),
        "<!doctype html><title>Cổng thông tin</title>",
    )
    .unwrap();
    let (database_url, postgres_database) = match db {
        Db::Sqlite => (
            format!(
                "sqlite://{}?mode=rwc",
                data_dir.path().join("test.db").display()
            ),
            None,
        ),
        Db::Postgres => {
            let name = create_postgres_database().await;
            (postgres_url_for(&name), Some(name))
        }
    };
    let mut config = test_config(data_dir.path(), &database_url);
    adjust(&mut config);
    let connection = api::db::connect(&database_url).await.expect("connect");
    api::db::migrate(&connection).await.expect("migrate");
    api::seed::seed_units(&connection)
        .await
        .expect("seed units");
    let app = Application::build_with_db(config, connection.clone()).expect("build app");
    let port = app.port();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        port,
        db: connection,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        _data_dir: data_dir,
        postgres_database,
        database_url,
    }
}

/// The configuration of a test app over `database_url` with its files in `data_dir`.
fn test_config(data_dir: &std::path::Path, database_url: &str) -> Config {
    Config {
        listen_address: "127.0.0.1".into(),
        port: 0,
        data_dir: data_dir.to_path_buf(),
        database_url: Some(database_url.to_owned()),
        base_domains: vec!["localhost".into(), "quan10.gov.vn".into()],
        portal_unit: None,
        jwt_secret: Some(JWT_SECRET.into()),
        access_token_seconds: 900,
        refresh_token_days: 30,
        files_dir: None,
        web_dist: data_dir.join("dist"),
        // Every request of a test comes from 127.0.0.1: no limit unless a test sets one.
        behind_proxy: false,
        feedback_rate_limits: Vec::new(),
        lookup_rate_limits: Vec::new(),
        upload_rate_limits: Vec::new(),
        // Tests that need the worker run it themselves, so no test sees a message
        // vanish from the outbox while it looks.
        mail: MailConfig {
            worker: false,
            ..MailConfig::default()
        },
    }
}

impl TestApp {
    /// Starts a second server over this app's database and data directory. It
    /// stops with the test's runtime.
    pub async fn other_instance(&self) -> OtherInstance {
        let connection = api::db::connect(&self.database_url).await.expect("connect");
        let config = test_config(self.data_dir(), &self.database_url);
        let app = Application::build_with_db(config, connection).expect("build app");
        let port = app.port();
        tokio::spawn(app.run_until_stopped());
        OtherInstance { port }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let Some(name) = self.postgres_database.take() else {
            return;
        };
        // Drop is not async: a short-lived runtime on its own thread drops the database.
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                if let Ok(admin) = Database::connect(postgres_admin_url()).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            });
        })
        .join()
        .ok();
    }
}

/// A login and password that work on the test app.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub login: String,
    pub password: String,
}

/// A signed-in session: the access token and the refresh cookie's value.
#[derive(Debug, Clone)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
}

impl TestApp {
    /// The app's `DATA_DIR`.
    pub fn data_dir(&self) -> &std::path::Path {
        self._data_dir.path()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.client.get(self.url(path))
    }

    pub fn post(&self, path: &str) -> RequestBuilder {
        self.client.post(self.url(path))
    }

    /// A public GET that must answer 200, decoded.
    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let response = self.get(path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.json().await.unwrap()
    }

    /// `GET /api/v1/site` as a browser on `host` would send it.
    pub async fn site_for_host(&self, host: &str) -> Response {
        self.get("/api/v1/site")
            .header(HOST, host)
            .send()
            .await
            .unwrap()
    }

    /// Creates a staff account holding `role` in the unit `unit_slug`.
    pub async fn create_staff(&self, role: Role, unit_slug: &str) -> Credentials {
        let unit = api::services::units::by_slug(&self.db, unit_slug)
            .await
            .unwrap();
        let login = format!(
            "{}.{}.{}@test.wardportal.vn",
            role.as_str().replace('_', "-"),
            unit_slug,
            uuid::Uuid::new_v4().simple()
        );
        let password = "mat-khau-kiem-thu-1".to_owned();
        accounts::create_staff(
            &self.db,
            NewStaff {
                account: openapi::auth::NewAccount {
                    full_name: FullName::parse("Nguyễn Văn Kiểm Thử").unwrap(),
                    email: Some(Email::parse(&login).unwrap()),
                    phone: None,
                    password: Password::parse(&password).unwrap(),
                },
                role,
                unit_id: unit.id,
            },
        )
        .await
        .unwrap();
        Credentials { login, password }
    }

    /// Registers a citizen through the API.
    pub async fn register_citizen(&self) -> Credentials {
        let login = format!("citizen.{}@example.com", uuid::Uuid::new_v4().simple());
        let password = "mat-khau-cong-dan-1".to_owned();
        let response = self
            .post("/api/v1/auth/register")
            .json(&serde_json::json!({"full_name": "Lê Thị Hoa", "email": login, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        Credentials { login, password }
    }

    pub async fn login(&self, credentials: &Credentials) -> Response {
        self.post("/api/v1/auth/login")
            .json(
                &serde_json::json!({"login": credentials.login, "password": credentials.password}),
            )
            .send()
            .await
            .unwrap()
    }

    pub async fn sign_in(&self, credentials: &Credentials) -> Session {
        let response = self.login(credentials).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "sign-in of {}",
            credentials.login
        );
        session_from(response).await
    }

    pub async fn login_as(&self, role: Role, unit_slug: &str) -> Session {
        let credentials = self.create_staff(role, unit_slug).await;
        self.sign_in(&credentials).await
    }

    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.post("/api/v1/auth/refresh")
            .header(COOKIE, format!("wp_refresh={refresh_token}"))
            .send()
            .await
            .unwrap()
    }

    pub async fn me(&self, access_token: &str) -> Response {
        self.get("/api/v1/me")
            .bearer_auth(access_token)
            .send()
            .await
            .unwrap()
    }

    pub async fn audit_events(&self, event: &str) -> i64 {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        entity::audit_event::Entity::find()
            .filter(entity::audit_event::Column::Event.eq(event))
            .count(&self.db)
            .await
            .unwrap() as i64
    }
}

/// The refresh cookie set by a response, if any.
pub fn refresh_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("wp_refresh="))
        .map(str::to_owned)
}

pub async fn session_from(response: Response) -> Session {
    let cookie = refresh_cookie(&response).expect("refresh cookie set");
    let refresh_token = cookie
        .trim_start_matches("wp_refresh=")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body: TokenResponse = response.json().await.unwrap();
    Session {
        access_token: body.access_token,
        refresh_token,
    }
}

/// Reads a problem body, checking its content type.
pub async fn problem(response: Response) -> Problem {
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    response.json().await.unwrap()
}

/// An editor and a reviewer of one unit, publishing through the real review path.
pub struct Newsroom<'a> {
    pub app: &'a TestApp,
    pub unit: &'static str,
    pub editor: Session,
    pub reviewer: Session,
}

impl TestApp {
    pub async fn newsroom(&self, unit: &'static str) -> Newsroom<'_> {
        Newsroom {
            app: self,
            unit,
            editor: self.login_as(Role::Editor, unit).await,
            reviewer: self.login_as(Role::Reviewer, unit).await,
        }
    }
}

impl Newsroom<'_> {
    /// `POST /units/{unit}/content` as the editor; the raw answer.
    pub async fn create(&self, item: &serde_json::Value) -> Response {
        self.app
            .post(&format!("/api/v1/units/{}/content", self.unit))
            .bearer_auth(&self.editor.access_token)
            .json(item)
            .send()
            .await
            .unwrap()
    }

    /// Creates, submits and approves `item`; its id.
    pub async fn publish(&self, item: &serde_json::Value) -> i64 {
        let response = self.create(item).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{item}");
        let id = response.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        for (who, action) in [(&self.editor, "submit"), (&self.reviewer, "approve")] {
            let response = self
                .app
                .post(&format!(
                    "/api/v1/units/{}/content/{id}/{action}",
                    self.unit
                ))
                .bearer_auth(&who.access_token)
                .json(&serde_json::json!({}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{action} {item}");
        }
        id
    }
}

impl Newsroom<'_> {
    /// Saves `draft` as the editor's new text of item `id`, submits and approves it.
    pub async fn republish(&self, id: i64, draft: &serde_json::Value) {
        let saved = self
            .app
            .client
            .put(
                self.app
                    .url(&format!("/api/v1/units/{}/content/{id}/draft", self.unit)),
            )
            .bearer_auth(&self.editor.access_token)
            .json(draft)
            .send()
            .await
            .unwrap();
        assert_eq!(saved.status(), StatusCode::OK, "{draft}");
        for (who, action) in [(&self.editor, "submit"), (&self.reviewer, "approve")] {
            let response = self
                .app
                .post(&format!(
                    "/api/v1/units/{}/content/{id}/{action}",
                    self.unit
                ))
                .bearer_auth(&who.access_token)
                .json(&serde_json::json!({}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{action}");
        }
    }
}

impl TestApp {
    /// The account id of a signed-in session.
    pub async fn account_id(&self, session: &Session) -> i64 {
        let me: openapi::auth::Me = self.me(&session.access_token).await.json().await.unwrap();
        me.id
    }

    /// A department officer of `unit`, made a member of `department` by the ward admin
    /// `admin` through the API, so the department's feedback reaches them.
    pub async fn department_officer(
        &self,
        admin: &Session,
        unit: &str,
        department: &str,
    ) -> Session {
        let officer = self.login_as(Role::DepartmentOfficer, unit).await;
        let id = self.account_id(&officer).await;
        let response = self
            .client
            .put(self.url(&format!(
                "/api/v1/units/{unit}/departments/{department}/members/{id}"
            )))
            .bearer_auth(&admin.access_token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{department} member");
        officer
    }
}
