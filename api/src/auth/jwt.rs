//! Short-lived access tokens: HS256 only, with `iss`, `aud` and `exp` checked.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use openapi::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

pub const ISSUER: &str = "ward-portal";
pub const AUDIENCE: &str = "ward-portal-api";
/// The one algorithm: a token naming any other (`none` included) is refused.
const ALGORITHM: Algorithm = Algorithm::HS256;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The account id.
    pub sub: String,
    /// The session (refresh token family) the token was issued for: ending the
    /// session ends its access tokens too.
    pub sid: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
}

pub struct TokenIssuer {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub lifetime_seconds: u64,
}

impl TokenIssuer {
    pub fn new(secret: &[u8], lifetime_seconds: u64) -> Self {
        let mut validation = Validation::new(ALGORITHM);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        TokenIssuer {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            lifetime_seconds: lifetime_seconds.min(900),
        }
    }

    pub fn issue(&self, account_id: i64, session: &str) -> Result<String, ApiError> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: account_id.to_string(),
            sid: session.to_owned(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            iat: now,
            exp: now + self.lifetime_seconds as i64,
        };
        jsonwebtoken::encode(&Header::new(ALGORITHM), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(e.into()))
    }

    pub fn verify(&self, token: &str) -> Result<Claims, ApiError> {
        match jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation) {
            Ok(data) => Ok(data.claims),
            Err(error) if matches!(error.kind(), ErrorKind::ExpiredSignature) => {
                Err(ApiError::Unauthorized(ErrorCode::TokenExpired))
            }
            Err(_) => Err(ApiError::Unauthorized(ErrorCode::Unauthenticated)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"a-test-secret-that-is-long-enough-32";

    #[test]
    fn an_issued_token_verifies_and_names_its_account_and_session() {
        let issuer = TokenIssuer::new(SECRET, 900);
        let claims = issuer
            .verify(&issuer.issue(7, "family-1").unwrap())
            .unwrap();
        assert_eq!(
            (claims.sub.as_str(), claims.sid.as_str()),
            ("7", "family-1")
        );
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() {
        let token = TokenIssuer::new(b"another-secret-another-secret-123", 900)
            .issue(7, "f")
            .unwrap();
        let error = TokenIssuer::new(SECRET, 900).verify(&token).unwrap_err();
        assert_eq!(error.code(), ErrorCode::Unauthenticated);
    }

    #[test]
    fn lifetime_is_capped_at_fifteen_minutes() {
        assert_eq!(TokenIssuer::new(SECRET, 3600).lifetime_seconds, 900);
    }
}
