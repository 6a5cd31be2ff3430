//! Password hashing with argon2id (m = 19456 KiB, t = 2, p = 1), run on the
//! blocking thread pool so a sign-in never stalls the async workers.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use openapi::values::Password;

fn argon2() -> Result<Argon2<'static>, argon2::Error> {
    Ok(Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19456, 2, 1, None)?,
    ))
}

pub async fn hash(password: &Password) -> anyhow::Result<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || hash_now(&password)).await?
}

/// `true` when `candidate` matches the stored PHC string. With no stored hash
/// (unknown login) a dummy hash is checked, so both cases take the same time.
pub async fn verify(candidate: &str, stored: Option<String>) -> anyhow::Result<bool> {
    let candidate = candidate.to_owned();
    tokio::task::spawn_blocking(move || {
        let stored = match stored {
            Some(stored) => stored,
            None => dummy_hash()?.to_owned(),
        };
        let matches = argon2()?
            .verify_password(candidate.as_bytes(), stored.as_str())
            .is_ok();
        Ok(matches)
    })
    .await?
}

fn hash_now(password: &str) -> anyhow::Result<String> {
    let hash = argon2()?
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    Ok(hash.to_string())
}

fn dummy_hash() -> anyhow::Result<&'static str> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let hash = hash_now("not-a-real-password-only-for-timing")?;
    Ok(DUMMY.get_or_init(|| hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let password = Password::parse("mat-khau-dung-roi").unwrap();
        let stored = hash(&password).await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify("mat-khau-dung-roi", Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("mat-khau-sai", Some(stored)).await.unwrap());
    }

    #[tokio::test]
    async fn an_unknown_login_never_verifies() {
        assert!(!verify("anything", None).await.unwrap());
    }
}
