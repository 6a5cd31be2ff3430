//! A message that outlives a navigation: "Đã gửi bài để duyệt." shown on the page
//! the user is sent to after an action, and on that page only.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlashNote {
    /// The path the message belongs to; elsewhere it is not shown.
    pub path: String,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Flash(RwSignal<Option<FlashNote>>);

impl Flash {
    pub fn provide() -> Flash {
        let flash = Flash(RwSignal::new(None));
        provide_context(flash);
        flash
    }

    /// Shows `text` on the page at `path` (the current one, or the one about to open).
    pub fn show(self, path: impl Into<String>, text: impl Into<String>) {
        self.0.set(Some(FlashNote {
            path: path.into(),
            text: text.into(),
        }));
    }

    pub fn clear(self) {
        self.0.set(None);
    }

    /// The message for `path`, if any.
    pub fn text_for(self, path: &str) -> Option<String> {
        self.0.with(|note| {
            note.as_ref()
                .filter(|note| note.path == path)
                .map(|note| note.text.clone())
        })
    }
}

pub fn use_flash() -> Flash {
    expect_context::<Flash>()
}
