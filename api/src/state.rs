//! What every handler can reach: the database, the configuration, the token issuer,
//! the file storage.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::auth::jwt::TokenIssuer;
use crate::config::Config;
use crate::storage::FileStorage;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub tokens: Arc<TokenIssuer>,
    pub files: FileStorage,
}
