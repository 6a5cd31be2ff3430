//! Who acts on a dossier or a piece of feedback.

/// The account that acts: a member of staff or the citizen who filed.
/// `district_wide`: a district admin above the ward, who acts as any member of
/// staff of the wards below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub account_id: i64,
    pub district_wide: bool,
}
