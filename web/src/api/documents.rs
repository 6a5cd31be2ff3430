//! Published legal documents (văn bản), as the public looks them up.

use gloo_net::http::Request;
use openapi::legal_documents::{DocumentType, LegalDocument, LegalDocumentPage, Validity};

use super::ApiError;
use super::client::{encode_component, fetch_json, request};
use super::query::push_param;

/// What the list is narrowed to. The site's own address for a filtered list
/// (`/van-ban?type=quyet_dinh&year=2026`) uses the API's parameter names, so one
/// parser reads both and a shared link asks the API exactly what it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFilter {
    pub document_type: Option<DocumentType>,
    pub validity: Option<Validity>,
    pub year: Option<i32>,
    /// Words of the number, title, issuer or text.
    pub text: Option<String>,
}

/// Years outside this range are typing mistakes, not filters.
const YEARS: std::ops::RangeInclusive<i32> = 1945..=9999;

impl DocumentFilter {
    /// The filter of a query string, read by `param`. A value the API would refuse (an
    /// unknown type, a year that is not one) is dropped: a mistyped shared link shows
    /// the unfiltered list rather than an error.
    pub fn from_query(param: impl Fn(&str) -> Option<String>) -> DocumentFilter {
        let non_empty = |name: &str| {
            param(name)
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
        };
        DocumentFilter {
            document_type: non_empty("type").and_then(|value| DocumentType::parse(&value)),
            validity: non_empty("validity").and_then(|value| Validity::parse(&value)),
            year: non_empty("year")
                .and_then(|value| value.parse().ok())
                .filter(|year| YEARS.contains(year)),
            text: non_empty("q"),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == DocumentFilter::default()
    }

    /// Appends the filter's parameters to `url`.
    pub fn push_params(&self, url: &mut String) {
        let year = self.year.map(|year| year.to_string());
        push_param(url, "type", self.document_type.map(DocumentType::as_str));
        push_param(url, "validity", self.validity.map(Validity::as_str));
        push_param(url, "year", year.as_deref());
        push_param(url, "q", self.text.as_deref());
    }
}

/// `GET /api/v1/units/{unit}/documents`: one page, newest issue date first. For a
/// district, its wards' too, each naming its unit.
pub async fn list(
    unit: &str,
    filter: &DocumentFilter,
    cursor: Option<&str>,
    limit: u8,
) -> Result<LegalDocumentPage, ApiError> {
    let url = list_url(unit, filter, cursor, limit);
    fetch_json(request(Request::get(&url)).build()).await
}

/// `GET /api/v1/units/{unit}/documents/{slug}`: one published document.
pub async fn get(unit: &str, slug: &str) -> Result<LegalDocument, ApiError> {
    let url = format!(
        "/api/v1/units/{}/documents/{}",
        encode_component(unit),
        encode_component(slug)
    );
    fetch_json(request(Request::get(&url)).build()).await
}

fn list_url(unit: &str, filter: &DocumentFilter, cursor: Option<&str>, limit: u8) -> String {
    let mut url = format!(
        "/api/v1/units/{}/documents?limit={limit}",
        encode_component(unit)
    );
    filter.push_params(&mut url);
    push_param(&mut url, "cursor", cursor);
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn an_unfiltered_first_page_asks_only_for_its_size() {
        assert_eq!(
            list_url("phuong-1", &DocumentFilter::default(), None, 20),
            "/api/v1/units/phuong-1/documents?limit=20"
        );
    }

    #[test]
    fn every_filter_is_sent_under_the_apis_names() {
        let filter = DocumentFilter {
            document_type: Some(DocumentType::QuyetDinh),
            validity: Some(Validity::InForce),
            year: Some(2026),
            text: Some("QĐ-UBND đất".into()),
        };
        assert_eq!(
            list_url("phuong-1", &filter, Some("MjA="), 20),
            "/api/v1/units/phuong-1/documents?limit=20&type=quyet_dinh&validity=in_force\
             &year=2026&q=Q%C4%90-UBND%20%C4%91%E1%BA%A5t&cursor=MjA%3D"
        );
    }

    #[test]
    fn a_shared_address_reads_back_as_the_same_filter() {
        let filter = DocumentFilter::from_query(query(&[
            ("type", "chi_thi"),
            ("validity", "replaced"),
            ("year", "2025"),
            ("q", "  rác thải "),
        ]));
        assert_eq!(
            filter,
            DocumentFilter {
                document_type: Some(DocumentType::ChiThi),
                validity: Some(Validity::Replaced),
                year: Some(2025),
                text: Some("rác thải".into()),
            }
        );
        let mut url = "/van-ban".to_owned();
        filter.push_params(&mut url);
        assert_eq!(
            url,
            "/van-ban?type=chi_thi&validity=replaced&year=2025&q=r%C3%A1c%20th%E1%BA%A3i"
        );
    }

    #[test]
    fn values_the_api_would_refuse_are_dropped() {
        let filter = DocumentFilter::from_query(query(&[
            ("type", "sac_lenh"),
            ("validity", ""),
            ("year", "20x6"),
            ("q", "   "),
        ]));
        assert!(filter.is_empty());
        let far = DocumentFilter::from_query(query(&[("year", "99999")]));
        assert_eq!(far.year, None);
    }
}
