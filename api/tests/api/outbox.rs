//! The outbox: each queued e-mail is sent exactly once however many workers run, a
//! failed one is tried again after a wait, and a citizen who gives an e-mail address
//! gets the tracking code by mail.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use api::config::DEFAULT_MAIL_FROM;
use api::mailer::Mailer;
use api::services::outbox::{self, Email, MAX_ATTEMPTS, Outcome};
use chrono::Utc;
use entity::outbox_message;
use openapi::feedback::FeedbackReceipt;
use reqwest::StatusCode;
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::json;

use crate::helpers::{Db, TestApp, spawn_app_with};

async fn queue(app: &TestApp, count: usize) {
    for n in 0..count {
        let email = Email {
            topic: "test",
            to: format!("cong.dan.{n}@example.com"),
            subject: format!("Thư số {n}"),
            body: format!("Nội dung thư số {n}."),
        };
        outbox::enqueue(&app.db, email).await.unwrap();
    }
}

async fn messages(app: &TestApp) -> Vec<outbox_message::Model> {
    outbox_message::Entity::find()
        .order_by_asc(outbox_message::COLUMN.id)
        .all(&app.db)
        .await
        .unwrap()
}

/// The `.eml` files a file sink wrote into `dir`.
fn sent_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
        .collect();
    files.sort();
    files
}

/// A file sink whose directory cannot be created, because a file is in the way.
fn broken_sink(app: &TestApp) -> (Mailer, PathBuf) {
    let dir = app.data_dir().join("blocked-outbox");
    std::fs::write(&dir, "a file where the directory should be").unwrap();
    (Mailer::files(&dir, DEFAULT_MAIL_FROM).unwrap(), dir)
}

on_both_databases! {
    async fn two_workers_send_each_queued_email_exactly_once(app) {
        queue(&app, 30).await;
        let dir = app.data_dir().join("sink");
        let mailer = Mailer::files(&dir, DEFAULT_MAIL_FROM).unwrap();
        let now = Utc::now();

        let (first, second) = tokio::join!(
            outbox::deliver_due(&app.db, &mailer, now),
            outbox::deliver_due(&app.db, &mailer, now),
        );
        let (first, second) = (first.unwrap(), second.unwrap());
        assert_eq!(first.len() + second.len(), 30);
        assert!(first.iter().chain(&second).all(|outcome| *outcome == Outcome::Sent));

        let files = sent_files(&dir);
        assert_eq!(files.len(), 30);
        // Each file is named after its outbox row: no row was sent twice.
        let sent_ids: BTreeSet<i64> = files.iter()
            .map(|file| file.file_name().unwrap().to_str().unwrap().split('-').next().unwrap().parse().unwrap())
            .collect();
        let queued = messages(&app).await;
        assert_eq!(sent_ids, queued.iter().map(|m| m.id).collect());
        assert!(queued.iter().all(|m| m.sent_at.is_some() && m.attempts == 1 && m.locked_until.is_none()));
        assert!(outbox::deliver_due(&app.db, &mailer, Utc::now()).await.unwrap().is_empty());
    }

    async fn a_claimed_email_waits_for_its_worker_until_the_claim_runs_out(app) {
        queue(&app, 1).await;
        let now = Utc::now();
        let claimed = outbox::claim_next(&app.db, now).await.unwrap().unwrap();
        assert!(outbox::claim_next(&app.db, now).await.unwrap().is_none());

        // The first worker died holding it: once its claim runs out, another takes it.
        let later = now + chrono::Duration::seconds(outbox::CLAIM_SECONDS + 1);
        let retaken = outbox::claim_next(&app.db, later).await.unwrap().unwrap();
        assert_eq!(retaken.id, claimed.id);
        assert_eq!(retaken.attempts, 2);
    }

    async fn a_failed_email_is_tried_again_after_a_wait_and_then_sent(app) {
        queue(&app, 1).await;
        let (mailer, dir) = broken_sink(&app);
        let now = Utc::now();

        assert_eq!(outbox::deliver_due(&app.db, &mailer, now).await.unwrap(), [Outcome::WillRetry]);
        let failed = messages(&app).await.remove(0);
        assert_eq!(failed.attempts, 1);
        assert!(failed.sent_at.is_none() && failed.locked_until.is_none());
        assert!(failed.last_error.is_some());
        assert!(failed.next_attempt_at > now);

        // Not before its time, even once the sink works again.
        std::fs::remove_file(&dir).unwrap();
        let too_soon = failed.next_attempt_at - chrono::Duration::seconds(1);
        assert!(outbox::deliver_due(&app.db, &mailer, too_soon).await.unwrap().is_empty());
        let outcomes = outbox::deliver_due(&app.db, &mailer, failed.next_attempt_at).await.unwrap();
        assert_eq!(outcomes, [Outcome::Sent]);
        assert_eq!(sent_files(&dir).len(), 1);
        let sent = messages(&app).await.remove(0);
        assert_eq!(sent.attempts, 2);
        assert!(sent.sent_at.is_some());
    }

    async fn an_email_failing_every_time_is_left_for_the_operators(app) {
        queue(&app, 1).await;
        let (mailer, _) = broken_sink(&app);
        let mut now = Utc::now();
        let mut outcomes = Vec::new();
        for _ in 0..MAX_ATTEMPTS {
            outcomes.extend(outbox::deliver_due(&app.db, &mailer, now).await.unwrap());
            now = messages(&app).await[0].next_attempt_at;
        }
        assert_eq!(outcomes.len(), MAX_ATTEMPTS as usize);
        assert_eq!(outcomes.last(), Some(&Outcome::GaveUp));
        let far_future = now + chrono::Duration::days(365);
        assert!(outbox::deliver_due(&app.db, &mailer, far_future).await.unwrap().is_empty());
        let given_up = messages(&app).await.remove(0);
        assert_eq!(given_up.attempts, MAX_ATTEMPTS);
        assert!(given_up.sent_at.is_none() && given_up.last_error.is_some());
    }

    async fn an_email_to_a_malformed_address_is_given_up_at_once(app) {
        let email = Email { topic: "test", to: "not an address".into(), subject: "Thư".into(), body: "Nội dung.".into() };
        outbox::enqueue(&app.db, email).await.unwrap();
        let mailer = Mailer::files(&app.data_dir().join("sink"), DEFAULT_MAIL_FROM).unwrap();
        assert_eq!(outbox::deliver_due(&app.db, &mailer, Utc::now()).await.unwrap(), [Outcome::GaveUp]);
        assert_eq!(messages(&app).await[0].attempts, MAX_ATTEMPTS);
    }
}

