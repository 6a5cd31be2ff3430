use chrono::NaiveDate;
use leptos::prelude::*;

/// A calendar date (a document's issue date, say) as Vietnamese readers write it,
/// "02/03/2026"; `datetime` carries it for machines.
#[component]
pub fn CalendarDate(date: NaiveDate) -> impl IntoView {
    view! { <time datetime=date.to_string()>{vietnamese(date)}</time> }
}

/// "dd/mm/yyyy".
pub fn vietnamese(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_and_month_come_first_with_two_digits() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(vietnamese(date), "02/03/2026");
    }
}
