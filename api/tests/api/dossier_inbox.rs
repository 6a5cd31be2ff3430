//! The intake inbox's live signal: server-sent events an open inbox listens to.

use openapi::auth::Role;
use openapi::dossier_inbox::{INBOX_EVENT, InboxSignal};
use reqwest::StatusCode;

use crate::dossier_arrange::{citizen, file_birth_registration, prepared};
use crate::helpers::TestApp;

/// An open event stream, read event by event.
pub struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    pub async fn open(app: &TestApp, unit: &str, token: &str) -> EventStream {
        let response = app
            .get(&format!("/api/v1/units/{unit}/dossier-inbox/events"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "text/event-stream"
        );
        EventStream {
            response,
            buffer: String::new(),
        }
    }

    /// The next `inbox` event's signal, skipping keep-alive comments. A stream that
    /// sends nothing for a minute fails the test rather than hanging it.
    pub async fn next_signal(&mut self) -> InboxSignal {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let mut name = None;
                let mut data = None;
                for line in event.lines() {
                    if let Some(value) = line.strip_prefix("event: ") {
                        name = Some(value.to_owned());
                    } else if let Some(value) = line.strip_prefix("data: ") {
                        data = Some(value.to_owned());
                    }
                }
                if name.as_deref() == Some(INBOX_EVENT) {
                    return serde_json::from_str(&data.expect("an inbox event has data")).unwrap();
                }
                continue;
            }
            let chunk =
                tokio::time::timeout(std::time::Duration::from_secs(60), self.response.chunk())
                    .await
                    .expect("the stream sent nothing for a minute")
                    .unwrap()
                    .expect("the stream ended");
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }
}

on_both_databases! {
    async fn an_intake_officers_stream_opens_with_the_inbox_as_it_is(app) {
        let officer = app.login_as(Role::IntakeOfficer, "phuong-1").await;
        let mut stream = EventStream::open(&app, "phuong-1", &officer.access_token).await;
        let signal = stream.next_signal().await;
        assert_eq!(signal.waiting, 0);
        assert_eq!(signal.newest_code, None);
    }

    async fn a_dossier_filed_while_the_inbox_is_open_shows_up_without_reloading(app) {
        prepared(&app).await;
        let officer = app.login_as(Role::IntakeOfficer, "phuong-1").await;
        let mut stream = EventStream::open(&app, "phuong-1", &officer.access_token).await;
        assert_eq!(stream.next_signal().await.waiting, 0);
        let applicant = citizen(&app).await;
        let code = file_birth_registration(&app, &applicant).await;
        let signal = stream.next_signal().await;
        assert_eq!(signal.waiting, 1);
        assert_eq!(signal.newest_code, Some(code));
    }

    async fn only_the_wards_intake_staff_may_listen(app) {
        let path = "/api/v1/units/phuong-1/dossier-inbox/events";
        let anonymous = app.get(path).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let refused = app.get(path).bearer_auth(&editor.access_token).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        // Without any role in the ward, the ward's inbox does not exist for them.
        let citizen = app.sign_in(&app.register_citizen().await).await;
        let hidden = app.get(path).bearer_auth(&citizen.access_token).send().await.unwrap();
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
        let neighbour = app.login_as(Role::IntakeOfficer, "phuong-2").await;
        let hidden = app.get(path).bearer_auth(&neighbour.access_token).send().await.unwrap();
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    }
}
