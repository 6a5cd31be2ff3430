//! The intake inbox's live signal, shared by the console menu's badge and the inbox
//! page: one stream per tab while an intake officer has the console open, reopened
//! with a growing delay when it ends or fails, aborted when the console is left.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::ErrorCode;
use openapi::dossier_inbox::InboxSignal;
use web_sys::{AbortController, AbortSignal};

use crate::api;
use crate::browser::timer::sleep;
use crate::state::session::{Session, use_session};

/// The latest signal, `None` until the first arrives (or for staff without intake).
#[derive(Clone, Copy)]
pub struct InboxWatch {
    latest: RwSignal<Option<InboxSignal>>,
}

pub fn use_inbox_watch() -> InboxWatch {
    expect_context::<InboxWatch>()
}

impl InboxWatch {
    /// Provided by the console frame for every page under it.
    pub fn provide() -> InboxWatch {
        let watch = InboxWatch {
            latest: RwSignal::new(None),
        };
        provide_context(watch);
        watch
    }

    /// Listens to `unit`'s stream until the current owner is cleaned up.
    pub fn listen(self, unit: String) {
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let abort = controller.signal();
        let controller = StoredValue::new_local(controller);
        on_cleanup(move || {
            let _ = controller.try_with_value(AbortController::abort);
        });
        let latest = self.latest;
        spawn_local(listen_until_aborted(use_session(), unit, abort, latest));
    }

    pub fn latest(self) -> Option<InboxSignal> {
        self.latest.get()
    }

    /// How many dossiers wait for intake, once known.
    pub fn waiting(self) -> Option<u64> {
        self.latest
            .with(|latest| latest.as_ref().map(|signal| signal.waiting))
    }
}

async fn listen_until_aborted(
    session: Session,
    unit: String,
    abort: AbortSignal,
    latest: RwSignal<Option<InboxSignal>>,
) {
    let mut failures = 0;
    while !abort.aborted() {
        let result = session
            .authorized(|token| {
                let (unit, abort) = (unit.clone(), abort.clone());
                async move {
                    api::dossier_inbox::listen(&unit, &token, &abort, move |signal| {
                        latest.try_set(Some(signal));
                    })
                    .await
                }
            })
            .await;
        if abort.aborted() {
            return;
        }
        match result {
            // The server ends a stream after a while; open the next one.
            Ok(()) => failures = 0,
            // Signed out, or no longer an intake officer here: retrying cannot help.
            Err(error)
                if error.is_unauthenticated()
                    || matches!(
                        error.code(),
                        Some(ErrorCode::Forbidden | ErrorCode::NotFound)
                    ) =>
            {
                return;
            }
            Err(_) => failures += 1,
        }
        sleep(reconnect_delay(failures)).await;
    }
}

/// 1 s after the server ended a stream; after failures in a row 2, 4, 8 … up to 60 s,
/// so a server that is down is not hammered by every open console.
pub fn reconnect_delay(failures: u32) -> Duration {
    let seconds = 1u64 << failures.min(6);
    Duration::from_secs(seconds.min(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_grows_with_each_failure_up_to_a_minute() {
        assert_eq!(reconnect_delay(0), Duration::from_secs(1));
        assert_eq!(reconnect_delay(1), Duration::from_secs(2));
        assert_eq!(reconnect_delay(3), Duration::from_secs(8));
        assert_eq!(reconnect_delay(6), Duration::from_secs(60));
        assert_eq!(reconnect_delay(40), Duration::from_secs(60));
    }
}
