//! Query strings of list requests.

use super::encode_component;

/// Appends `name=value` to `url`, after `?` or `&` as the URL needs; an absent value
/// is left out rather than sent empty (`cursor=` is not a cursor, `type=` no type).
pub fn push_param(url: &mut String, name: &str, value: Option<&str>) {
    let Some(value) = value else {
        return;
    };
    url.push(if url.contains('?') { '&' } else { '?' });
    url.push_str(name);
    url.push('=');
    url.push_str(&encode_component(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_parameter_opens_the_query_and_the_next_ones_join_it() {
        let mut url = "/x".to_owned();
        push_param(&mut url, "a", Some("1"));
        push_param(&mut url, "b", None);
        push_param(&mut url, "c", Some("tức&"));
        assert_eq!(url, "/x?a=1&c=t%E1%BB%A9c%26");
    }
}
