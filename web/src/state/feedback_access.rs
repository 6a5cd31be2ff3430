//! Which feedback queues the signed-in user works on, decided as the server does.

use openapi::auth::{Me, Role};
use openapi::feedback_workflow::FeedbackQueue;
use openapi::units::Site;

use crate::state::access::may_act_as;

/// The role that works on `queue`.
pub fn queue_role(queue: FeedbackQueue) -> Role {
    match queue {
        FeedbackQueue::Triage | FeedbackQueue::Publish => Role::WebOfficer,
        FeedbackQueue::Department => Role::DepartmentOfficer,
        FeedbackQueue::Review => Role::Reviewer,
    }
}

/// The queues `me` works on in this site's unit, in the order feedback moves through
/// them.
pub fn my_queues(me: &Me, site: &Site) -> Vec<FeedbackQueue> {
    FeedbackQueue::ALL
        .into_iter()
        .filter(|queue| may_act_as(me, queue_role(*queue), site))
        .collect()
}

/// "Chờ phân loại"…: the queue as staff call it.
pub fn queue_label(queue: FeedbackQueue) -> &'static str {
    match queue {
        FeedbackQueue::Triage => "Chờ phân loại",
        FeedbackQueue::Department => "Bộ phận xử lý",
        FeedbackQueue::Review => "Chờ duyệt trả lời",
        FeedbackQueue::Publish => "Chờ đăng",
    }
}

/// The console address of a queue.
pub fn queue_href(queue: FeedbackQueue) -> String {
    format!("/quan-tri/phan-anh?hang={}", queue.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::auth::RoleAssignment;
    use openapi::units::{Unit, UnitContact, UnitKind};

    fn site() -> Site {
        Site {
            unit: Unit {
                slug: "phuong-1".into(),
                code: "1".into(),
                name: "Phường 1".into(),
                kind: UnitKind::Ward,
                parent: None,
                host: "phuong-1.localhost".into(),
                valid_from: Default::default(),
                valid_to: None,
                contact: UnitContact::default(),
            },
            ancestors: Vec::new(),
            is_portal: false,
            children: Vec::new(),
        }
    }

    fn me(roles: &[Role]) -> Me {
        Me {
            id: 1,
            full_name: "Trần Văn Web".into(),
            email: None,
            phone: None,
            roles: roles
                .iter()
                .map(|&role| RoleAssignment {
                    role,
                    unit: "phuong-1".into(),
                    unit_name: "Phường 1".into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_web_officer_triages_and_publishes_and_a_reviewer_reviews() {
        assert_eq!(
            my_queues(&me(&[Role::WebOfficer]), &site()),
            [FeedbackQueue::Triage, FeedbackQueue::Publish]
        );
        assert_eq!(
            my_queues(&me(&[Role::Reviewer, Role::DepartmentOfficer]), &site()),
            [FeedbackQueue::Department, FeedbackQueue::Review]
        );
        assert!(my_queues(&me(&[Role::Editor]), &site()).is_empty());
    }
}
