//! The outbox worker, running inside the server process on every node: it sends
//! what is due, then sleeps for the poll interval. Claims (`services::outbox`) keep
//! workers on several nodes from sending one message twice.

use std::time::Duration;

use chrono::Utc;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::mailer::Mailer;
use crate::services::outbox;

pub struct OutboxWorker {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl OutboxWorker {
    pub fn spawn(db: DatabaseConnection, mailer: Mailer, poll: Duration) -> OutboxWorker {
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            loop {
                while !*stopped.borrow() {
                    match outbox::deliver_one(&db, &mailer, Utc::now()).await {
                        Ok(Some(_)) => continue,
                        Ok(None) => break,
                        Err(error) => {
                            tracing::error!(%error, "outbox worker cannot reach the database");
                            break;
                        }
                    }
                }
                tokio::select! {
                    _ = tokio::time::sleep(poll) => {}
                    // A stop request, or the server dropped its handle.
                    _ = stopped.changed() => {}
                }
                if *stopped.borrow() || stop_dropped(&stopped) {
                    return;
                }
            }
        });
        OutboxWorker { stop, task }
    }

    /// Lets the message in hand finish, then ends the worker.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(error) = self.task.await {
            tracing::error!(%error, "outbox worker ended abnormally");
        }
    }
}

fn stop_dropped(stopped: &watch::Receiver<bool>) -> bool {
    stopped.has_changed().is_err()
}
