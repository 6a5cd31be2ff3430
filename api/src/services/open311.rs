//! Open311 GeoReport v2 over citizen feedback: a ward's categories are its
//! services; a request is sent exactly as the web form sends feedback, vouched
//! for by an API key; what anyone reads back is only what may be public.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use entity::{department, feedback, feedback_category, unit};
use openapi::FieldError;
use openapi::api_keys::ApiKeyScope;
use openapi::feedback::FeedbackState;
use openapi::open311::{
    NewServiceRequest, RequestStatus, Service, ServiceDefinition, ServiceRequest,
    ServiceRequestCreated, open311_field,
};
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, TransactionSession, TransactionTrait,
};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::api_keys::{self, KeyRefusal};
use crate::services::audit::{self, AuditEvent};
use crate::services::feedback as feedback_service;
use crate::services::units::UnitScope;
use crate::text::redact::redact;

/// Most requests one list answers (the specification's own bound).
pub const MAX_REQUESTS: u64 = 1000;
/// The window a list covers when no dates are given.
pub const DEFAULT_DAYS: i64 = 90;

/// Why an Open311 call failed: the key, or anything else.
#[derive(Debug)]
pub enum Refusal {
    Key(KeyRefusal),
    Api(ApiError),
}

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Self {
        Refusal::Api(error)
    }
}

impl From<DbErr> for Refusal {
    fn from(error: DbErr) -> Self {
        Refusal::Api(error.into())
    }
}

/// Checks an API key that must be sent (`required`) or may be (GETs identify the
/// client with one); a key sent is always checked.
pub async fn check_key<C: ConnectionTrait>(
    db: &C,
    presented: Option<&str>,
    scope: ApiKeyScope,
    unit: &UnitScope,
    required: bool,
) -> Result<(), Refusal> {
    if !required && presented.is_none() {
        return Ok(());
    }
    api_keys::authenticate(db, presented, scope, unit)
        .await?
        .map(|_| ())
        .map_err(Refusal::Key)
}

/// `open` while the ward works on it; `closed` once answered, rejected or closed.
pub fn status_of(state: FeedbackState) -> RequestStatus {
    match state {
        FeedbackState::Received
        | FeedbackState::Forwarded
        | FeedbackState::Answered
        | FeedbackState::ReturnedToDepartment
        | FeedbackState::Approved => RequestStatus::Open,
        FeedbackState::Published | FeedbackState::Rejected | FeedbackState::Closed => {
            RequestStatus::Closed
        }
    }
}

/// What a third party's user reads about where the feedback stands.
pub fn status_notes(state: FeedbackState) -> &'static str {
    match state {
        FeedbackState::Received => "Phường đã tiếp nhận phản ánh và đang phân loại",
        FeedbackState::Forwarded => "Đã chuyển bộ phận chuyên môn xử lý",
        FeedbackState::Answered => "Bộ phận chuyên môn đã dự thảo trả lời, đang chờ duyệt",
        FeedbackState::ReturnedToDepartment => "Bộ phận chuyên môn đang xử lý lại",
        FeedbackState::Approved => "Câu trả lời đã được duyệt, sắp công bố",
        FeedbackState::Published => "Phường đã trả lời và công bố kết quả",
        FeedbackState::Rejected => "Phường không tiếp nhận phản ánh này",
        FeedbackState::Closed => "Phản ánh đã đóng",
    }
}

fn states_with(status: RequestStatus) -> impl Iterator<Item = &'static str> {
    FeedbackState::ALL
        .into_iter()
        .filter(move |state| status_of(*state) == status)
        .map(FeedbackState::as_str)
}

async fn departments<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<HashMap<i64, String>, ApiError> {
    Ok(department::Entity::find()
        .filter(department::COLUMN.unit_id.eq(unit_id))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect())
}

