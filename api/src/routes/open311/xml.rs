//! The XML flavour of Open311 answers, element names and order as in the
//! specification (`<services><service>…`, `<service_requests><request>…`,
//! `<errors><error>…`). Written by hand: a few flat shapes, escaped here.

use std::fmt::Display;

use openapi::open311::{
    Discovery, Open311Error, Service, ServiceDefinition, ServiceRequest, ServiceRequestCreated,
    ServiceRequestToken,
};

/// An answer that has an XML form.
pub trait XmlBody {
    fn to_xml(&self) -> String;
}

struct Xml(String);

impl Xml {
    fn document(root: &str, body: impl FnOnce(&mut Xml)) -> String {
        let mut xml = Xml(String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        xml.element(root, body);
        xml.0
    }

    fn element(&mut self, name: &str, body: impl FnOnce(&mut Xml)) {
        self.0.push_str(&format!("<{name}>"));
        body(self);
        self.0.push_str(&format!("</{name}>"));
    }

    fn leaf(&mut self, name: &str, value: impl Display) {
        self.0
            .push_str(&format!("<{name}>{}</{name}>", escape(&value.to_string())));
    }

    /// An absent value is an empty element, as in the specification's examples.
    fn optional(&mut self, name: &str, value: Option<impl Display>) {
        match value {
            Some(value) => self.leaf(name, value),
            None => self.0.push_str(&format!("<{name}/>")),
        }
    }
}

/// Text safe inside an element: markup characters escaped, and characters XML 1.0
/// cannot carry at all dropped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

impl XmlBody for Discovery {
    fn to_xml(&self) -> String {
        Xml::document("discovery", |xml| {
            xml.leaf("changeset", &self.changeset);
            xml.leaf("contact", &self.contact);
            xml.leaf("key_service", &self.key_service);
            xml.element("endpoints", |xml| {
                for endpoint in &self.endpoints {
                    xml.element("endpoint", |xml| {
                        xml.leaf("specification", &endpoint.specification);
                        xml.leaf("url", &endpoint.url);
                        xml.leaf("changeset", &endpoint.changeset);
                        xml.leaf("type", &endpoint.kind);
                        xml.element("formats", |xml| {
                            for format in &endpoint.formats {
                                xml.leaf("format", format);
                            }
                        });
                    });
                }
            });
        })
    }
}

impl XmlBody for Vec<Service> {
    fn to_xml(&self) -> String {
        Xml::document("services", |xml| {
            for service in self {
                xml.element("service", |xml| {
                    xml.leaf("service_code", &service.service_code);
                    xml.leaf("service_name", &service.service_name);
                    xml.leaf("description", &service.description);
                    xml.leaf("metadata", service.metadata);
                    xml.leaf("type", &service.kind);
                    xml.leaf("keywords", &service.keywords);
                    xml.leaf("group", &service.group);
                });
            }
        })
    }
}

impl XmlBody for ServiceDefinition {
    fn to_xml(&self) -> String {
        Xml::document("service_definition", |xml| {
            xml.leaf("service_code", &self.service_code);
            xml.element("attributes", |xml| {
                for attribute in &self.attributes {
                    xml.element("attribute", |xml| {
                        xml.leaf("variable", attribute.variable);
                        xml.leaf("code", &attribute.code);
                        xml.leaf("datatype", &attribute.datatype);
                        xml.leaf("required", attribute.required);
                        xml.leaf("datatype_description", &attribute.datatype_description);
                        xml.leaf("order", attribute.order);
                        xml.leaf("description", &attribute.description);
                    });
                }
            });
        })
    }
}

impl XmlBody for Vec<ServiceRequestCreated> {
    fn to_xml(&self) -> String {
        Xml::document("service_requests", |xml| {
            for created in self {
                xml.element("request", |xml| {
                    xml.leaf("service_request_id", &created.service_request_id);
                    xml.leaf("token", &created.token);
                    xml.leaf("service_notice", &created.service_notice);
                    xml.optional("account_id", created.account_id.as_ref());
                });
            }
        })
    }
}

impl XmlBody for Vec<ServiceRequestToken> {
    fn to_xml(&self) -> String {
        Xml::document("service_requests", |xml| {
            for token in self {
                xml.element("request", |xml| {
                    xml.leaf("service_request_id", &token.service_request_id);
                    xml.leaf("token", &token.token);
                });
            }
        })
    }
}

impl XmlBody for Vec<ServiceRequest> {
    fn to_xml(&self) -> String {
        Xml::document("service_requests", |xml| {
            for request in self {
                xml.element("request", |xml| {
                    xml.leaf("service_request_id", &request.service_request_id);
                    xml.leaf("status", request.status.as_str());
                    xml.leaf("status_notes", &request.status_notes);
                    xml.leaf("service_name", &request.service_name);
                    xml.leaf("service_code", &request.service_code);
                    xml.optional("description", request.description.as_ref());
                    xml.optional("agency_responsible", request.agency_responsible.as_ref());
                    xml.leaf(
                        "requested_datetime",
                        request.requested_datetime.to_rfc3339(),
                    );
                    xml.leaf("updated_datetime", request.updated_datetime.to_rfc3339());
                    xml.optional("address", request.address.as_ref());
                    xml.optional("lat", request.lat);
                    xml.optional("long", request.long);
                });
            }
        })
    }
}

impl XmlBody for Vec<Open311Error> {
    fn to_xml(&self) -> String {
        Xml::document("errors", |xml| {
            for error in self {
                xml.element("error", |xml| {
                    xml.leaf("code", error.code);
                    xml.leaf("description", &error.description);
                });
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("Hẻm <5> & \"số\" 'A'\u{0007}"),
            "Hẻm &lt;5&gt; &amp; &quot;số&quot; &apos;A&apos;"
        );
    }

    #[test]
    fn errors_read_as_the_specification_writes_them() {
        let errors = vec![Open311Error {
            code: 403,
            description: "Khóa API không hợp lệ".into(),
        }];
        assert_eq!(
            errors.to_xml(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors><error><code>403</code><description>Khóa API không hợp lệ</description></error></errors>"
        );
    }
}
