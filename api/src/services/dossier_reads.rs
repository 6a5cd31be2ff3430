//! Every read of a dossier: the one mapping from its rows to the wire, for its
//! owner, for the ward's staff (who also see who took each step) and for the public
//! lookup by code and phone (nothing personal).

use std::collections::{BTreeMap, HashMap};

use entity::{dossier, dossier_event, dossier_file, procedure_version, unit, upload};
use openapi::auth::Role;
use openapi::content::UnitLabel;
use openapi::dossier_workflow::DossierAction;
use openapi::dossiers::DossierList;
use openapi::dossiers::{
    Dossier, DossierFile, DossierLookup, DossierProcedure, DossierRating, DossierStatus,
    DossierStep, DossierSummary, ProcessStep, PublicStep, SupplementItem, SupplementRequestDetails,
    dossier_file_url,
};
use openapi::procedures::{FormValue, ProcedureDefinition};
use openapi::values::PhoneNumber;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::auth::current_user::Grant;
use crate::error::ApiError;
use crate::local_time;
use crate::services::dossier_deadlines::{self, Deadline, Standing};
use crate::services::dossier_inbox::{after, cursor_of};
use crate::services::page_cursor::{TimeCursor, TimeList};
use crate::services::units::{self, UnitScope};
use crate::services::{calendar, departments};

/// Who reads a dossier, which decides what they see and may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reader {
    /// The citizen who filed it: no staff names.
    Owner,
    /// Staff of its ward (or a district admin above): the staff names too.
    Staff(StaffMember),
}

/// A member of staff reading or acting on a dossier of their ward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub account_id: i64,
    /// Their roles in the dossier's ward.
    pub roles: Vec<Role>,
    /// A district admin of the ward's district: acts as any staff of the ward.
    pub district_wide: bool,
}

impl StaffMember {
    /// `account_id` holding `grants`, as staff of the unit `scope`, if they are.
    pub fn of(account_id: i64, grants: &[Grant], scope: &UnitScope) -> Option<StaffMember> {
        let roles: Vec<Role> = grants
            .iter()
            .filter(|grant| grant.unit_id == scope.id && STAFF_ROLES.contains(&grant.role))
            .map(|grant| grant.role)
            .collect();
        let district_wide = grants.iter().any(|grant| {
            grant.role == Role::DistrictAdmin && scope.ancestor_ids.contains(&grant.unit_id)
        });
        (district_wide || !roles.is_empty()).then_some(StaffMember {
            account_id,
            roles,
            district_wide,
        })
    }

    /// Whether their roles let them take the staff action `action` (its other
    /// conditions aside).
    pub fn holds_role_for(&self, action: DossierAction) -> bool {
        !action.by_citizen()
            && (self.district_wide || action.roles().iter().any(|role| self.roles.contains(role)))
    }
}

/// The roles that read every dossier of their ward.
pub const STAFF_ROLES: [Role; 3] = [
    Role::IntakeOfficer,
    Role::DepartmentOfficer,
    Role::WardAdmin,
];

/// How `account_id` holding `grants` may read `record` of the unit `scope`, if at
/// all. Staff see more than the owner, so a staff member reads as staff even their
/// own dossier.
pub fn reader_of(
    account_id: i64,
    grants: &[Grant],
    record: &dossier::Model,
    scope: &UnitScope,
) -> Option<Reader> {
    if let Some(member) = StaffMember::of(account_id, grants, scope) {
        Some(Reader::Staff(member))
    } else if record.applicant_id == account_id {
        Some(Reader::Owner)
    } else {
        None
    }
}

/// What `reader` may do to `record` now: the actions its status allows, theirs to
/// take, and whose other conditions hold (the result is reported by the officer
/// it is assigned to, an apology is due only past the date in force, a rating is
/// given once). The workflow refuses anything else.
pub fn actions_for(
    reader: &Reader,
    record: &dossier::Model,
    status: DossierStatus,
    standing: Standing,
) -> Vec<DossierAction> {
    DossierAction::ALL
        .into_iter()
        .filter(|action| action.target(status).is_some())
        .filter(|action| match reader {
            Reader::Owner => action.by_citizen(),
            // A member of staff who filed the dossier themselves still answers it
            // as its citizen.
            Reader::Staff(member) if action.by_citizen() => {
                record.applicant_id == member.account_id
            }
            Reader::Staff(member) => member.holds_role_for(*action),
        })
        .filter(|action| match (action, reader) {
            (DossierAction::ResultReady, Reader::Staff(member)) => {
                member.district_wide || record.assigned_to == Some(member.account_id)
            }
            (DossierAction::Apologize, _) => standing.overdue,
            (DossierAction::Rate, _) => record.rating.is_none(),
            _ => true,
        })
        .collect()
}

