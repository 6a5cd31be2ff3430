use sea_orm::entity::prelude::*;

/// One citizen's feedback. Contact data is never published.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The random tracking code the citizen looks it up with.
    #[sea_orm(unique)]
    pub code: String,
    pub unit_id: i64,
    pub category_id: i64,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub contact_name: String,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub consent_policy_version: String,
    pub consented_at: DateTimeUtc,
    /// `false` when the citizen asked that it stay private.
    pub public: bool,
    pub submitted_by: Option<i64>,
    /// Wire name of `openapi::feedback::FeedbackState`.
    pub state: String,
    pub department_id: Option<i64>,
    pub multi_agency: bool,
    pub due_on: Option<Date>,
    pub received_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The department's draft reply.
    #[sea_orm(column_type = "Text", nullable)]
    pub reply: Option<String>,
    pub published_at: Option<DateTimeUtc>,
    /// The web officer's instruction to the department.
    #[sea_orm(column_type = "Text", nullable)]
    pub instruction: Option<String>,
    pub forwarded_by: Option<i64>,
    pub forwarded_at: Option<DateTimeUtc>,
    pub answered_by: Option<i64>,
    pub answered_at: Option<DateTimeUtc>,
    /// Why the reviewer last sent it back to the department.
    #[sea_orm(column_type = "Text", nullable)]
    pub return_reason: Option<String>,
    pub approved_by: Option<i64>,
    pub approved_at: Option<DateTimeUtc>,
    /// What the public reads, redacted and fixed at approval.
    pub public_title: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub public_content: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub public_reply: Option<String>,
    /// The public texts folded for search (`text::fold`).
    #[sea_orm(column_type = "Text", nullable)]
    pub search_text: Option<String>,
    /// Wire name of `openapi::feedback_workflow::RejectionKind`.
    pub rejection_kind: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub rejection_reason: Option<String>,
    /// The code of the feedback this one repeats.
    pub duplicate_of: Option<String>,
    /// Who should handle it when it is outside the ward's competence.
    pub competent_body: Option<String>,
    pub closed_at: Option<DateTimeUtc>,
}

impl ActiveModelBehavior for ActiveModel {}
