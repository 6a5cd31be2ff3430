//! The stylesheet is written by hand and merged by hand: one lost `}` silently
//! swallows every rule after it (the maps once drew black, unlabelled squares).

const STYLESHEET: &str = include_str!("../dist/style.css");

/// The stylesheet without its comments, which may hold braces.
fn without_comments(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        kept.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    kept.push_str(rest);
    kept
}

#[test]
fn every_block_of_the_stylesheet_is_closed_where_it_should_be() {
    let mut depth = 0_i32;
    for (number, line) in without_comments(STYLESHEET).lines().enumerate() {
        // A rule that starts at the left margin must be at the top level.
        let starts_rule = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '}');
        assert!(
            !(starts_rule && depth > 0),
            "line {}: \"{line}\" starts a rule inside an unclosed block",
            number + 1
        );
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        assert!(depth >= 0, "line {}: a `}}` closes nothing", number + 1);
    }
    assert_eq!(depth, 0, "the stylesheet ends inside an open block");
}
