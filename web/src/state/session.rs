//! The signed-in session.
//!
//! The access token is kept in memory only, never in web storage, so a script that
//! reads storage finds nothing. The refresh token is an HttpOnly cookie the browser
//! sends to `/api/v1/auth/refresh`; after a reload the session comes back from it.

use std::future::Future;
use std::time::Duration;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::ErrorCode;
use openapi::auth::{LoginRequest, Me, TokenResponse};

use crate::api::{self, ApiError};
use crate::browser::timer::sleep;

/// Pauses before trying again to restore a session the server failed to answer for.
const RESTORE_RETRY_PAUSES: [Duration; 2] = [Duration::from_secs(1), Duration::from_secs(3)];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionState {
    /// At start, while the refresh cookie is tried.
    Restoring,
    SignedOut,
    SignedIn(Me),
}

type PendingRefresh = Shared<LocalBoxFuture<'static, Result<String, ApiError>>>;

#[derive(Clone, Copy)]
pub struct Session {
    state: RwSignal<SessionState>,
    token: StoredValue<Option<String>>,
    refresh_timer: StoredValue<Option<TimeoutHandle>>,
    /// The refresh in flight, shared by everyone who needs a new token meanwhile: the
    /// server rotates the refresh token, and sending the old one twice ends the session.
    pending_refresh: StoredValue<Option<PendingRefresh>, LocalStorage>,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    pub fn provide() -> Session {
        let session = Session {
            state: RwSignal::new(SessionState::Restoring),
            token: StoredValue::new(None),
            refresh_timer: StoredValue::new(None),
            pending_refresh: StoredValue::new_local(None),
        };
        provide_context(session);
        session
    }

    pub fn state(&self) -> SessionState {
        self.state.get()
    }

    /// The signed-in account, or `None` while signed out or restoring.
    pub fn me(&self) -> Option<Me> {
        self.state.with(|state| match state {
            SessionState::SignedIn(me) => Some(me.clone()),
            _ => None,
        })
    }

    /// Tries the refresh cookie at start; without a session it just stays signed out.
    /// A busy server or a flaky connection is tried again a few times first, so that
    /// one failed request does not show a signed-in citizen a sign-in prompt.
    pub async fn restore(self) {
        let mut outcome = self.restore_once().await;
        for pause in RESTORE_RETRY_PAUSES {
            let worth_retrying = matches!(&outcome, Err(error) if error.is_worth_retrying());
            if !worth_retrying || self.state.get_untracked() != SessionState::Restoring {
                break;
            }
            sleep(pause).await;
            outcome = self.restore_once().await;
        }
        // A sign-in that finished meanwhile wins over this silent attempt.
        if self.state.get_untracked() != SessionState::Restoring {
            return;
        }
        match outcome {
            Ok(me) => self.state.set(SessionState::SignedIn(me)),
            Err(_) => self.clear(),
        }
    }

    async fn restore_once(self) -> Result<Me, ApiError> {
        self.refresh().await?;
        self.fetch_me().await
    }

    pub async fn sign_in(self, credentials: &LoginRequest) -> Result<Me, ApiError> {
        let tokens = api::auth::login(credentials).await?;
        self.accept(tokens);
        match self.fetch_me().await {
            Ok(me) => {
                self.state.set(SessionState::SignedIn(me.clone()));
                Ok(me)
            }
            Err(error) => {
                self.clear();
                Err(error)
            }
        }
    }

    async fn fetch_me(self) -> Result<Me, ApiError> {
        self.authorized(|token| async move { api::me::get(&token).await })
            .await
    }

    /// Ends the session on the server. The caller then leaves the page and calls
    /// [`Session::clear`], so that no page reacts to the signed-out state first.
    pub async fn sign_out_on_server(self) -> Result<(), ApiError> {
        match self
            .authorized(|token| async move { api::auth::logout(&token).await })
            .await
        {
            // Without a valid session there is nothing left to end on the server.
            Err(error) if error.is_unauthenticated() => Ok(()),
            result => result,
        }
    }

    /// Forgets the session in this tab.
    pub fn clear(self) {
        self.cancel_refresh_timer();
        self.token.set_value(None);
        self.state.set(SessionState::SignedOut);
    }

    /// Calls the API with the access token; when the token has expired, refreshes it
    /// once and calls again.
    pub async fn authorized<T, F, Fut>(self, call: F) -> Result<T, ApiError>
    where
        F: Fn(String) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let Some(token) = self.token.get_value() else {
            return Err(ApiError::from_status(401));
        };
        match call(token).await {
            Err(error) if error.code() == Some(ErrorCode::TokenExpired) => {
                let token = self.refresh().await?;
                call(token).await
            }
            result => result,
        }
    }

    /// A new access token from the refresh cookie, joining a refresh already in flight.
    async fn refresh(self) -> Result<String, ApiError> {
        let pending = match self.pending_refresh.get_value() {
            Some(pending) => pending,
            None => {
                let pending = self.start_refresh();
                self.pending_refresh.set_value(Some(pending.clone()));
                pending
            }
        };
        pending.await
    }

    fn start_refresh(self) -> PendingRefresh {
        let token_before = self.token.get_value();
        async move {
            let result = api::auth::refresh().await;
            self.pending_refresh.set_value(None);
            match result {
                Ok(tokens) => Ok(self.accept(tokens)),
                Err(error) => {
                    // The server no longer knows this session (expired, revoked, reused):
                    // staying "signed in" would only fail later, less clearly. A sign-in
                    // that finished meanwhile is a new session and stays.
                    if error.is_unauthenticated() && self.token.get_value() == token_before {
                        self.clear();
                    }
                    Err(error)
                }
            }
        }
        .boxed_local()
        .shared()
    }

    /// Keeps a new access token and plans its refresh; answers the token.
    fn accept(self, tokens: TokenResponse) -> String {
        self.token.set_value(Some(tokens.access_token.clone()));
        self.schedule_refresh(tokens.expires_in);
        tokens.access_token
    }

    fn schedule_refresh(self, expires_in: u64) {
        self.cancel_refresh_timer();
        let refresh = move || {
            spawn_local(async move {
                // Failures need no handling here: a lost session was cleared by
                // `refresh`, and after a network error the next call that meets
                // `token_expired` tries again.
                let _ = self.refresh().await;
            })
        };
        // Without a timer the session still works: expired tokens are refreshed on demand.
        if let Ok(handle) = set_timeout_with_handle(refresh, refresh_delay(expires_in)) {
            self.refresh_timer.set_value(Some(handle));
        }
    }

    fn cancel_refresh_timer(self) {
        if let Some(handle) = self.refresh_timer.get_value() {
            handle.clear();
        }
        self.refresh_timer.set_value(None);
    }
}

/// When to refresh a token that expires in `expires_in` seconds: a minute early, or
/// after three quarters of a very short lifetime.
fn refresh_delay(expires_in: u64) -> Duration {
    let seconds = if expires_in > 120 {
        expires_in - 60
    } else {
        expires_in * 3 / 4
    };
    Duration::from_secs(seconds.max(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_refreshed_a_minute_before_it_expires() {
        assert_eq!(refresh_delay(900), Duration::from_secs(840));
    }

    #[test]
    fn a_short_lived_token_is_refreshed_after_three_quarters_of_its_life() {
        assert_eq!(refresh_delay(60), Duration::from_secs(45));
        assert_eq!(refresh_delay(0), Duration::from_secs(5));
    }
}
