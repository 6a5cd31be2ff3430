//! Server configuration: command-line flags, each also read from an environment
//! variable (12-factor), with defaults that run the demo on one machine.

use std::path::PathBuf;

use clap::Args;

use crate::services::request_throttle::Limit;

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "LISTEN_ADDRESS", default_value = "127.0.0.1")]
    pub listen_address: String,

    /// Port to listen on; 0 picks a free one.
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,

    /// Directory for the SQLite database, the signing key and uploaded files.
    #[arg(long, env = "DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// `sqlite://…` or `postgres://…`. Default: SQLite file `ward-portal.db` in DATA_DIR.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Host names under which ward sites live as `{slug}.{base}` and whose bare
    /// name serves the portal, comma-separated.
    #[arg(
        long,
        env = "BASE_DOMAINS",
        value_delimiter = ',',
        default_value = "localhost,quan10.gov.vn"
    )]
    pub base_domains: Vec<String>,

    /// Slug of the unit whose portal a bare base domain shows. Default: the root of
    /// the unit tree.
    #[arg(long, env = "PORTAL_UNIT")]
    pub portal_unit: Option<String>,

    /// Secret for signing access tokens (at least 32 bytes). Every node of one
    /// deployment needs the same. Default: generated once into DATA_DIR/jwt-secret.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Lifetime of an access token in seconds (at most 900).
    #[arg(long, env = "ACCESS_TOKEN_SECONDS", default_value_t = 900)]
    pub access_token_seconds: u64,

    /// Lifetime of a refresh token in days.
    #[arg(long, env = "REFRESH_TOKEN_DAYS", default_value_t = 30)]
    pub refresh_token_days: i64,

    /// Directory for uploaded files. Default: `files` in DATA_DIR.
    #[arg(long, env = "FILES_DIR")]
    pub files_dir: Option<PathBuf>,

    /// Directory of the built web app (index.html, boot.js, pkg/).
    #[arg(long, env = "WEB_DIST", default_value = "web/dist")]
    pub web_dist: PathBuf,

    /// Feedback one client address may send: `COUNT/WINDOW` limits, comma-separated,
    /// the window in s, m, h or d.
    #[arg(
        long,
        env = "FEEDBACK_RATE_LIMITS",
        value_delimiter = ',',
        default_value = "5/10m,20/1d"
    )]
    pub feedback_rate_limits: Vec<Limit>,

    /// Feedback lookups one client address may make (they stop guessing of codes).
    #[arg(
        long,
        env = "LOOKUP_RATE_LIMITS",
        value_delimiter = ',',
        default_value = "30/10m"
    )]
    pub lookup_rate_limits: Vec<Limit>,

    /// Uploads one client address may send.
    #[arg(
        long,
        env = "UPLOAD_RATE_LIMITS",
        value_delimiter = ',',
        default_value = "30/10m"
    )]
    pub upload_rate_limits: Vec<Limit>,
    #[command(flatten)]
    pub mail: MailConfig,
}

/// Outgoing e-mail and the outbox worker that sends it.
#[derive(Debug, Clone, Args)]
pub struct MailConfig {
    /// Run the outbox worker in this process. Every node may run one.
    #[arg(long = "outbox-worker", env = "OUTBOX_WORKER", default_value_t = true, action = clap::ArgAction::Set)]
    pub worker: bool,

    /// Seconds the outbox worker sleeps when nothing is due.
    #[arg(
        long = "outbox-poll-seconds",
        env = "OUTBOX_POLL_SECONDS",
        default_value_t = 5
    )]
    pub poll_seconds: u64,

    /// `smtp://host:25`, `smtps://user:password@host`, `smtp://host:587?tls=required`.
    /// Default: no server; each e-mail is written as an `.eml` file into DATA_DIR/outbox.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of every e-mail.
    #[arg(long, env = "MAIL_FROM", default_value = DEFAULT_MAIL_FROM)]
    pub mail_from: String,
}

pub const DEFAULT_MAIL_FROM: &str = "Cổng thông tin phường <khong-tra-loi@localhost>";

impl Default for MailConfig {
    /// What the command line gives when nothing is set.
    fn default() -> Self {
        MailConfig {
            worker: true,
            poll_seconds: 5,
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
        }
    }
}

impl Config {
    pub fn files_dir(&self) -> PathBuf {
        self.files_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("files"))
    }

    /// Where e-mail goes when no SMTP server is configured.
    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("ward-portal.db").display()
            ),
        }
    }
}
