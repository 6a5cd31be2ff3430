//! The weekly work schedule: the public contract (JSON and iCalendar).

use openapi::schedule::Week;
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;

mod calendar;
mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(calendar::calendar).service(show::show);
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct WeekQuery {
    /// An ISO week such as `2026-W48`; default: this week in Vietnam.
    pub week: Option<String>,
}

impl WeekQuery {
    fn week(&self) -> Result<Option<Week>, ApiError> {
        self.week
            .as_deref()
            .map(|value| {
                Week::parse(value).ok_or_else(|| {
                    ApiError::InvalidQuery(format!(
                        "week phải là tuần ISO dạng 2026-W48, không phải \"{value}\""
                    ))
                })
            })
            .transpose()
    }
}
