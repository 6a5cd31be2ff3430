//! Browser tests live in `tests/browser/`; the crate has no library code.
