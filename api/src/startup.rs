//! Builds the server: binds (port 0 picks a free port, for tests) and returns the
//! bound port; `run_until_stopped` serves.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use base64::Engine;
use rand::RngCore;
use sea_orm::DatabaseConnection;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::{Config as SwaggerConfig, SwaggerUi};

use crate::auth::jwt::TokenIssuer;
use crate::config::Config;
use crate::error::{json_error_handler, path_error_handler, query_error_handler};
use crate::mailer::Mailer;
use crate::middleware::{etag, metrics, request_id, response_headers};
use crate::outbox_worker::OutboxWorker;
use crate::routes::docs::OpenApiDocument;
use crate::state::AppState;
use crate::storage::FileStorage;
use crate::{db, openapi_doc, routes, web_app};

/// Largest JSON body accepted; uploads have their own limits. Sized for the largest
/// legitimate bodies: an article of 200,000 characters of Vietnamese (up to 3 bytes
/// each) and a ward boundary of 50,000 points.
const JSON_LIMIT_BYTES: usize = 2 * 1024 * 1024;

pub struct Application {
    server: Server,
    port: u16,
    /// What the outbox worker needs, when this process runs one.
    outbox: Option<(DatabaseConnection, Mailer, Duration)>,
}

impl Application {
    /// Connects, migrates and binds.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let db = db::connect(&config.database_url()).await?;
        db::migrate(&db).await?;
        Application::build_with_db(config, db)
    }

    pub fn build_with_db(config: Config, db: DatabaseConnection) -> anyhow::Result<Application> {
        let secret = signing_secret(&config)?;
        let tokens = Arc::new(TokenIssuer::new(&secret, config.access_token_seconds));
        let listener = TcpListener::bind((config.listen_address.as_str(), config.port))
            .with_context(|| {
                format!("cannot listen on {}:{}", config.listen_address, config.port)
            })?;
        let port = listener.local_addr()?.port();
        let files = FileStorage::local(&config.files_dir())?;
        let outbox = config.mail.worker.then(|| -> anyhow::Result<_> {
            let mailer = mailer(&config)?;
            Ok((
                db.clone(),
                mailer,
                Duration::from_secs(config.mail.poll_seconds.max(1)),
            ))
        });
        let outbox = outbox.transpose()?;
        let state = web::Data::new(AppState {
            db,
            config: Arc::new(config),
            tokens,
            files,
        });
        let document = web::Data::new(OpenApiDocument(openapi_doc::document_json()?));
        metrics::handle();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(document.clone())
                .app_data(
                    web::JsonConfig::default()
                        .limit(JSON_LIMIT_BYTES)
                        .error_handler(json_error_handler),
                )
                .app_data(web::QueryConfig::default().error_handler(query_error_handler))
                .app_data(web::PathConfig::default().error_handler(path_error_handler))
                .wrap(from_fn(etag::apply))
                .wrap(from_fn(metrics::record))
                .wrap(from_fn(response_headers::apply))
                .wrap(from_fn(request_id::propagate))
                .wrap(TracingLogger::default())
                .wrap(Compress::default())
                .into_utoipa_app()
                .configure(routes::configure)
                .into_app()
                .service(web::redirect("/api/docs", "/api/docs/"))
                .service(
                    SwaggerUi::new("/api/docs/{_:.*}")
                        .config(SwaggerConfig::from("/api/v1/openapi.json")),
                )
                .default_service(web::to(web_app::serve))
        })
        .listen(listener)?
        .run();
        Ok(Application {
            server,
            port,
            outbox,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until the server stops (SIGINT/SIGTERM), with the outbox worker
    /// alongside; the worker finishes the message in hand before this returns.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let worker = self
            .outbox
            .map(|(db, mailer, poll)| OutboxWorker::spawn(db, mailer, poll));
        let served = self.server.await;
        if let Some(worker) = worker {
            worker.stop().await;
        }
        served
    }
}

/// SMTP when configured; otherwise `.eml` files, the development default.
fn mailer(config: &Config) -> anyhow::Result<Mailer> {
    match &config.mail.smtp_url {
        Some(url) => Mailer::smtp(url, &config.mail.mail_from),
        None => Mailer::files(&config.outbox_dir(), &config.mail.mail_from),
    }
}

/// The access-token signing secret: from the configuration, or generated once
/// into the data directory so a restart keeps sessions valid.
fn signing_secret(config: &Config) -> anyhow::Result<Vec<u8>> {
    if let Some(secret) = &config.jwt_secret {
        anyhow::ensure!(
            secret.len() >= 32,
            "JWT_SECRET must be at least 32 bytes long"
        );
        return Ok(secret.as_bytes().to_vec());
    }
    let path = config.data_dir.join("jwt-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return Ok(existing.trim().as_bytes().to_vec());
    }
    std::fs::create_dir_all(&config.data_dir)?;
    let mut bytes = [0u8; 48];
    rand::rng().fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::STANDARD.encode(bytes);
    write_private(&path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(secret.into_bytes())
}

#[cfg(unix)]
fn write_private(path: &std::path::Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(content.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &std::path::Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}
