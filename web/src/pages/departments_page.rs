//! "/quan-tri/bo-phan": the ward's departments and who reads each one's feedback.
//! The unit's admins add a department officer of the ward to a department, so the
//! feedback the web officer forwards there reaches them, and take members out.

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::auth::{Role, StaffMember};
use openapi::feedback_workflow::{Department, StaffLabel};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::confirm_action::ConfirmAction;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{field_message, message_id};
use crate::components::loading::Loading;
use crate::state::session::use_session;
use crate::state::site::use_site;

/// The staff who may join a department: the ward's department officers not in it yet.
pub fn candidates(staff: &[StaffMember], department: &Department) -> Vec<(i64, String)> {
    staff
        .iter()
        .filter(|member| member.roles.contains(&Role::DepartmentOfficer))
        .filter(|member| {
            !department
                .members
                .iter()
                .any(|joined| joined.account_id == member.id)
        })
        .map(|member| (member.id, member.full_name.clone()))
        .collect()
}

#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let loaded = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move {
                        let departments = api::feedback_staff::departments(&token, &unit).await?;
                        let staff = api::staff::list(&token, &unit).await?;
                        Ok((departments, staff))
                    }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Bộ phận" />
        <h1>"Bộ phận"</h1>
        <p class="lead">
            "Phản ánh, kiến nghị được chuyển đến bộ phận nào thì các cán bộ là thành viên của bộ phận đó xử lý. "
            "Chỉ thêm được cán bộ đã được cấp vai trò cán bộ bộ phận chuyên môn của phường."
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    loaded.await.map(|(departments, staff)| view! { <DepartmentList departments staff /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn DepartmentList(departments: Vec<Department>, staff: Vec<StaffMember>) -> impl IntoView {
    if departments.is_empty() {
        return Either::Left(view! { <p class="empty">"Phường chưa có bộ phận nào."</p> });
    }
    let staff = StoredValue::new(staff);
    Either::Right(view! {
        <div class="department-list">
            {departments
                .into_iter()
                .map(|department| view! { <DepartmentCard department staff /> })
                .collect_view()}
        </div>
    })
}

#[component]
fn DepartmentCard(department: Department, staff: StoredValue<Vec<StaffMember>>) -> impl IntoView {
    let slug = department.slug.clone();
    let heading_id = format!("bo-phan-{slug}");
    let labelled_by = heading_id.clone();
    let department = RwSignal::new(department);
    let on_changed = Callback::new(move |fresh: Department| department.set(fresh));
    view! {
        <section class="department-card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || department.with(|d| d.name.clone())}</h2>
            {move || {
                let members = department.with(|d| d.members.clone());
                if members.is_empty() {
                    Either::Left(view! { <p class="empty">"Chưa có thành viên."</p> })
                } else {
                    let slug = department.with_untracked(|d| d.slug.clone());
                    Either::Right(view! {
                        <ul class="department-members">
                            {members
                                .into_iter()
                                .map(|member| view! { <MemberItem department=slug.clone() member on_changed /> })
                                .collect_view()}
                        </ul>
                    })
                }
            }}
            {move || {
                let choices = staff.with_value(|staff| department.with(|d| candidates(staff, d)));
                view! { <AddMemberForm department=slug.clone() choices on_changed /> }
            }}
        </section>
    }
}

/// A member, with "Bỏ khỏi bộ phận" and its confirmation.
#[component]
fn MemberItem(
    department: String,
    member: StaffLabel,
    on_changed: Callback<Department>,
) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let name = member.full_name.clone();
    let account_id = member.account_id;
    let remove = move |()| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let (unit, department) = (unit.clone(), department.clone());
        spawn_local(async move {
            let done = session
                .authorized(move |token| {
                    let (unit, department) = (unit.clone(), department.clone());
                    async move {
                        api::departments::remove_member(&token, &unit, &department, account_id)
                            .await
                    }
                })
                .await;
            pending.set(false);
            match done {
                Ok(fresh) => on_changed.run(fresh),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    view! {
        <li class="department-member">
            <span class="department-member-name">{member.full_name}</span>
            <ConfirmAction
                button="Bỏ khỏi bộ phận"
                button_label=format!("Bỏ {name} khỏi bộ phận")
                group_label=format!("Xác nhận bỏ {name} khỏi bộ phận")
                question=format!("Bỏ {name} khỏi bộ phận? Cán bộ sẽ không nhận phản ánh mới của bộ phận này nữa.")
                confirm="Xác nhận bỏ"
                pending
                on_confirm=Callback::new(remove)
            />
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        </li>
    }
}

/// A select of the ward's department officers not yet in the department, and "Thêm".
#[component]
fn AddMemberForm(
    department: String,
    choices: Vec<(i64, String)>,
    on_changed: Callback<Department>,
) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let field_id = format!("bo-phan-{department}-them");
    let error_id = message_id(&field_id);
    let chosen = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    // The server names `account_id` when it refuses the chosen account.
    let message = field_message(error, "account_id");
    let general = move || {
        error
            .get()
            .filter(|error| error.field_message("account_id").is_none())
    };
    let no_choice = choices.is_empty();
    let dept = department.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Ok(account_id) = chosen.get_untracked().parse::<i64>() else {
            error.set(Some(ApiError::invalid_fields(vec![
                openapi::FieldError::new("account_id", "required", "Hãy chọn một cán bộ"),
            ])));
            return;
        };
        pending.set(true);
        error.set(None);
        let (unit, department) = (unit.clone(), dept.clone());
        spawn_local(async move {
            let done = session
                .authorized(move |token| {
                    let (unit, department) = (unit.clone(), department.clone());
                    async move {
                        api::departments::add_member(&token, &unit, &department, account_id).await
                    }
                })
                .await;
            pending.set(false);
            match done {
                Ok(fresh) => on_changed.run(fresh),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    if no_choice {
        return Either::Left(view! {
            <p class="field-hint">
                "Không còn cán bộ bộ phận chuyên môn nào để thêm. Cấp vai trò cho cán bộ ở mục Người dùng."
            </p>
        });
    }
    let described = error_id.clone();
    Either::Right(view! {
        {move || general().map(|error| view! { <ErrorMessage error /> })}
        <form class="form add-member-form" on:submit=on_submit novalidate>
            <div class="field">
                <label for=field_id.clone()>"Thêm cán bộ vào bộ phận"</label>
                <select
                    id=field_id.clone()
                    disabled=move || pending.get()
                    on:change=move |event| chosen.set(event_target_value(&event))
                    aria-invalid=move || message.get().map(|_| "true")
                    aria-describedby=move || message.get().map(|_| described.clone())
                >
                    <option value="" prop:selected=move || chosen.get().is_empty()>
                        "— Chọn cán bộ —"
                    </option>
                    {choices
                        .into_iter()
                        .map(|(id, name)| {
                            let value = id.to_string();
                            let selected = value.clone();
                            view! {
                                <option value=value prop:selected=move || chosen.get() == selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                {move || message.get().map(|text| view! {
                    <p id=error_id.clone() class="field-error">{text}</p>
                })}
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || pending.get()>
                    "Thêm vào bộ phận"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang thêm…"</span> })}
            </div>
        </form>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: i64, name: &str, roles: &[Role]) -> StaffMember {
        StaffMember {
            id,
            full_name: name.into(),
            email: None,
            phone: None,
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn only_department_officers_outside_the_department_may_join() {
        let staff = [
            member(1, "Trần Văn Địa", &[Role::DepartmentOfficer]),
            member(2, "Lê Thị Biên", &[Role::WebOfficer]),
            member(3, "Phạm Thu Hà", &[Role::DepartmentOfficer, Role::Reviewer]),
        ];
        let department = Department {
            slug: "dia-chinh".into(),
            name: "Địa chính – Xây dựng".into(),
            members: vec![StaffLabel {
                account_id: 1,
                full_name: "Trần Văn Địa".into(),
            }],
        };
        assert_eq!(
            candidates(&staff, &department),
            [(3, "Phạm Thu Hà".to_owned())]
        );
    }
}
