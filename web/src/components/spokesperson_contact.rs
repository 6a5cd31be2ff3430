use leptos::prelude::*;
use openapi::spokesperson::Spokesperson;

use crate::api;
use crate::components::site_footer::tel_href;
use crate::state::site::use_site;
use crate::text::ward_info::phone_text;

/// The unit's current spokesperson (người phát ngôn), loaded once per page frame;
/// nothing while there is none or it cannot be loaded: the contact block is an
/// addition, never a reason for an error on every page.
fn current_spokesperson() -> LocalResource<Option<Spokesperson>> {
    let unit = use_site().unit.slug;
    LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            api::ward_info::spokesperson(&unit)
                .await
                .ok()
                .and_then(|record| record.current)
        }
    })
}

/// The footer's contact block, on every page of a ward site.
#[component]
pub fn FooterSpokesperson() -> impl IntoView {
    let spokesperson = current_spokesperson();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                spokesperson
                    .await
                    .map(|person| {
                        view! {
                            <section class="footer-spokesperson" aria-labelledby="nguoi-phat-ngon-chan-trang">
                                <h2 id="nguoi-phat-ngon-chan-trang" class="footer-heading">
                                    "Người phát ngôn"
                                </h2>
                                <SpokespersonDetails person />
                            </section>
                        }
                    })
            })}
        </Suspense>
    }
}

/// The "Người phát ngôn" block of the ward home page, phone first in view.
#[component]
pub fn SpokespersonCard() -> impl IntoView {
    let spokesperson = current_spokesperson();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                spokesperson
                    .await
                    .map(|person| {
                        view! {
                            <section class="spokesperson-card" aria-labelledby="nguoi-phat-ngon">
                                <h2 id="nguoi-phat-ngon">"Người phát ngôn"</h2>
                                <SpokespersonDetails person />
                            </section>
                        }
                    })
            })}
        </Suspense>
    }
}

#[component]
fn SpokespersonDetails(person: Spokesperson) -> impl IntoView {
    let phone = phone_text(&person.phone);
    view! {
        <address class="spokesperson">
            <p class="spokesperson-name">{person.name}</p>
            <p>{person.position}</p>
            <p>
                <span class="footer-label">"Điện thoại: "</span>
                <a href=tel_href(&person.phone)>{phone}</a>
            </p>
            <p>
                <span class="footer-label">"Thư điện tử: "</span>
                <a href=format!("mailto:{}", person.email)>{person.email.clone()}</a>
            </p>
        </address>
    }
}
