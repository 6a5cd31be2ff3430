//! The `CurrentUser` extractor: a handler that takes one is for signed-in callers.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use openapi::ErrorCode;
use openapi::auth::Role;

use crate::error::ApiError;
use crate::services::{accounts, sessions};
use crate::state::AppState;

/// A role the caller holds, with the id of the unit it is held for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    pub role: Role,
    pub unit_id: i64,
}

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub account: entity::account::Model,
    pub grants: Vec<Grant>,
    pub session: String,
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::to_owned);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState missing")))?;
            let token = bearer.ok_or(ApiError::Unauthorized(ErrorCode::Unauthenticated))?;
            let claims = state.tokens.verify(&token)?;
            let account_id: i64 = claims
                .sub
                .parse()
                .map_err(|_| ApiError::Unauthorized(ErrorCode::Unauthenticated))?;
            // A token outlives nothing: a disabled account or an ended session
            // (logout, password change, token reuse) refuses it at once.
            if !sessions::is_live(&state.db, account_id, &claims.sid).await? {
                return Err(ApiError::Unauthorized(ErrorCode::Unauthenticated));
            }
            let account = accounts::find_active(&state.db, account_id)
                .await?
                .ok_or(ApiError::Unauthorized(ErrorCode::Unauthenticated))?;
            let grants = accounts::grants(&state.db, account_id).await?;
            Ok(CurrentUser {
                account,
                grants,
                session: claims.sid,
            })
        })
    }
}
