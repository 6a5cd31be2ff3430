//! One `Idempotency-Key` per form content: a retry of the same body (a double tap, a
//! lost answer) reuses the key, so the server makes one thing; a corrected body is a
//! new request with a new key. Used by the feedback form and the dossier form.

/// The key sent with the body it was first sent with: a retry of the same text reuses
/// it, a corrected text is a new request with a new key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attempt {
    key: String,
    body: Option<String>,
}

impl Attempt {
    /// The key to send `body` with: this attempt's for the same text, else `fresh()`.
    pub fn key_for(&mut self, body: Option<String>, fresh: impl FnOnce() -> String) -> String {
        if self.body.is_none() || self.body != body || self.key.is_empty() {
            *self = Attempt { key: fresh(), body };
        }
        self.key.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retry_of_the_same_text_reuses_the_key_and_a_corrected_text_gets_a_new_one() {
        let mut attempt = Attempt::default();
        let first = attempt.key_for(Some("a".into()), || "k1".into());
        let retry = attempt.key_for(Some("a".into()), || "k2".into());
        let corrected = attempt.key_for(Some("b".into()), || "k3".into());
        assert_eq!(
            (first.as_str(), retry.as_str(), corrected.as_str()),
            ("k1", "k1", "k3")
        );
    }
}
