use leptos::prelude::*;

use crate::components::spokesperson_contact::FooterSpokesperson;
use crate::state::site::{ancestry, use_site};

/// The unit's contact data (only what it has), where it belongs, and its
/// spokesperson.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let contact = site.unit.contact.clone();
    let name = site.unit.name.clone();
    let ancestry = ancestry(&site);
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <h2 class="footer-heading">"Cổng thông tin điện tử " {name.clone()}</h2>
                <p>"Cơ quan chủ quản: Ủy ban nhân dân " {name}</p>
                {ancestry.map(|ancestry| view! { <p class="footer-ancestry">{ancestry}</p> })}
                <address class="footer-contact">
                    {contact
                        .address
                        .map(|address| {
                            view! {
                                <p>
                                    <span class="footer-label">"Địa chỉ: "</span>
                                    {address}
                                </p>
                            }
                        })}
                    {contact
                        .phone
                        .map(|phone| {
                            view! {
                                <p>
                                    <span class="footer-label">"Điện thoại: "</span>
                                    <a href=tel_href(&phone)>{phone.clone()}</a>
                                </p>
                            }
                        })}
                    {contact
                        .email
                        .map(|email| {
                            view! {
                                <p>
                                    <span class="footer-label">"Thư điện tử: "</span>
                                    <a href=format!("mailto:{email}")>{email.clone()}</a>
                                </p>
                            }
                        })}
                </address>
                <FooterSpokesperson />
            </div>
        </footer>
    }
}

/// A `tel:` link keeps only what a dialler needs: "028 3835 1234" → "tel:02838351234".
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tel_link_drops_spaces_and_punctuation() {
        assert_eq!(tel_href("(028) 3835.1234"), "tel:02838351234");
        assert_eq!(tel_href("+84 28 3835 1234"), "tel:+842838351234");
    }
}
