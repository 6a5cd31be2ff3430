//! Accounts: registration, sign-in, passwords and the roles staff hold.

use chrono::Utc;
use entity::{account, role_assignment, unit};
use openapi::auth::{Login, Me, NewAccount, Role, RoleAssignment};
use openapi::values::{Email, FullName, Password, PhoneNumber};
use openapi::{ErrorCode, FieldError};
use sea_orm::Set;
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, SqlErr, TransactionSession, TransactionTrait,
};

use crate::auth::current_user::Grant;
use crate::auth::password;
use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::audit::{self, AuditEvent};
use crate::services::{login_throttle, sessions};

pub async fn find_active<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<account::Model>, ApiError> {
    Ok(account::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|account| account.is_active))
}

async fn find_by_login<C: ConnectionTrait>(
    db: &C,
    login: &Login,
) -> Result<Option<account::Model>, ApiError> {
    let query = match login {
        Login::Email(email) => {
            account::Entity::find().filter(account::COLUMN.email.eq(email.as_str()))
        }
        Login::Phone(phone) => {
            account::Entity::find().filter(account::COLUMN.phone.eq(phone.as_str()))
        }
    };
    Ok(query.one(db).await?)
}

/// Refuses an e-mail or phone that another account already has.
async fn ensure_unique<C: ConnectionTrait>(
    db: &C,
    email: Option<&Email>,
    phone: Option<&PhoneNumber>,
) -> Result<(), ApiError> {
    if let Some(email) = email
        && find_by_login(db, &Login::Email(email.clone()))
            .await?
            .is_some()
    {
        return Err(ApiError::Conflict {
            code: ErrorCode::EmailTaken,
            field: "email",
        });
    }
    if let Some(phone) = phone
        && find_by_login(db, &Login::Phone(phone.clone()))
            .await?
            .is_some()
    {
        return Err(ApiError::Conflict {
            code: ErrorCode::PhoneTaken,
            field: "phone",
        });
    }
    Ok(())
}

/// Inserts an account; a unique-index race with a concurrent registration is
/// reported like the check before it.
async fn insert<C: ConnectionTrait>(
    db: &C,
    full_name: &FullName,
    email: Option<&Email>,
    phone: Option<&PhoneNumber>,
    password_hash: String,
) -> Result<account::Model, ApiError> {
    ensure_unique(db, email, phone).await?;
    let now = Utc::now();
    let inserted = account::ActiveModel {
        full_name: Set(full_name.as_str().to_owned()),
        email: Set(email.map(|e| e.as_str().to_owned())),
        phone: Set(phone.map(|p| p.as_str().to_owned())),
        password_hash: Set(password_hash),
        is_active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(account) => Ok(account),
        Err(error) => match error.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(detail)) if detail.contains("phone") => {
                Err(ApiError::Conflict {
                    code: ErrorCode::PhoneTaken,
                    field: "phone",
                })
            }
            Some(SqlErr::UniqueConstraintViolation(_)) => Err(ApiError::Conflict {
                code: ErrorCode::EmailTaken,
                field: "email",
            }),
            _ => Err(error.into()),
        },
    }
}

/// A citizen registers. They hold no roles.
pub async fn register<C: TransactionTrait>(
    db: &C,
    new: NewAccount,
) -> Result<account::Model, ApiError> {
    create(db, new, None).await
}

/// An account, and its first role when it is staff, in one transaction.
async fn create<C: TransactionTrait>(
    db: &C,
    new: NewAccount,
    first_role: Option<(Role, i64)>,
) -> Result<account::Model, ApiError> {
    let password_hash = password::hash(&new.password).await?;
    let txn = begin_write(db).await?;
    let account = insert(
        &txn,
        &new.full_name,
        new.email.as_ref(),
        new.phone.as_ref(),
        password_hash,
    )
    .await?;
    let account_id = account.id;
    match first_role {
        None => {
            audit::record(
                &txn,
                Some(account_id),
                None,
                AuditEvent::AccountRegistered { account_id },
            )
            .await?
        }
        Some((role, unit_id)) => {
            audit::record(
                &txn,
                None,
                Some(unit_id),
                AuditEvent::AccountCreated { account_id },
            )
            .await?;
            grant_role_in(&txn, None, account_id, role, unit_id).await?;
        }
    }
    txn.commit().await?;
    Ok(account)
}

