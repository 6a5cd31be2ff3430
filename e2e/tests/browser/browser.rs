//! A headless Chromium on a phone-sized window, and the few ways tests find things
//! in it: by visible text, by label, by role.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::server::free_port;

/// How long a page may take to show what a step waits for. Generous: on the 2-core CI
/// machine, right after the API suite, a page load with its WASM took over 15 s.
const WAIT: Duration = Duration::from_secs(40);
const POLL: Duration = Duration::from_millis(100);

/// How much of the page's text a failure message quotes.
const SCREEN_CHARS: usize = 3000;

pub struct Browser {
    pub driver: WebDriver,
    _chromedriver: ChromeDriver,
}

/// The chromedriver process, stopped when the test ends, passed or failed.
struct ChromeDriver(Child);

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Browser {
    /// Chromium at 375 × 812, the size of a common phone.
    pub async fn open() -> Browser {
        let port = free_port();
        let chromedriver = ChromeDriver(
            Command::new("/usr/bin/chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver is missing: `make test` installs chromium-driver"),
        );
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary("/usr/bin/chromium").unwrap();
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=375,812",
        ] {
            caps.add_arg(arg).unwrap();
        }
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            match WebDriver::new(&url, caps.clone()).await {
                Ok(driver) => {
                    return Browser {
                        driver,
                        _chromedriver: chromedriver,
                    };
                }
                Err(error) => last_error = Some(error),
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("chromedriver did not start: {last_error:?}");
    }

    pub async fn goto(&self, url: &str) {
        self.driver.goto(url).await.unwrap();
    }

    /// The first displayed element found by `by`; when none comes, fails naming
    /// `problem` with what the page showed instead.
    pub async fn wait_for(&self, by: By, problem: &str) -> WebElement {
        match self
            .driver
            .query(by)
            .wait(WAIT, POLL)
            .and_displayed()
            .first()
            .await
        {
            Ok(element) => element,
            Err(error) => self.fail(problem, error).await,
        }
    }

    /// As `wait_for`, for drawings: SVG shapes count as found once they exist.
    pub async fn wait_for_drawn(&self, xpath: &str, problem: &str) -> WebElement {
        match self
            .driver
            .query(By::XPath(xpath.to_owned()))
            .wait(WAIT, POLL)
            .first()
            .await
        {
            Ok(element) => element,
            Err(error) => self.fail(problem, error).await,
        }
    }

    /// Every element found by `by`, once there is at least one.
    pub async fn wait_for_all(&self, by: By, problem: &str) -> Vec<WebElement> {
        match self
            .driver
            .query(by)
            .wait(WAIT, POLL)
            .all_from_selector_required()
            .await
        {
            Ok(elements) => elements,
            Err(error) => self.fail(problem, error).await,
        }
    }

    /// Fails the test naming `problem`, with what the page showed instead.
    async fn fail(&self, problem: &str, error: WebDriverError) -> ! {
        panic!("{problem}: {error}\n{}", self.screen().await)
    }

    /// Where the browser is and the start of what it shows, for failure messages:
    /// a page that shows a sign-in prompt or an error says why a step failed.
    async fn screen(&self) -> String {
        let url = match self.driver.current_url().await {
            Ok(url) => url.to_string(),
            Err(error) => format!("(no address: {error})"),
        };
        let text = match self.driver.find(By::Tag("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(error) => format!("(no page: {error})"),
        };
        let shown: String = text.chars().take(SCREEN_CHARS).collect();
        format!("The page at {url} showed:\n{shown}")
    }

    /// The first visible element of `tag` whose text contains `text`.
    pub async fn find_text(&self, tag: &str, text: &str) -> WebElement {
        self.wait_for(
            By::XPath(format!("//{tag}[contains(normalize-space(.), '{text}')]")),
            &format!("no <{tag}> showing \"{text}\""),
        )
        .await
    }

    /// The input labelled `label`, found through the label's `for`.
    pub async fn find_labelled(&self, label: &str) -> WebElement {
        let label_element = self.find_text("label", label).await;
        let id = label_element
            .attr("for")
            .await
            .unwrap()
            .expect("label without for");
        self.driver.find(By::Id(id)).await.unwrap()
    }

    /// The first visible element of `tag` showing `text` inside the section whose
    /// heading reads `heading`.
    pub async fn find_in_section(&self, heading: &str, tag: &str, text: &str) -> WebElement {
        self.wait_for(
            By::XPath(format!(
                "//section[h2[normalize-space(.) = '{heading}']]//{tag}[contains(normalize-space(.), '{text}')]"
            )),
            &format!("no <{tag}> showing \"{text}\" under \"{heading}\""),
        )
        .await
    }

    /// Waits until no element of `tag` shows `text` any more.
    pub async fn wait_until_gone(&self, tag: &str, text: &str) {
        self.driver
            .query(By::XPath(format!(
                "//{tag}[contains(normalize-space(.), '{text}')]"
            )))
            .wait(WAIT, POLL)
            .wait_until_gone()
            .await
            .unwrap_or_else(|e| panic!("<{tag}> showing \"{text}\" is still there: {e}"));
    }

    /// Types `text` into the field labelled `label`, after what it already holds.
    pub async fn type_into(&self, label: &str, text: &str) {
        self.find_labelled(label)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into \"{label}\": {e}"));
    }

    /// Picks the option showing `option` in the list labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        self.find_labelled(label)
            .await
            .find(By::XPath(format!(
                "./option[normalize-space(.) = '{option}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("no option \"{option}\" in \"{label}\": {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Waits until the field labelled `label` holds exactly `expected`.
    pub async fn wait_for_value(&self, label: &str, expected: &str) {
        let field = self.find_labelled(label).await;
        let mut value = None;
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            value = field.prop("value").await.unwrap();
            if value.as_deref() == Some(expected) {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("\"{label}\" holds {value:?}, not \"{expected}\"");
    }

    /// The input whose label reads exactly `label` inside the group (fieldset) whose
    /// legend reads `legend`: "Nội dung" of "Mục 2".
    pub async fn find_labelled_in(&self, legend: &str, label: &str) -> WebElement {
        let label_element = self
            .wait_for(
                By::XPath(format!(
                    "//fieldset[legend[normalize-space(.) = '{legend}']]//label[normalize-space(.) = '{label}']"
                )),
                &format!("no \"{label}\" in \"{legend}\""),
            )
            .await;
        let id = label_element
            .attr("for")
            .await
            .unwrap()
            .expect("label without for");
        self.driver.find(By::Id(id)).await.unwrap()
    }

    /// Types `text` into the field labelled `label` of the group `legend`.
    pub async fn type_into_in(&self, legend: &str, label: &str, text: &str) {
        self.find_labelled_in(legend, label)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into \"{label}\" of \"{legend}\": {e}"));
    }

    /// Replaces what `field` holds with `text`, as a person does: select all, type.
    pub async fn retype(&self, field: &WebElement, text: &str) {
        field.send_keys(Key::Control + "a").await.unwrap();
        field.send_keys(Key::Backspace).await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Picks the first option of the list `select` whose text starts with `prefix`.
    pub async fn choose_starting(&self, select: &WebElement, prefix: &str) {
        select
            .find(By::XPath(format!(
                "./option[starts-with(normalize-space(.), '{prefix}')]"
            )))
            .await
            .unwrap_or_else(|e| panic!("no option starting \"{prefix}\": {e}"))
            .click()
            .await
            .unwrap();
    }

    /// The message shown for the input `field` (its `aria-describedby` error).
    pub async fn field_error(&self, field: &WebElement) -> String {
        let id = field.id().await.unwrap().expect("input without id");
        self.wait_for(
            By::Id(format!("{id}-loi")),
            &format!("no message for #{id}"),
        )
        .await
        .text()
        .await
        .unwrap()
    }

    /// The link reading `text` in the navigation or section headed `heading`.
    pub async fn find_link_under(&self, heading: &str, text: &str) -> WebElement {
        self.wait_for(
            By::XPath(format!(
                "//*[self::nav or self::section][h2[normalize-space(.) = '{heading}']]//a[normalize-space(.) = '{text}']"
            )),
            &format!("no link \"{text}\" under \"{heading}\""),
        )
        .await
    }

    /// The text field of the search form (role `search`) in the site header.
    pub async fn find_header_search_box(&self) -> WebElement {
        self.wait_for(
            By::XPath("//header//form[@role='search']//input".to_owned()),
            "no search box in the header",
        )
        .await
    }

    pub async fn find_button(&self, text: &str) -> WebElement {
        self.find_text("button", text).await
    }

    pub async fn find_link(&self, text: &str) -> WebElement {
        self.find_text("a", text).await
    }

    /// Waits until the address bar shows a path starting with `prefix`; answers the path.
    pub async fn wait_for_path_starting(&self, prefix: &str) -> String {
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            let path = self.driver.current_url().await.unwrap().path().to_owned();
            if path.starts_with(prefix) {
                return path;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("never reached {prefix}…\n{}", self.screen().await);
    }

    /// Waits until the address bar shows a path ending in `path`.
    pub async fn wait_for_path(&self, path: &str) {
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            if self.driver.current_url().await.unwrap().path() == path {
                return;
            }
            tokio::time::sleep(POLL).await;
        }
        panic!("never reached {path}\n{}", self.screen().await);
    }

    pub async fn close(self) {
        let _ = self.driver.quit().await;
    }
}
