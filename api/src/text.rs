//! Pure text utilities shared by services: no I/O, no database, no HTTP types.
//!
//! `fold` makes search insensitive to case and Vietnamese diacritics the same way on
//! SQLite and PostgreSQL, by comparing folded strings instead of relying on either
//! database's collations. `markdown` turns what staff write into HTML that is safe to
//! serve, so the browser never has to sanitize. `redact` hides personal data in a
//! citizen's text before it is published.

pub mod fold;
pub mod markdown;
pub mod redact;