/// Checks a login and password and starts a session. Too many failures for one
/// login or from one client lock them for a while (429) whatever the password.
pub async fn sign_in<C: TransactionTrait>(
    db: &C,
    login_input: &str,
    candidate: &str,
    client: &str,
    refresh_days: i64,
) -> Result<sessions::IssuedRefreshToken, ApiError> {
    let login = Login::parse(login_input).map_err(ApiError::invalid)?;
    if candidate.is_empty() {
        return Err(ApiError::invalid(FieldError::new(
            "password",
            "required",
            "Vui lòng nhập mật khẩu",
        )));
    }
    let attempt = login_throttle::Attempt {
        login_key: login.key(),
        client,
    };
    let txn = begin_write(db).await?;
    login_throttle::check(&txn, &attempt).await?;
    let account = find_by_login(&txn, &login).await?;
    let matches =
        password::verify(candidate, account.as_ref().map(|a| a.password_hash.clone())).await?;
    let account = match account {
        Some(account) if account.is_active && matches => account,
        other => {
            let reason = match &other {
                None => "unknown_login",
                Some(account) if !account.is_active => "account_disabled",
                Some(_) => "wrong_password",
            };
            let account_id = other.map(|a| a.id);
            login_throttle::record_failure(&txn, &attempt).await?;
            let event = AuditEvent::SignInFailed {
                account_id,
                login: login.masked(),
                reason,
            };
            audit::record(&txn, account_id, None, event).await?;
            // Committed: the failure counts although the answer is an error.
            txn.commit().await?;
            return Err(ApiError::Unauthorized(ErrorCode::InvalidCredentials));
        }
    };
    login_throttle::clear(&txn, &attempt).await?;
    let issued = sessions::start(&txn, account.id, refresh_days).await?;
    let event = AuditEvent::SignedIn {
        account_id: account.id,
        session: issued.session.clone(),
    };
    audit::record(&txn, Some(account.id), None, event).await?;
    txn.commit().await?;
    Ok(issued)
}

/// Ends every session of the account.
pub async fn sign_out<C: TransactionTrait>(db: &C, account_id: i64) -> Result<(), ApiError> {
    let txn = begin_write(db).await?;
    sessions::end_all(&txn, account_id).await?;
    let event = AuditEvent::SignedOut { account_id };
    audit::record(&txn, Some(account_id), None, event).await?;
    Ok(txn.commit().await?)
}

/// Sets a new password and ends every session, here and on other devices.
pub async fn set_password<C: TransactionTrait>(
    db: &C,
    account: account::Model,
    new_password: &Password,
) -> Result<(), ApiError> {
    let password_hash = password::hash(new_password).await?;
    let account_id = account.id;
    let mut active: account::ActiveModel = account.into();
    active.password_hash = sea_orm::Set(password_hash);
    active.updated_at = sea_orm::Set(Utc::now());
    let txn = begin_write(db).await?;
    active.update(&txn).await?;
    sessions::end_all(&txn, account_id).await?;
    let event = AuditEvent::PasswordChanged { account_id };
    audit::record(&txn, Some(account_id), None, event).await?;
    Ok(txn.commit().await?)
}

/// Disables an account: it can no longer sign in, and every session ends now.
pub async fn disable<C: TransactionTrait>(
    db: &C,
    actor: Option<i64>,
    account: account::Model,
) -> Result<(), ApiError> {
    let account_id = account.id;
    let mut active: account::ActiveModel = account.into();
    active.is_active = sea_orm::Set(false);
    active.updated_at = sea_orm::Set(Utc::now());
    let txn = begin_write(db).await?;
    active.update(&txn).await?;
    sessions::end_all(&txn, account_id).await?;
    audit::record(
        &txn,
        actor,
        None,
        AuditEvent::AccountDisabled { account_id },
    )
    .await?;
    Ok(txn.commit().await?)
}

pub async fn change_password<C: TransactionTrait>(
    db: &C,
    account: account::Model,
    current: &str,
    new: &str,
) -> Result<(), ApiError> {
    let new_password = Password::parse(new).map_err(|e| ApiError::invalid(e.on("new_password")))?;
    if !password::verify(current, Some(account.password_hash.clone())).await? {
        return Err(ApiError::invalid(FieldError::new(
            "current_password",
            "wrong_password",
            "Mật khẩu hiện tại không đúng",
        )));
    }
    set_password(db, account, &new_password).await
}

pub async fn grants<C: ConnectionTrait>(db: &C, account_id: i64) -> Result<Vec<Grant>, ApiError> {
    let rows = role_assignment::Entity::find()
        .filter(role_assignment::COLUMN.account_id.eq(account_id))
        .order_by_asc(role_assignment::COLUMN.id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Role::parse(&row.role).map(|role| Grant {
                role,
                unit_id: row.unit_id,
            })
        })
        .collect())
}