/// Whether `contact` is the phone the dossier was filed with, both read as phone
/// numbers (so `+84 912…` matches `0912…`).
pub fn phone_matches(record: &dossier::Model, contact: &str) -> bool {
    let given = PhoneNumber::parse(contact).ok();
    let stored = PhoneNumber::parse(&record.contact_phone).ok();
    matches!((given, stored), (Some(given), Some(stored)) if given == stored)
}

pub fn status_of(record: &dossier::Model) -> Result<DossierStatus, ApiError> {
    DossierStatus::parse(&record.status).ok_or_else(|| {
        anyhow::anyhow!("dossier {} has unknown status {}", record.id, record.status).into()
    })
}

pub async fn by_code<C: ConnectionTrait>(db: &C, code: &str) -> Result<dossier::Model, ApiError> {
    dossier::Entity::find()
        .filter(dossier::COLUMN.code.eq(code.trim().to_uppercase()))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The unit of `record` and the ids above it, for authorization.
async fn scope_of<C: ConnectionTrait>(
    db: &C,
    record: &dossier::Model,
) -> Result<UnitScope, ApiError> {
    let unit = unit::Entity::find_by_id(record.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("dossier {} without unit", record.id))?;
    let ancestor_ids = units::ancestors(db, &unit)
        .await?
        .iter()
        .map(|ancestor| ancestor.id)
        .collect();
    Ok(UnitScope {
        id: unit.id,
        ancestor_ids,
    })
}

/// The dossier `code` and how `account_id` holding `grants` reads it. Anyone else
/// gets 404, exactly as for an unknown code: a dossier's existence is not revealed.
pub async fn readable<C: ConnectionTrait>(
    db: &C,
    code: &str,
    account_id: i64,
    grants: &[Grant],
) -> Result<(dossier::Model, Reader), ApiError> {
    let record = by_code(db, code).await?;
    let scope = scope_of(db, &record).await?;
    let reader = reader_of(account_id, grants, &record, &scope).ok_or(ApiError::NotFound)?;
    Ok((record, reader))
}

/// The dossier `code` for its owner or the ward's staff.
pub async fn read<C: ConnectionTrait>(
    db: &C,
    code: &str,
    account_id: i64,
    grants: &[Grant],
) -> Result<Dossier, ApiError> {
    let (record, reader) = readable(db, code, account_id, grants).await?;
    dossier(db, &record, &reader).await
}

/// The public lookup: a phone other than the one the dossier was filed with
/// answers exactly like an unknown code.
pub async fn look_up<C: ConnectionTrait>(
    db: &C,
    code: &str,
    contact: &str,
) -> Result<DossierLookup, ApiError> {
    let record = by_code(db, code).await?;
    if !phone_matches(&record, contact) {
        return Err(ApiError::NotFound);
    }
    lookup(db, &record).await
}

/// The dossiers `account_id` filed, newest first.
pub async fn mine<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
    cursor: Option<TimeCursor>,
    limit: u64,
) -> Result<DossierList, ApiError> {
    let mut query = dossier::Entity::find().filter(dossier::COLUMN.applicant_id.eq(account_id));
    if let Some(cursor) = cursor {
        query = query.filter(after(&cursor));
    }
    // One more than the page tells whether another page follows.
    let mut records = query
        .order_by_desc(dossier::COLUMN.submitted_at)
        .order_by_desc(dossier::COLUMN.id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let more = records.len() as u64 > limit;
    records.truncate(limit as usize);
    Ok(DossierList {
        items: summaries(db, &records).await?,
        next_cursor: more
            .then(|| {
                records
                    .last()
                    .map(|last| cursor_of(last).encode(TimeList::Dossiers))
            })
            .flatten(),
    })
}

/// The upload behind file `file_id` of the dossier `code`, for its readers.
pub async fn file<C: ConnectionTrait>(
    db: &C,
    code: &str,
    file_id: i64,
    account_id: i64,
    grants: &[Grant],
) -> Result<upload::Model, ApiError> {
    let (record, _) = readable(db, code, account_id, grants).await?;
    let row = dossier_file::Entity::find_by_id(file_id)
        .filter(dossier_file::COLUMN.dossier_id.eq(record.id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    upload::Entity::find_by_id(row.upload_id.as_str())
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("dossier file {} without upload", row.id).into())
}

/// The procedure a dossier was filed under, as it was then.
pub async fn procedure_of<C: ConnectionTrait>(
    db: &C,
    record: &dossier::Model,
) -> Result<(i32, ProcedureDefinition), ApiError> {
    let version = procedure_version::Entity::find_by_id(record.procedure_version_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("dossier {} without procedure version", record.id))?;
    let definition = serde_json::from_str(&version.definition)
        .map_err(|e| anyhow::anyhow!("procedure version {} is unreadable: {e}", version.id))?;
    Ok((version.version, definition))
}

async fn unit_label<C: ConnectionTrait>(db: &C, unit_id: i64) -> Result<UnitLabel, ApiError> {
    let unit = unit::Entity::find_by_id(unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("unit {unit_id} vanished"))?;
    Ok(UnitLabel {
        slug: unit.slug,
        name: unit.name,
    })
}

async fn events<C: ConnectionTrait>(
    db: &C,
    record: &dossier::Model,
) -> Result<Vec<dossier_event::Model>, ApiError> {
    Ok(dossier_event::Entity::find()
        .filter(dossier_event::COLUMN.dossier_id.eq(record.id))
        .order_by_asc(dossier_event::COLUMN.created_at)
        .order_by_asc(dossier_event::COLUMN.id)
        .all(db)
        .await?)
}

struct Event {
    step: DossierStep,
    from: Option<DossierStatus>,
    to: DossierStatus,
    row: dossier_event::Model,
}

fn read_event(row: dossier_event::Model) -> Result<Event, ApiError> {
    let unknown = |what: &str, value: &str| {
        ApiError::from(anyhow::anyhow!(
            "dossier event {} has unknown {what} {value}",
            row.id
        ))
    };
    let step = DossierStep::parse(&row.kind).ok_or_else(|| unknown("kind", &row.kind))?;
    let from = match &row.from_status {
        Some(value) => Some(DossierStatus::parse(value).ok_or_else(|| unknown("status", value))?),
        None => None,
    };
    let to =
        DossierStatus::parse(&row.to_status).ok_or_else(|| unknown("status", &row.to_status))?;
    Ok(Event {
        step,
        from,
        to,
        row,
    })
}

/// The answers as stored (checked when the dossier was filed).
pub fn form_of(record: &dossier::Model) -> Result<BTreeMap<String, FormValue>, ApiError> {
    serde_json::from_str(&record.form)
        .map_err(|e| anyhow::anyhow!("form of dossier {} is unreadable: {e}", record.id).into())
}

async fn files_of<C: ConnectionTrait>(
    db: &C,
    record: &dossier::Model,
) -> Result<BTreeMap<String, Vec<DossierFile>>, ApiError> {
    let rows = dossier_file::Entity::find()
        .filter(dossier_file::COLUMN.dossier_id.eq(record.id))
        .order_by_asc(dossier_file::COLUMN.id)
        .all(db)
        .await?;
    let uploads: HashMap<String, upload::Model> = upload::Entity::find()
        .filter(
            upload::COLUMN
                .id
                .is_in(rows.iter().map(|row| row.upload_id.clone())),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|upload| (upload.id.clone(), upload))
        .collect();
    let mut files: BTreeMap<String, Vec<DossierFile>> = BTreeMap::new();
    for row in rows {
        let upload = uploads
            .get(&row.upload_id)
            .ok_or_else(|| anyhow::anyhow!("dossier file {} without upload", row.id))?;
        files.entry(row.field_key).or_default().push(DossierFile {
            id: row.id,
            filename: upload.filename.clone(),
            content_type: upload.content_type.clone(),
            size: upload.size_bytes.max(0) as u64,
            round: row.round,
            url: dossier_file_url(&record.code, row.id),
        });
    }
    Ok(files)
}

/// The items of the supplement request the dossier waits on, if it waits on one.
fn open_supplement(
    status: DossierStatus,
    events: &[Event],
) -> Result<Vec<SupplementItem>, ApiError> {
    if status != DossierStatus::NeedsSupplement {
        return Ok(Vec::new());
    }
    let Some(request) = events
        .iter()
        .rev()
        .find(|event| event.step == DossierStep::SupplementRequested)
    else {
        return Ok(Vec::new());
    };
    let Some(details) = &request.row.details else {
        return Ok(Vec::new());
    };
    let details: SupplementRequestDetails = serde_json::from_str(details)
        .map_err(|e| anyhow::anyhow!("supplement request {} is unreadable: {e}", request.row.id))?;
    Ok(details.items)
}

fn refusal_reason(status: DossierStatus, events: &[Event]) -> Option<String> {
    if status != DossierStatus::Refused {
        return None;
    }
    events
        .iter()
        .rev()
        .find(|event| event.step == DossierStep::Refused)
        .and_then(|event| event.row.note.clone())
}

fn rating_of(record: &dossier::Model) -> Option<DossierRating> {
    Some(DossierRating {
        score: record.rating?,
        comment: record.rating_comment.clone(),
        rated_at: record.rated_at?.fixed_offset(),
    })
}

/// The dossier in full, for its owner or the ward's staff.
pub async fn dossier<C: ConnectionTrait>(
    db: &C,
    record: &dossier::Model,
    reader: &Reader,
) -> Result<Dossier, ApiError> {
    let status = status_of(record)?;
    let standing = dossier_deadlines::standing(
        &calendar::load(db).await?,
        local_time::today(),
        &Deadline::of(record, status),
    );
    let (version, procedure) = procedure_of(db, record).await?;
    let events = events(db, record)
        .await?
        .into_iter()
        .map(read_event)
        .collect::<Result<Vec<_>, _>>()?;
    let names = match reader {
        Reader::Staff(_) => {
            departments::staff_labels(
                db,
                events
                    .iter()
                    .filter(|event| !event.row.by_citizen)
                    .filter_map(|event| event.row.actor_id)
                    .chain(record.assigned_to),
            )
            .await?
        }
        Reader::Owner => HashMap::new(),
    };
    let steps = events
        .iter()
        .map(|event| ProcessStep {
            step: event.step,
            label: event.step.label().to_owned(),
            from_status: event.from,
            to_status: event.to,
            at: event.row.created_at.fixed_offset(),
            actor: event
                .row
                .actor_id
                .filter(|_| !event.row.by_citizen)
                .and_then(|id| names.get(&id))
                .map(|label| label.full_name.clone()),
            note: event.row.note.clone(),
            due_on: event.row.due_on,
            on_time: event.row.on_time,
        })
        .collect();
    Ok(Dossier {
        code: record.code.clone(),
        status,
        status_label: status.label().to_owned(),
        national_status: status.national(),
        unit: unit_label(db, record.unit_id).await?,
        procedure: DossierProcedure {
            code: procedure.code,
            name: procedure.name,
            version,
        },
        applicant_name: record.applicant_name.clone(),
        contact_phone: record.contact_phone.clone(),
        contact_email: record.contact_email.clone(),
        form: form_of(record)?,
        files: files_of(db, record).await?,
        submitted_at: record.submitted_at.fixed_offset(),
        accepted_at: record.accepted_at.map(|at| at.fixed_offset()),
        due_on: record.due_on,
        rescheduled_due_on: record.rescheduled_due_on,
        at_risk: standing.at_risk,
        late: standing.late,
        supplement_items: open_supplement(status, &events)?,
        assigned_to: record.assigned_to.and_then(|id| names.get(&id)).cloned(),
        actions: actions_for(reader, record, status, standing),
        refusal_reason: refusal_reason(status, &events),
        rating: rating_of(record),
        steps,
    })
}

/// Where the dossier stands, for whoever holds its code and phone: no names, no
/// notes, no answers.
pub async fn lookup<C: ConnectionTrait>(
    db: &C,
    record: &dossier::Model,
) -> Result<DossierLookup, ApiError> {
    let status = status_of(record)?;
    let (_, procedure) = procedure_of(db, record).await?;
    let steps = events(db, record)
        .await?
        .into_iter()
        .map(read_event)
        .map(|event| {
            let event = event?;
            Ok(PublicStep {
                step: event.step,
                label: event.step.label().to_owned(),
                to_status: event.to,
                at: event.row.created_at.fixed_offset(),
                due_on: event.row.due_on,
                on_time: event.row.on_time,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(DossierLookup {
        code: record.code.clone(),
        status,
        status_label: status.label().to_owned(),
        national_status: status.national(),
        procedure_name: procedure.name,
        unit: unit_label(db, record.unit_id).await?,
        submitted_at: record.submitted_at.fixed_offset(),
        accepted_at: record.accepted_at.map(|at| at.fixed_offset()),
        due_on: record.due_on,
        rescheduled_due_on: record.rescheduled_due_on,
        steps,
    })
}

/// What happens next, with the appointment date in force once there is one.
fn next_step(record: &dossier::Model, status: DossierStatus) -> String {
    let waiting_for_result = matches!(
        status,
        DossierStatus::Accepted | DossierStatus::Processing | DossierStatus::ResultReady
    );
    match crate::services::dossier_record::due_in_force(record) {
        Some(due) if waiting_for_result => format!(
            "{} Hẹn trả kết quả: {}.",
            status.next_step(),
            due.format("%d/%m/%Y")
        ),
        _ => status.next_step().to_owned(),
    }
}

/// `records` as list items, in their order.
pub async fn summaries<C: ConnectionTrait>(
    db: &C,
    records: &[dossier::Model],
) -> Result<Vec<DossierSummary>, ApiError> {
    let mut units = HashMap::new();
    let mut procedures = HashMap::new();
    let mut items = Vec::with_capacity(records.len());
    for record in records {
        let status = status_of(record)?;
        if let std::collections::hash_map::Entry::Vacant(entry) = units.entry(record.unit_id) {
            entry.insert(unit_label(db, record.unit_id).await?);
        }
        if let std::collections::hash_map::Entry::Vacant(entry) =
            procedures.entry(record.procedure_version_id)
        {
            entry.insert(procedure_of(db, record).await?.1);
        }
        let procedure = &procedures[&record.procedure_version_id];
        items.push(DossierSummary {
            code: record.code.clone(),
            status,
            status_label: status.label().to_owned(),
            national_status: status.national(),
            unit: units[&record.unit_id].clone(),
            procedure_code: procedure.code.clone(),
            procedure_name: procedure.name.clone(),
            submitted_at: record.submitted_at.fixed_offset(),
            due_on: record.due_on,
            rescheduled_due_on: record.rescheduled_due_on,
            next_step: next_step(record, status),
        });
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filed_by(applicant_id: i64, phone: &str) -> dossier::Model {
        let now = chrono::Utc::now();
        dossier::Model {
            id: 1,
            code: "P01-261129-0001".into(),
            unit_id: 2,
            procedure_id: 1,
            procedure_version_id: 1,
            applicant_id,
            status: "submitted".into(),
            form: "{}".into(),
            applicant_name: "Lê Thị Hoa".into(),
            contact_phone: phone.into(),
            contact_email: None,
            submitted_at: now,
            accepted_at: None,
            accepted_by: None,
            due_on: None,
            rescheduled_due_on: None,
            assigned_to: None,
            result_ready_at: None,
            returned_at: None,
            rating: None,
            rating_comment: None,
            rated_at: None,
            revision: 1,
            updated_at: now,
        }
    }

    const DISTRICT: i64 = 1;
    const WARD: i64 = 2;
    const OTHER_WARD: i64 = 3;

    fn ward() -> UnitScope {
        UnitScope {
            id: WARD,
            ancestor_ids: vec![DISTRICT],
        }
    }

    fn grant(role: Role, unit_id: i64) -> Grant {
        Grant { role, unit_id }
    }

    #[test]
    fn the_owner_reads_as_owner_and_another_citizen_not_at_all() {
        let record = filed_by(10, "0912345678");
        assert_eq!(reader_of(10, &[], &record, &ward()), Some(Reader::Owner));
        assert_eq!(reader_of(11, &[], &record, &ward()), None);
    }

    fn is_staff(reader: Option<Reader>) -> bool {
        matches!(reader, Some(Reader::Staff(_)))
    }

    #[test]
    fn staff_of_the_ward_and_the_district_admin_read_as_staff_but_not_other_wards() {
        let record = filed_by(10, "0912345678");
        for role in STAFF_ROLES {
            assert!(is_staff(reader_of(
                20,
                &[grant(role, WARD)],
                &record,
                &ward()
            )));
            assert_eq!(
                reader_of(20, &[grant(role, OTHER_WARD)], &record, &ward()),
                None
            );
        }
        let district_admin = [grant(Role::DistrictAdmin, DISTRICT)];
        assert!(is_staff(reader_of(20, &district_admin, &record, &ward())));
        assert_eq!(
            reader_of(20, &[grant(Role::Editor, WARD)], &record, &ward()),
            None
        );
    }

    fn staff(roles: &[Role]) -> Reader {
        Reader::Staff(StaffMember {
            account_id: 20,
            roles: roles.to_vec(),
            district_wide: false,
        })
    }

    fn overdue() -> Standing {
        Standing {
            overdue: true,
            late: true,
            at_risk: false,
        }
    }

    #[test]
    fn the_intake_officer_is_offered_the_intake_decisions_and_the_owner_only_withdrawal() {
        use DossierAction as A;
        let record = filed_by(10, "0912345678");
        let status = DossierStatus::Submitted;
        assert_eq!(
            actions_for(
                &staff(&[Role::IntakeOfficer]),
                &record,
                status,
                Standing::default()
            ),
            [A::Accept, A::RequestSupplement, A::Refuse]
        );
        assert_eq!(
            actions_for(
                &staff(&[Role::DepartmentOfficer]),
                &record,
                status,
                Standing::default()
            ),
            []
        );
        assert_eq!(
            actions_for(&Reader::Owner, &record, status, Standing::default()),
            [A::Withdraw]
        );
    }

    #[test]
    fn the_result_is_offered_to_the_assigned_officer_alone() {
        let mut record = filed_by(10, "0912345678");
        record.assigned_to = Some(21);
        let status = DossierStatus::Processing;
        let officer = staff(&[Role::DepartmentOfficer]);
        assert_eq!(
            actions_for(&officer, &record, status, Standing::default()),
            []
        );
        record.assigned_to = Some(20);
        assert_eq!(
            actions_for(&officer, &record, status, Standing::default()),
            [DossierAction::ResultReady]
        );
    }

    #[test]
    fn an_apology_is_offered_only_past_the_date_and_a_rating_only_once() {
        use DossierAction as A;
        let mut record = filed_by(10, "0912345678");
        let admin = staff(&[Role::WardAdmin]);
        let status = DossierStatus::Accepted;
        assert_eq!(
            actions_for(&admin, &record, status, Standing::default()),
            [A::Assign]
        );
        assert_eq!(
            actions_for(&admin, &record, status, overdue()),
            [A::Assign, A::Apologize]
        );
        let returned = DossierStatus::Returned;
        assert_eq!(
            actions_for(&Reader::Owner, &record, returned, Standing::default()),
            [A::Rate]
        );
        record.rating = Some(5);
        assert_eq!(
            actions_for(&Reader::Owner, &record, returned, Standing::default()),
            []
        );
    }

    #[test]
    fn the_next_step_of_an_accepted_dossier_names_the_date_in_force() {
        let mut record = filed_by(10, "0912345678");
        assert_eq!(
            next_step(&record, DossierStatus::Submitted),
            DossierStatus::Submitted.next_step()
        );
        record.due_on = chrono::NaiveDate::from_ymd_opt(2026, 2, 25);
        record.rescheduled_due_on = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
        assert!(
            next_step(&record, DossierStatus::Processing).ends_with("Hẹn trả kết quả: 02/03/2026.")
        );
    }

    #[test]
    fn the_lookup_phone_matches_in_any_written_form_and_nothing_else() {
        let record = filed_by(10, "0912345678");
        assert!(phone_matches(&record, "0912 345 678"));
        assert!(phone_matches(&record, "+84912345678"));
        assert!(!phone_matches(&record, "0912345679"));
        assert!(!phone_matches(&record, ""));
    }
}