async fn categories<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<Vec<feedback_category::Model>, ApiError> {
    Ok(feedback_category::Entity::find()
        .filter(feedback_category::COLUMN.unit_id.eq(unit_id))
        .order_by_asc(feedback_category::COLUMN.display_order)
        .all(db)
        .await?)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The ward's feedback categories as Open311 services.
pub async fn services<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<Vec<Service>, ApiError> {
    let departments = departments(db, unit.id).await?;
    Ok(categories(db, unit.id)
        .await?
        .into_iter()
        .map(|category| Service {
            description: format!(
                "Phản ánh, kiến nghị về {} gửi {}",
                lowercase_first(&category.name),
                unit.name
            ),
            metadata: false,
            kind: "realtime".to_owned(),
            keywords: category
                .name
                .split(',')
                .map(|word| word.trim().to_lowercase())
                .filter(|word| !word.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            group: category
                .default_department_id
                .and_then(|id| departments.get(&id).cloned())
                .unwrap_or_else(|| unit.name.clone()),
            service_code: category.code,
            service_name: category.name,
        })
        .collect())
}

async fn category<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
) -> Result<Option<feedback_category::Model>, ApiError> {
    Ok(feedback_category::Entity::find()
        .filter(feedback_category::COLUMN.unit_id.eq(unit.id))
        .filter(feedback_category::COLUMN.code.eq(code.trim()))
        .one(db)
        .await?)
}

/// A service's definition: no service asks for extra attributes.
pub async fn service<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
) -> Result<ServiceDefinition, ApiError> {
    let category = category(db, unit, code).await?.ok_or(ApiError::NotFound)?;
    Ok(ServiceDefinition {
        service_code: category.code,
        attributes: Vec::new(),
    })
}

fn unknown_service() -> ApiError {
    ApiError::invalid(FieldError::new(
        "service_code",
        "unknown_category",
        "Phường không có dịch vụ (lĩnh vực phản ánh) này",
    ))
}

/// Sends the request as feedback through the same path as the web form; the key
/// (checked first) vouches for the citizen's consent, which the audit trail records
/// with the key in the same transaction as the feedback.
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    scope: &UnitScope,
    key: Option<&str>,
    request: &NewServiceRequest,
) -> Result<ServiceRequestCreated, Refusal> {
    let key = api_keys::authenticate(db, key, ApiKeyScope::FeedbackWrite, scope)
        .await?
        .map_err(Refusal::Key)?;
    let service_code = request.service_code.as_deref().unwrap_or_default();
    let category = category(db, unit, service_code)
        .await?
        .ok_or_else(unknown_service)?;
    let new = request
        .to_feedback(&category.name)
        .map_err(ApiError::Validation)?;
    let checked = new.parse().map_err(|errors| {
        ApiError::Validation(
            errors
                .into_iter()
                .map(|error| FieldError {
                    field: open311_field(&error.field).to_owned(),
                    ..error
                })
                .collect(),
        )
    })?;
    let txn = begin_write(db).await?;
    let receipt = feedback_service::submit(&txn, unit, None, checked)
        .await
        .map_err(|error| match error {
            ApiError::Validation(errors) => ApiError::Validation(
                errors
                    .into_iter()
                    .map(|error| FieldError {
                        field: open311_field(&error.field).to_owned(),
                        ..error
                    })
                    .collect(),
            ),
            other => other,
        })?;
    let event = AuditEvent::Open311RequestReceived {
        feedback_code: receipt.code.clone(),
        api_key_id: key.id,
        consent_attested_by_key: true,
    };
    audit::record(&txn, None, Some(unit.id), event).await?;
    txn.commit().await?;
    let mut notice = format!(
        "{} đã tiếp nhận phản ánh, mã tra cứu {}.",
        unit.name, receipt.code
    );
    match receipt.due_date {
        Some(day) => notice.push_str(&format!(" Hạn trả lời: {}.", day.format("%d/%m/%Y"))),
        None => notice.push_str(" Phường sẽ báo hạn trả lời sau."),
    }
    if request
        .media_url
        .as_deref()
        .is_some_and(|url| !url.trim().is_empty())
    {
        notice.push_str(" Ảnh qua media_url chưa được nhận; gửi ảnh qua trang của phường.");
    }
    Ok(ServiceRequestCreated {
        service_request_id: receipt.code.clone(),
        token: receipt.code,
        service_notice: notice,
        account_id: None,
    })
}

/// The filters of `GET requests`, checked.
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    /// When given, the other filters do not apply (the specification's rule).
    pub codes: Option<Vec<String>>,
    pub service_code: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub statuses: Vec<RequestStatus>,
}

