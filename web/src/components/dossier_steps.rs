//! A dossier's process record as the citizen reads it: each step's name, when, the
//! date in force and whether it came in time; never the staff member's name.

use leptos::prelude::*;
use openapi::dossiers::PublicStep;

use crate::components::calendar_date::CalendarDate;
use crate::components::date_time_text::DateTimeText;

#[component]
pub fn DossierSteps(steps: Vec<PublicStep>) -> impl IntoView {
    view! {
        <ol class="dossier-steps">
            {steps
                .into_iter()
                .map(|step| {
                    let timing = step.on_time.map(|on_time| {
                        if on_time { " · Đúng hạn" } else { " · Quá hạn" }
                    });
                    view! {
                        <li>
                            <p class="step-label">{step.label}</p>
                            <p class="step-meta">
                                <DateTimeText at=step.at />
                                {step.due_on.map(|date| view! { " · Hạn: " <CalendarDate date /> })}
                                {timing}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
