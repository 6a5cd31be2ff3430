use sea_orm::entity::prelude::*;

/// One citizen's application under a procedure (hồ sơ).
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `{unit code}-{yyMMdd}-{NNNN}`, from `dossier_sequence`.
    #[sea_orm(unique)]
    pub code: String,
    pub unit_id: i64,
    pub procedure_id: i64,
    /// The procedure as it was when the dossier was filed.
    pub procedure_version_id: i64,
    /// The signed-in citizen who filed it.
    pub applicant_id: i64,
    /// Wire name of `openapi::dossiers::DossierStatus`.
    pub status: String,
    /// Field key → value as JSON; file fields hold upload ids.
    #[sea_orm(column_type = "Text")]
    pub form: String,
    pub applicant_name: String,
    /// The phone the public lookup asks for (normalized `PhoneNumber`).
    pub contact_phone: String,
    /// Where status changes are e-mailed, when known.
    pub contact_email: Option<String>,
    pub submitted_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
    pub accepted_by: Option<i64>,
    /// The appointment date set at acceptance; it stays on record after an apology.
    pub due_on: Option<Date>,
    /// The new date of the latest apology.
    pub rescheduled_due_on: Option<Date>,
    /// The department officer processing it.
    pub assigned_to: Option<i64>,
    pub result_ready_at: Option<DateTimeUtc>,
    pub returned_at: Option<DateTimeUtc>,
    /// The citizen's rating of the service, 1 (very poor) to 5 (very good).
    pub rating: Option<i16>,
    #[sea_orm(column_type = "Text", nullable)]
    pub rating_comment: Option<String>,
    pub rated_at: Option<DateTimeUtc>,
    /// One more with every change; updates are conditional on the one read.
    pub revision: i32,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