pub async fn me<C: ConnectionTrait>(
    db: &C,
    account: &account::Model,
    grants: &[Grant],
) -> Result<Me, ApiError> {
    let mut roles = Vec::new();
    for grant in grants {
        if let Some(unit) = unit::Entity::find_by_id(grant.unit_id).one(db).await? {
            roles.push(RoleAssignment {
                role: grant.role,
                unit: unit.slug,
                unit_name: unit.name,
            });
        }
    }
    Ok(Me {
        id: account.id,
        full_name: account.full_name.clone(),
        email: account.email.clone(),
        phone: account.phone.clone(),
        roles,
    })
}

/// Gives `role` in `unit_id` to an account; granting a role held already is a no-op.
pub async fn grant_role<C: TransactionTrait>(
    db: &C,
    actor: Option<i64>,
    account_id: i64,
    role: Role,
    unit_id: i64,
) -> Result<(), ApiError> {
    let txn = begin_write(db).await?;
    grant_role_in(&txn, actor, account_id, role, unit_id).await?;
    Ok(txn.commit().await?)
}

/// `grant_role` inside a transaction the caller holds.
async fn grant_role_in<C: ConnectionTrait>(
    db: &C,
    actor: Option<i64>,
    account_id: i64,
    role: Role,
    unit_id: i64,
) -> Result<(), ApiError> {
    let held = role_assignment::Entity::find()
        .filter(role_assignment::COLUMN.account_id.eq(account_id))
        .filter(role_assignment::COLUMN.role.eq(role.as_str()))
        .filter(role_assignment::COLUMN.unit_id.eq(unit_id))
        .one(db)
        .await?;
    if held.is_some() {
        return Ok(());
    }
    role_assignment::ActiveModel {
        account_id: Set(account_id),
        role: Set(role.as_str().to_owned()),
        unit_id: Set(unit_id),
        granted_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let event = AuditEvent::RoleGranted {
        account_id,
        role: role.as_str(),
        unit_id,
    };
    audit::record(db, actor, Some(unit_id), event).await
}

pub async fn revoke_role<C: TransactionTrait>(
    db: &C,
    actor: Option<i64>,
    account_id: i64,
    role: Role,
    unit_id: i64,
) -> Result<(), ApiError> {
    let txn = begin_write(db).await?;
    let removed = role_assignment::Entity::delete_many()
        .filter(role_assignment::COLUMN.account_id.eq(account_id))
        .filter(role_assignment::COLUMN.role.eq(role.as_str()))
        .filter(role_assignment::COLUMN.unit_id.eq(unit_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    let event = AuditEvent::RoleRevoked {
        account_id,
        role: role.as_str(),
        unit_id,
    };
    audit::record(&txn, actor, Some(unit_id), event).await?;
    Ok(txn.commit().await?)
}

/// A staff account made from the command line or the demo seed.
pub struct NewStaff {
    pub account: NewAccount,
    pub role: Role,
    pub unit_id: i64,
}

pub async fn create_staff<C: TransactionTrait>(
    db: &C,
    new: NewStaff,
) -> Result<account::Model, ApiError> {
    create(db, new.account, Some((new.role, new.unit_id))).await
}

pub async fn find_by_login_input<C: ConnectionTrait>(
    db: &C,
    login_input: &str,
) -> Result<account::Model, ApiError> {
    let login = Login::parse(login_input).map_err(ApiError::invalid)?;
    find_by_login(db, &login).await?.ok_or(ApiError::NotFound)
}

/// Staff holding any role in the unit, with those roles.
pub async fn staff_of<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<Vec<(account::Model, Vec<Role>)>, ApiError> {
    let rows = role_assignment::Entity::find()
        .filter(role_assignment::COLUMN.unit_id.eq(unit_id))
        .order_by_asc(role_assignment::COLUMN.account_id)
        .order_by_asc(role_assignment::COLUMN.id)
        .all(db)
        .await?;
    let mut staff: Vec<(account::Model, Vec<Role>)> = Vec::new();
    for row in rows {
        let Some(role) = Role::parse(&row.role) else {
            continue;
        };
        match staff.last_mut() {
            Some((account, roles)) if account.id == row.account_id => roles.push(role),
            _ => {
                if let Some(account) = account::Entity::find_by_id(row.account_id).one(db).await? {
                    staff.push((account, vec![role]));
                }
            }
        }
    }
    Ok(staff)
}
