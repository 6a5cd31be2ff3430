//! Reading a `text/event-stream` body as it arrives: chunks may end anywhere, even in
//! the middle of a line or of a letter's UTF-8 bytes, so bytes are kept until an
//! event's closing blank line (which never splits a letter).

/// One complete event: its name (`message` when none is given) and its data lines
/// joined by newlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerEvent {
    pub name: String,
    pub data: String,
}

#[derive(Debug, Default)]
pub struct EventStreamReader {
    pending: Vec<u8>,
}

impl EventStreamReader {
    /// The events `chunk` completes; comment lines (`:` keep-alives) are dropped.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<ServerEvent> {
        self.pending
            .extend(chunk.iter().copied().filter(|&byte| byte != b'\r'));
        let mut events = Vec::new();
        while let Some(end) = self.pending.windows(2).position(|pair| pair == b"\n\n") {
            let bytes: Vec<u8> = self.pending.drain(..end + 2).collect();
            let block = String::from_utf8_lossy(&bytes);
            let mut name = None;
            let mut data: Vec<&str> = Vec::new();
            for line in block.lines() {
                let (field, value) = line.split_once(':').unwrap_or((line, ""));
                let value = value.strip_prefix(' ').unwrap_or(value);
                match field {
                    "event" => name = Some(value.to_owned()),
                    "data" => data.push(value),
                    _ => {}
                }
            }
            if !data.is_empty() {
                events.push(ServerEvent {
                    name: name.unwrap_or_else(|| "message".to_owned()),
                    data: data.join("\n"),
                });
            }
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_split_across_chunks_is_read_once_complete() {
        let mut reader = EventStreamReader::default();
        assert!(reader.push(b"event: inbox\nda").is_empty());
        assert_eq!(
            reader.push(b"ta: {\"waiting\":1}\n\n"),
            vec![ServerEvent {
                name: "inbox".into(),
                data: "{\"waiting\":1}".into()
            }]
        );
    }

    #[test]
    fn a_letter_split_between_chunks_is_whole_in_the_event() {
        let mut reader = EventStreamReader::default();
        let text = "data: Phường\n\n".as_bytes();
        assert!(reader.push(&text[..9]).is_empty());
        assert_eq!(reader.push(&text[9..])[0].data, "Phường");
    }

    #[test]
    fn keep_alive_comments_are_not_events() {
        let mut reader = EventStreamReader::default();
        assert!(reader.push(b": keep-alive\n\n").is_empty());
        assert_eq!(reader.push(b"data: a\r\ndata: b\r\n\r\n")[0].data, "a\nb");
    }
}
