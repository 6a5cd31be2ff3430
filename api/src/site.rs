//! Which site a request is for, from its `Host` header alone.
//!
//! Three shapes: a unit's own public host (`phuong1.quan10.gov.vn`), a slug under a
//! base domain (`phuong-1.localhost:8080`), or a bare base domain (`localhost`),
//! which is the portal.

/// A host header split into its name (lower-cased) and port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostName {
    pub name: String,
    pub port: Option<u16>,
}

impl HostName {
    pub fn parse(host: &str) -> HostName {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = match host.rsplit_once(':') {
            // An IPv6 literal without a port ("[::1]") has colons but no port.
            Some((name, port))
                if !port.ends_with(']') && port.chars().all(|c| c.is_ascii_digit()) =>
            {
                (name.to_owned(), port.parse().ok())
            }
            _ => (host.clone(), None),
        };
        HostName {
            name: name.trim_end_matches('.').to_owned(),
            port,
        }
    }
}

/// How a host name can name a site, in the order they are tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteKey {
    /// `{slug}.{base}`: the unit with that slug.
    Slug { slug: String, base: String },
    /// The bare base domain: the portal.
    Portal { base: String },
    /// Anything else: perhaps a unit's own public host.
    Host,
}

pub fn classify(host: &HostName, base_domains: &[String]) -> SiteKey {
    for base in base_domains {
        let base = base.trim().to_ascii_lowercase();
        if host.name == base {
            return SiteKey::Portal { base };
        }
        if let Some(label) = host.name.strip_suffix(&format!(".{base}"))
            && !label.is_empty()
            && !label.contains('.')
        {
            {
                return SiteKey::Slug {
                    slug: label.to_owned(),
                    base,
                };
            }
        }
    }
    SiteKey::Host
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bases() -> Vec<String> {
        vec!["localhost".into(), "quan10.gov.vn".into()]
    }

    #[test]
    fn host_header_splits_name_and_port() {
        assert_eq!(
            HostName::parse("Phuong-1.LOCALHOST:8080"),
            HostName {
                name: "phuong-1.localhost".into(),
                port: Some(8080)
            }
        );
        assert_eq!(
            HostName::parse("quan10.gov.vn"),
            HostName {
                name: "quan10.gov.vn".into(),
                port: None
            }
        );
    }

    #[test]
    fn a_slug_under_a_base_domain_names_that_unit() {
        let key = classify(&HostName::parse("phuong-1.localhost:8080"), &bases());
        assert_eq!(
            key,
            SiteKey::Slug {
                slug: "phuong-1".into(),
                base: "localhost".into()
            }
        );
    }

    #[test]
    fn the_bare_base_domain_is_the_portal() {
        assert_eq!(
            classify(&HostName::parse("localhost:8080"), &bases()),
            SiteKey::Portal {
                base: "localhost".into()
            }
        );
    }

    #[test]
    fn other_hosts_are_looked_up_as_public_hosts() {
        assert_eq!(
            classify(&HostName::parse("example.org"), &bases()),
            SiteKey::Host
        );
        assert_eq!(
            classify(&HostName::parse("a.b.localhost"), &bases()),
            SiteKey::Host
        );
    }
}
