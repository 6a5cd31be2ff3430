//! A ward's departments and who works in each: a department officer sees the
//! feedback forwarded to the departments they are a member of.

use std::collections::HashMap;

use entity::{account, department, department_member, role_assignment};
use openapi::FieldError;
use openapi::auth::Role;
use openapi::dossier_workflow::DepartmentOfficer;
use openapi::feedback_workflow::{Department, StaffLabel};
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, Set, SqlErr, TransactionSession, TransactionTrait,
};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::audit::{self, AuditEvent};

pub async fn by_slug<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    slug: &str,
) -> Result<Option<department::Model>, ApiError> {
    Ok(department::Entity::find()
        .filter(department::COLUMN.unit_id.eq(unit_id))
        .filter(department::COLUMN.slug.eq(slug))
        .one(db)
        .await?)
}

/// The ids of the departments of `unit_id` that `account_id` works in.
pub async fn of_member<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    account_id: i64,
) -> Result<Vec<i64>, ApiError> {
    let ids: Vec<i64> = department_member::Entity::find()
        .filter(department_member::COLUMN.account_id.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|member| member.department_id)
        .collect();
    Ok(department::Entity::find()
        .filter(department::COLUMN.unit_id.eq(unit_id))
        .filter(department::COLUMN.id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect())
}

pub async fn is_member<C: ConnectionTrait>(
    db: &C,
    department_id: i64,
    account_id: i64,
) -> Result<bool, ApiError> {
    Ok(department_member::Entity::find()
        .filter(department_member::COLUMN.department_id.eq(department_id))
        .filter(department_member::COLUMN.account_id.eq(account_id))
        .one(db)
        .await?
        .is_some())
}

/// Names of staff accounts by id, for labels.
pub async fn staff_labels<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, StaffLabel>, ApiError> {
    let ids: Vec<i64> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(account::Entity::find()
        .filter(account::COLUMN.id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| {
            (
                a.id,
                StaffLabel {
                    account_id: a.id,
                    full_name: a.full_name,
                },
            )
        })
        .collect())
}

/// The unit's department officers (the role a dossier is assigned by), active
/// accounts only, by name, each with the departments they work in.
pub async fn officers<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<Vec<DepartmentOfficer>, ApiError> {
    let ids: Vec<i64> = role_assignment::Entity::find()
        .filter(role_assignment::COLUMN.unit_id.eq(unit_id))
        .filter(
            role_assignment::COLUMN
                .role
                .eq(Role::DepartmentOfficer.as_str()),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|grant| grant.account_id)
        .collect();
    let accounts = account::Entity::find()
        .filter(account::COLUMN.id.is_in(ids))
        .filter(account::COLUMN.is_active.eq(true))
        .order_by_asc(account::COLUMN.full_name)
        .all(db)
        .await?;
    let departments = list(db, unit_id).await?;
    Ok(accounts
        .into_iter()
        .map(|account| DepartmentOfficer {
            departments: departments
                .iter()
                .filter(|d| d.members.iter().any(|m| m.account_id == account.id))
                .map(|d| d.name.clone())
                .collect(),
            account_id: account.id,
            full_name: account.full_name,
        })
        .collect())
}

/// Every department of the unit with its members, in the order they were set up.
pub async fn list<C: ConnectionTrait>(db: &C, unit_id: i64) -> Result<Vec<Department>, ApiError> {
    let departments = department::Entity::find()
        .filter(department::COLUMN.unit_id.eq(unit_id))
        .order_by_asc(department::COLUMN.id)
        .all(db)
        .await?;
    with_members(db, departments).await
}

/// One department with its members, as it stands after a change.
pub async fn one<C: ConnectionTrait>(
    db: &C,
    department: department::Model,
) -> Result<Department, ApiError> {
    let mut described = with_members(db, vec![department]).await?;
    described
        .pop()
        .ok_or_else(|| anyhow::anyhow!("a department described as none").into())
}

/// The departments with their members, in two queries whatever their number.
async fn with_members<C: ConnectionTrait>(
    db: &C,
    departments: Vec<department::Model>,
) -> Result<Vec<Department>, ApiError> {
    let members = department_member::Entity::find()
        .filter(
            department_member::COLUMN
                .department_id
                .is_in(departments.iter().map(|d| d.id)),
        )
        .order_by_asc(department_member::COLUMN.id)
        .all(db)
        .await?;
    let labels = staff_labels(db, members.iter().map(|m| m.account_id)).await?;
    Ok(departments
        .into_iter()
        .map(|d| Department {
            members: members
                .iter()
                .filter(|m| m.department_id == d.id)
                .filter_map(|m| labels.get(&m.account_id).cloned())
                .collect(),
            slug: d.slug,
            name: d.name,
        })
        .collect())
}

/// Adds a department officer of the unit to the department; adding them twice
/// changes nothing.
pub async fn add_member<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    department: &department::Model,
    account_id: i64,
    actor: i64,
) -> Result<(), ApiError> {
    let is_officer = role_assignment::Entity::find()
        .filter(role_assignment::COLUMN.account_id.eq(account_id))
        .filter(role_assignment::COLUMN.unit_id.eq(department.unit_id))
        .filter(
            role_assignment::COLUMN
                .role
                .eq(Role::DepartmentOfficer.as_str()),
        )
        .one(db)
        .await?
        .is_some();
    if !is_officer {
        return Err(ApiError::invalid(FieldError::new(
            "account_id",
            "not_department_officer",
            "Tài khoản này không phải cán bộ chuyên môn của phường",
        )));
    }
    let txn = begin_write(db).await?;
    if is_member(&txn, department.id, account_id).await? {
        return Ok(txn.commit().await?);
    }
    let inserted = department_member::ActiveModel {
        department_id: Set(department.id),
        account_id: Set(account_id),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match inserted {
        Ok(_) => {}
        // Another admin added them at the same moment: they are a member, as asked.
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Ok(());
        }
        Err(error) => return Err(error.into()),
    }
    let event = AuditEvent::DepartmentMemberAdded {
        department_id: department.id,
        account_id,
    };
    audit::record(&txn, Some(actor), Some(department.unit_id), event).await?;
    Ok(txn.commit().await?)
}

pub async fn remove_member<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    department: &department::Model,
    account_id: i64,
    actor: i64,
) -> Result<(), ApiError> {
    let txn = begin_write(db).await?;
    let removed = department_member::Entity::delete_many()
        .filter(department_member::COLUMN.department_id.eq(department.id))
        .filter(department_member::COLUMN.account_id.eq(account_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    let event = AuditEvent::DepartmentMemberRemoved {
        department_id: department.id,
        account_id,
    };
    audit::record(&txn, Some(actor), Some(department.unit_id), event).await?;
    Ok(txn.commit().await?)
}