fn public_view(
    record: feedback::Model,
    categories: &HashMap<i64, feedback_category::Model>,
    departments: &HashMap<i64, String>,
) -> Result<ServiceRequest, ApiError> {
    let state = FeedbackState::parse(&record.state)
        .ok_or_else(|| anyhow::anyhow!("unknown feedback state {}", record.state))?;
    let category = categories
        .get(&record.category_id)
        .ok_or_else(|| anyhow::anyhow!("feedback {} without category", record.id))?;
    // The address is the citizen's own words: it may hold their name or number.
    let address = record
        .address
        .as_deref()
        .map(|address| redact(address, &[record.contact_name.as_str()]).0)
        .filter(|_| record.public);
    // Only what a reviewer approved for the public is shown, and only once published.
    let published = state == FeedbackState::Published && record.public;
    let status_notes = match record.public_reply.as_deref().filter(|_| published) {
        Some(reply) => format!("{}. Trả lời: {reply}", status_notes(state)),
        None => status_notes(state).to_owned(),
    };
    Ok(ServiceRequest {
        service_request_id: record.code,
        status: status_of(state),
        status_notes,
        description: record.public_content.filter(|_| published),
        service_name: category.name.clone(),
        service_code: category.code.clone(),
        agency_responsible: record
            .department_id
            .and_then(|id| departments.get(&id).cloned()),
        requested_datetime: record.received_at.fixed_offset(),
        updated_datetime: record.updated_at.fixed_offset(),
        address,
        lat: record.latitude.filter(|_| record.public),
        long: record.longitude.filter(|_| record.public),
    })
}

async fn views<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    records: Vec<feedback::Model>,
) -> Result<Vec<ServiceRequest>, ApiError> {
    let categories = categories(db, unit_id)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let departments = departments(db, unit_id).await?;
    records
        .into_iter()
        .map(|record| public_view(record, &categories, &departments))
        .collect()
}

/// The ward's feedback that its senders let be public, newest first: by codes, or
/// by category, dates (the last 90 days unless given) and status.
pub async fn requests<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    filter: RequestFilter,
) -> Result<Vec<ServiceRequest>, ApiError> {
    let mut query = feedback::Entity::find()
        .filter(feedback::COLUMN.unit_id.eq(unit.id))
        .filter(feedback::COLUMN.public.eq(true));
    if let Some(codes) = filter.codes {
        let codes: Vec<String> = codes.iter().map(|c| c.trim().to_uppercase()).collect();
        query = query.filter(feedback::COLUMN.code.is_in(codes));
    } else {
        let end = filter.end.unwrap_or_else(Utc::now);
        let start = filter
            .start
            .unwrap_or_else(|| end - Duration::days(DEFAULT_DAYS));
        query = query
            .filter(feedback::COLUMN.received_at.gte(start))
            .filter(feedback::COLUMN.received_at.lte(end));
        if let Some(code) = filter.service_code {
            let Some(category) = category(db, unit, &code).await? else {
                return Ok(Vec::new());
            };
            query = query.filter(feedback::COLUMN.category_id.eq(category.id));
        }
        if !filter.statuses.is_empty() {
            let states: Vec<&str> = filter
                .statuses
                .iter()
                .flat_map(|status| states_with(*status))
                .collect();
            query = query.filter(feedback::COLUMN.state.is_in(states));
        }
    }
    let records = query
        .order_by_desc(feedback::COLUMN.received_at)
        .order_by_desc(feedback::COLUMN.id)
        .limit(MAX_REQUESTS)
        .all(db)
        .await?;
    views(db, unit.id, records).await
}

/// One feedback by its code, as anyone may see it; `unit` (the jurisdiction),
/// when given, must be the feedback's. Answers the feedback's unit too.
pub async fn request<C: ConnectionTrait>(
    db: &C,
    code: &str,
    unit: Option<&unit::Model>,
) -> Result<(ServiceRequest, i64), ApiError> {
    let record = feedback::Entity::find()
        .filter(feedback::COLUMN.code.eq(code.trim().to_uppercase()))
        .one(db)
        .await?
        .filter(|record| unit.is_none_or(|unit| unit.id == record.unit_id))
        .ok_or(ApiError::NotFound)?;
    let unit_id = record.unit_id;
    let view = views(db, unit_id, vec![record])
        .await?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("a feedback vanished while mapped"))?;
    Ok((view, unit_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_answered_rejected_or_closed_feedback_is_closed() {
        let closed: Vec<&str> = states_with(RequestStatus::Closed).collect();
        assert_eq!(closed, ["published", "rejected", "closed"]);
        assert_eq!(states_with(RequestStatus::Open).count(), 5);
    }
}