/// Through the server's own worker, as deployed: the citizen's receipt arrives once.
mod feedback_with_an_email_address_gets_one_email_with_its_code {
    use super::*;

    async fn run(db: Db) {
        let app = spawn_app_with(db, |config| {
            config.mail.worker = true;
            config.mail.poll_seconds = 1;
        })
        .await;
        api::seed::seed_calendar(&app.db).await.unwrap();
        api::seed::seed_feedback_setup(&app.db).await.unwrap();
        let response = app
            .post("/api/v1/units/phuong-1/feedback")
            .json(&json!({
                "category": "trat-tu-do-thi",
                "title": "Đèn đường hỏng",
                "content": "Đèn đường trước số 40 đường Tô Hiến Thành không sáng đã một tuần.",
                "contact_name": "Trần Thị Mai",
                "contact_email": "mai.tran@example.com",
                "consent": true
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let receipt: FeedbackReceipt = response.json().await.unwrap();

        // Waits for the worker, not for a set time: it is done when the row says sent.
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while messages(&app).await.iter().any(|m| m.sent_at.is_none()) {
            assert!(
                std::time::Instant::now() < deadline,
                "the worker never sent the receipt"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let files = sent_files(&app.data_dir().join("outbox"));
        assert_eq!(files.len(), 1);
        let email = std::fs::read_to_string(&files[0]).unwrap();
        assert!(email.contains("To: mai.tran@example.com"), "{email}");
        assert!(
            email.contains(&format!("Mã tra cứu: {}", receipt.code)),
            "{email}"
        );
    }

    #[tokio::test]
    async fn sqlite() {
        run(Db::Sqlite).await
    }

    #[tokio::test]
    async fn postgres() {
        run(Db::Postgres).await
    }
}
