//! Starts the real server on a free port with its own SQLite database.

use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Server {
    pub port: u16,
    process: Child,
    data_dir: PathBuf,
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn binary() -> PathBuf {
    if let Ok(path) = std::env::var("WARD_PORTAL_BIN") {
        return PathBuf::from(path);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target"));
    target.join("debug").join("ward-portal")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Server {
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(binary());
        command
            .args(args)
            .env("DATA_DIR", &self.data_dir)
            .env("PORT", self.port.to_string())
            .env("WEB_DIST", workspace_root().join("web/dist"))
            .env("LOG_FORMAT", "json")
            .env_remove("DATABASE_URL");
        command
    }

    pub async fn start() -> Server {
        let binary = binary();
        assert!(
            binary.exists(),
            "{} is missing: run `make test`, which builds it first",
            binary.display()
        );
        assert!(
            workspace_root().join("web/dist/pkg/web_bg.wasm").exists(),
            "the web app is not built: run `make web`"
        );
        let data_dir = std::env::temp_dir().join(format!("ward-portal-e2e-{}", free_port()));
        std::fs::create_dir_all(&data_dir).unwrap();
        let mut server = Server {
            port: free_port(),
            process: Command::new("true").spawn().unwrap(),
            data_dir,
        };
        let seeded = server.command(&["seed"]).output().unwrap();
        assert!(
            seeded.status.success(),
            "seed failed: {}",
            String::from_utf8_lossy(&seeded.stderr)
        );
        let log = std::fs::File::create(server.data_dir.join("server.log")).unwrap();
        server.process = server
            .command(&["serve"])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        server.wait_until_ready().await;
        server
    }

    async fn wait_until_ready(&self) {
        let started = Instant::now();
        let url = format!("http://127.0.0.1:{}/readyz", self.port);
        while started.elapsed() < Duration::from_secs(30) {
            if let Ok(response) = reqwest::get(&url).await
                && response.status().is_success()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "the server did not become ready; see {}",
            self.data_dir.join("server.log").display()
        );
    }

    /// Creates a staff account through the command line, as an administrator would.
    pub fn create_staff(&self, email: &str, name: &str, role: &str, unit: &str, password: &str) {
        let mut child = self
            .command(&[
                "user",
                "create",
                "--email",
                email,
                "--name",
                name,
                "--role",
                role,
                "--unit",
                unit,
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(password.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "user create failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// The API as the tests' HTTP client reaches it: Rust's resolver does not resolve
    /// `*.localhost`, and the API answers the same on every host name.
    pub fn api(&self) -> String {
        format!("http://127.0.0.1:{}/api/v1", self.port)
    }

    /// An editor and a reviewer of `unit`, made with the command line and signed in
    /// through the API, ready to publish as the editorial rules require: one writes
    /// and submits, the other approves.
    pub async fn newsroom(&self, unit: &str) -> Newsroom {
        let editor = format!("bien-tap.{unit}@e2e.test");
        let reviewer = format!("kiem-duyet.{unit}@e2e.test");
        self.create_staff(
            &editor,
            "Nguyễn Văn Biên",
            "editor",
            unit,
            NEWSROOM_PASSWORD,
        );
        self.create_staff(
            &reviewer,
            "Lê Thị Duyệt",
            "reviewer",
            unit,
            NEWSROOM_PASSWORD,
        );
        let client = reqwest::Client::new();
        Newsroom {
            editor_token: sign_in(&client, &self.api(), &editor).await,
            reviewer_token: sign_in(&client, &self.api(), &reviewer).await,
            content: format!("{}/units/{unit}/content", self.api()),
            client,
        }
    }

    /// Stores `upload` (`{"boundary": <Polygon>, "office": [lon, lat], "illustrative":
    /// true}`) as the boundary of `unit`, through the API as its ward administrator.
    pub async fn upload_boundary(&self, unit: &str, upload: Value) {
        let admin = format!("quan-tri.{unit}@e2e.test");
        self.create_staff(
            &admin,
            "Phạm Văn Quản",
            "ward_admin",
            unit,
            NEWSROOM_PASSWORD,
        );
        let client = reqwest::Client::new();
        let token = sign_in(&client, &self.api(), &admin).await;
        let response = client
            .put(format!("{}/units/{unit}/boundary", self.api()))
            .bearer_auth(token)
            .json(&upload)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        assert!(
            status.is_success(),
            "PUT boundary of {unit}: {status} {text}"
        );
    }

    /// Makes the department officer `login` of `unit` a member of `department`, so
    /// feedback forwarded there reaches their inbox: a ward administrator does it
    /// through the API, as in the console.
    pub async fn add_department_member(&self, unit: &str, department: &str, login: &str) {
        let admin = format!("quan-tri-phong-ban.{unit}@e2e.test");
        self.create_staff(
            &admin,
            "Phạm Văn Quản",
            "ward_admin",
            unit,
            NEWSROOM_PASSWORD,
        );
        let client = reqwest::Client::new();
        let admin_token = sign_in(&client, &self.api(), &admin).await;
        let member_token = sign_in(&client, &self.api(), login).await;
        let me: Value = client
            .get(format!("{}/me", self.api()))
            .bearer_auth(member_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let account_id = me["id"].as_i64().unwrap();
        let response = client
            .put(format!(
                "{}/units/{unit}/departments/{department}/members/{account_id}",
                self.api()
            ))
            .bearer_auth(admin_token)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        assert!(
            status.is_success(),
            "adding {login} to {department}: {status} {text}"
        );
    }

    /// The address of a site as a citizen types it: `phuong-1` → `http://phuong-1.localhost:PORT`.
    pub fn site(&self, slug: Option<&str>) -> String {
        match slug {
            Some(slug) => format!("http://{slug}.localhost:{}", self.port),
            None => format!("http://localhost:{}", self.port),
        }
    }
}

pub const NEWSROOM_PASSWORD: &str = "mat-khau-toa-soan";

async fn sign_in(client: &reqwest::Client, api: &str, login: &str) -> String {
    let response = client
        .post(format!("{api}/auth/login"))
        .json(&json!({ "login": login, "password": NEWSROOM_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "sign-in of {login} failed");
    let body: Value = response.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

/// Publishes content of one unit through the real API, the way staff do.
pub struct Newsroom {
    client: reqwest::Client,
    content: String,
    editor_token: String,
    reviewer_token: String,
}

/// An article as an editor writes it; the body is Markdown.
pub struct NewArticle<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub category: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
}

impl Newsroom {
    /// Writes the article as the editor, submits it, and approves it as the reviewer:
    /// public at once.
    pub async fn publish(&self, article: NewArticle<'_>) {
        self.publish_content(json!({
            "kind": "article",
            "slug": article.slug,
            "title": article.title,
            "category": article.category,
            "summary": article.summary,
            "body": article.body,
        }))
        .await;
    }

    /// Publishes any kind of content the same way: `content` is the body of `POST
    /// /units/{unit}/content`, e.g. a page with `"details": {"menu_order": 10}`, an
    /// announcement with `{"expires_at": …}`, a legal document with `{"document": …}`.
    pub async fn publish_content(&self, content: Value) {
        let created = self
            .call(
                &self.content,
                &self.editor_token,
                content,
                reqwest::StatusCode::CREATED,
            )
            .await;
        let item = format!("{}/{}", self.content, created["id"].as_i64().unwrap());
        self.call(
            &format!("{item}/submit"),
            &self.editor_token,
            Value::Null,
            reqwest::StatusCode::OK,
        )
        .await;
        self.call(
            &format!("{item}/approve"),
            &self.reviewer_token,
            json!({}),
            reqwest::StatusCode::OK,
        )
        .await;
    }

    /// A POST with `body` as JSON (none for `null`), expecting `status`.
    async fn call(
        &self,
        url: &str,
        token: &str,
        body: Value,
        status: reqwest::StatusCode,
    ) -> Value {
        let mut request = self.client.post(url).bearer_auth(token);
        if !body.is_null() {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let actual = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(actual, status, "POST {url}: {text}");
        serde_json::from_str(&text).unwrap()
    }
}

/// How many of the server's warnings and errors a failed test prints.
const PROBLEMS_SHOWN: usize = 30;

impl Server {
    /// Prints the last warnings and errors the server logged: a page that failed
    /// in the browser often failed on the server first, and the log goes with
    /// the data directory.
    fn print_problems(&self) {
        let log = std::fs::read_to_string(self.data_dir.join("server.log")).unwrap_or_default();
        let problems: Vec<&str> = log
            .lines()
            .filter(|line| line.contains("WARN") || line.contains("ERROR"))
            .collect();
        let shown = &problems[problems.len().saturating_sub(PROBLEMS_SHOWN)..];
        eprintln!("The server logged {} warnings and errors:", problems.len());
        for line in shown {
            eprintln!("{line}");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.print_problems();
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
