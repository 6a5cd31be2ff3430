//! What every handler can reach: the database, the configuration, the token issuer.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::auth::jwt::TokenIssuer;
use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub tokens: Arc<TokenIssuer>,
}
