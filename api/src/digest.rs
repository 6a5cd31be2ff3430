//! SHA-256 fingerprints of secrets and personal data we must recognise again but
//! never store in clear: refresh tokens, logins of failed sign-ins.

use sha2::{Digest, Sha256};

pub fn sha256_hex(value: impl AsRef<[u8]>) -> String {
    Sha256::digest(value.as_ref())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
