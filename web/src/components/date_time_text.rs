use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;

use crate::text::schedule::date_time_text;

/// A moment as Vietnamese readers write it, "05/12/2026 08:30" (Vietnam time), with
/// the exact instant for machines.
#[component]
pub fn DateTimeText(at: DateTime<FixedOffset>) -> impl IntoView {
    view! { <time datetime=at.to_rfc3339()>{date_time_text(&at)}</time> }
}
