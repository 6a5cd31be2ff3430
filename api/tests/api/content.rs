use openapi::ErrorCode;
use openapi::auth::Role;
use openapi::content::{Article, ArticlePage, ReviewQueueEntry, RevisionState, StaffContentItem};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Session, TestApp, problem};

/// An editor's new article in Phường 1, as a draft.
async fn draft_article(
    app: &TestApp,
    editor: &Session,
    slug: &str,
    title: &str,
) -> StaffContentItem {
    let response = app
        .post("/api/v1/units/phuong-1/content")
        .bearer_auth(&editor.access_token)
        .json(&json!({"kind": "article", "slug": slug, "title": title, "category": "tin-tuc", "summary": "Tóm tắt", "body": "Nội dung **chính**."}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn act(
    app: &TestApp,
    who: &Session,
    item: &StaffContentItem,
    action: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    app.post(&format!(
        "/api/v1/units/phuong-1/content/{}/{action}",
        item.id
    ))
    .bearer_auth(&who.access_token)
    .json(&body)
    .send()
    .await
    .unwrap()
}

async fn submit(app: &TestApp, editor: &Session, item: &StaffContentItem) {
    let response = app
        .post(&format!(
            "/api/v1/units/phuong-1/content/{}/submit",
            item.id
        ))
        .bearer_auth(&editor.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

async fn public_article(app: &TestApp, slug: &str) -> reqwest::Response {
    app.get(&format!("/api/v1/units/phuong-1/articles/{slug}"))
        .send()
        .await
        .unwrap()
}

on_both_databases! {
    async fn an_approved_article_is_published_and_a_draft_is_not(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item = draft_article(&app, &editor, "mua-he-xanh", "Ra quân Mùa hè xanh").await;
        assert_eq!(public_article(&app, "mua-he-xanh").await.status(), StatusCode::NOT_FOUND);

        submit(&app, &editor, &item).await;
        let queue: Vec<ReviewQueueEntry> = app
            .get("/api/v1/units/phuong-1/review-queue")
            .bearer_auth(&reviewer.access_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].revision.title, "Ra quân Mùa hè xanh");

        let response = act(&app, &reviewer, &item, "approve", json!({})).await;
        assert_eq!(response.status(), StatusCode::OK);
        let article: Article = public_article(&app, "mua-he-xanh").await.json().await.unwrap();
        assert_eq!(article.title, "Ra quân Mùa hè xanh");
        assert_eq!(article.unit.name, "Phường 1");
        assert!(article.body_html.contains("<strong>chính</strong>"));
    }

    async fn an_editor_cannot_approve(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let item = draft_article(&app, &editor, "bai-1", "Bài một").await;
        submit(&app, &editor, &item).await;
        let response = act(&app, &editor, &item, "approve", json!({})).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(problem(response).await.code, ErrorCode::Forbidden);
        assert_eq!(public_article(&app, "bai-1").await.status(), StatusCode::NOT_FOUND);
    }

    async fn the_author_cannot_approve_their_own_revision_even_as_reviewer(app) {
        let both = app.create_staff(Role::Editor, "phuong-1").await;
        let account = api::services::accounts::find_by_login_input(&app.db, &both.login).await.unwrap();
        let unit = api::services::units::by_slug(&app.db, "phuong-1").await.unwrap();
        api::services::accounts::grant_role(&app.db, None, account.id, Role::Reviewer, unit.id).await.unwrap();
        let session = app.sign_in(&both).await;
        let item = draft_article(&app, &session, "tu-duyet", "Tự duyệt").await;
        submit(&app, &session, &item).await;
        let response = act(&app, &session, &item, "approve", json!({})).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(problem(response).await.code, ErrorCode::CannotReviewOwnWork);
    }

    async fn a_reviewer_of_another_ward_cannot_see_or_act_on_its_drafts(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let stranger = app.login_as(Role::Reviewer, "phuong-2").await;
        let item = draft_article(&app, &editor, "noi-bo", "Nội bộ").await;
        submit(&app, &editor, &item).await;
        let seen = app
            .get(&format!("/api/v1/units/phuong-1/content/{}", item.id))
            .bearer_auth(&stranger.access_token)
            .send()
            .await
            .unwrap();
        assert_eq!(seen.status(), StatusCode::NOT_FOUND);
        assert_eq!(act(&app, &stranger, &item, "approve", json!({})).await.status(), StatusCode::NOT_FOUND);
        // Nor through their own ward's address.
        let via_own = app
            .post(&format!("/api/v1/units/phuong-2/content/{}/approve", item.id))
            .bearer_auth(&stranger.access_token)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(via_own.status(), StatusCode::NOT_FOUND);
    }

    async fn an_edit_of_a_published_article_leaves_the_public_version_until_approved(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item = draft_article(&app, &editor, "lich-tiem", "Lịch tiêm chủng tháng 11").await;
        submit(&app, &editor, &item).await;
        act(&app, &reviewer, &item, "approve", json!({})).await;

        let edited = app
            .client
            .put(app.url(&format!("/api/v1/units/phuong-1/content/{}/draft", item.id)))
            .bearer_auth(&editor.access_token)
            .json(&json!({"title": "Lịch tiêm chủng tháng 12", "category": "tin-tuc", "summary": "", "body": "Mới"}))
            .send()
            .await
            .unwrap();
        let edited: StaffContentItem = edited.json().await.unwrap();
        assert_eq!(edited.live.as_ref().unwrap().title, "Lịch tiêm chủng tháng 11");
        assert_eq!(edited.working.as_ref().unwrap().state, RevisionState::Draft);
        submit(&app, &editor, &item).await;
        let public: Article = public_article(&app, "lich-tiem").await.json().await.unwrap();
        assert_eq!(public.title, "Lịch tiêm chủng tháng 11");

        act(&app, &reviewer, &item, "approve", json!({})).await;
        let public: Article = public_article(&app, "lich-tiem").await.json().await.unwrap();
        assert_eq!(public.title, "Lịch tiêm chủng tháng 12");
        assert!(public.first_published_at <= public.published_at);
    }

    async fn a_returned_article_carries_the_reason_and_goes_back_to_draft_when_edited(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item = draft_article(&app, &editor, "can-sua", "Cần sửa").await;
        submit(&app, &editor, &item).await;

        let without_reason = act(&app, &reviewer, &item, "return", json!({"reason": "  "})).await;
        assert_eq!(without_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let returned: StaffContentItem = act(&app, &reviewer, &item, "return", json!({"reason": "Thiếu nguồn ảnh"})).await.json().await.unwrap();
        let working = returned.working.unwrap();
        assert_eq!(working.state, RevisionState::Returned);
        assert_eq!(working.return_reason.as_deref(), Some("Thiếu nguồn ảnh"));

        let resubmit_unedited = app
            .post(&format!("/api/v1/units/phuong-1/content/{}/submit", item.id))
            .bearer_auth(&editor.access_token)
            .send()
            .await
            .unwrap();
        assert_eq!(resubmit_unedited.status(), StatusCode::CONFLICT);
        let saved: StaffContentItem = app
            .client
            .put(app.url(&format!("/api/v1/units/phuong-1/content/{}/draft", item.id)))
            .bearer_auth(&editor.access_token)
            .json(&json!({"title": "Đã sửa", "body": "Ảnh: UBND phường"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(saved.working.unwrap().state, RevisionState::Draft);
        assert_eq!(app.audit_events("content_transition").await, 4, "created, submitted, returned, back to draft");
    }

    async fn a_revision_in_review_cannot_be_edited_or_approved_twice(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item = draft_article(&app, &editor, "mot-lan", "Một lần").await;
        submit(&app, &editor, &item).await;
        let edit = app
            .client
            .put(app.url(&format!("/api/v1/units/phuong-1/content/{}/draft", item.id)))
            .bearer_auth(&editor.access_token)
            .json(&json!({"title": "Sửa lén"}))
            .send()
            .await
            .unwrap();
        assert_eq!(edit.status(), StatusCode::CONFLICT);
        assert_eq!(act(&app, &reviewer, &item, "approve", json!({})).await.status(), StatusCode::OK);
        let again = act(&app, &reviewer, &item, "approve", json!({})).await;
        assert_eq!(again.status(), StatusCode::CONFLICT);
        assert_eq!(problem(again).await.code, ErrorCode::InvalidTransition);
    }

    async fn a_scheduled_article_stays_hidden_until_its_time(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item = draft_article(&app, &editor, "hen-gio", "Hẹn giờ").await;
        submit(&app, &editor, &item).await;
        let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
        let scheduled: StaffContentItem = act(&app, &reviewer, &item, "approve", json!({"publish_at": tomorrow})).await.json().await.unwrap();
        assert!(scheduled.live.is_none());
        assert_eq!(scheduled.working.unwrap().state, RevisionState::Published);
        assert_eq!(public_article(&app, "hen-gio").await.status(), StatusCode::NOT_FOUND);
    }

    async fn an_archived_article_leaves_the_public_site(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item = draft_article(&app, &editor, "cu", "Tin cũ").await;
        submit(&app, &editor, &item).await;
        act(&app, &reviewer, &item, "approve", json!({})).await;
        let archived: StaffContentItem = act(&app, &reviewer, &item, "archive", json!({})).await.json().await.unwrap();
        assert!(archived.archived);
        assert_eq!(public_article(&app, "cu").await.status(), StatusCode::NOT_FOUND);
    }

    async fn the_district_lists_its_wards_articles_page_by_page(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        for n in 1..=3 {
            let item = draft_article(&app, &editor, &format!("tin-{n}"), &format!("Tin số {n}")).await;
            submit(&app, &editor, &item).await;
            act(&app, &reviewer, &item, "approve", json!({})).await;
        }
        let first: ArticlePage = app.get("/api/v1/units/quan-10/articles?limit=2").send().await.unwrap().json().await.unwrap();
        assert_eq!(first.items.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(), ["Tin số 3", "Tin số 2"]);
        assert!(first.items.iter().all(|a| a.unit.slug == "phuong-1"));
        let cursor = first.next_cursor.unwrap();
        let second: ArticlePage = app
            .get(&format!("/api/v1/units/quan-10/articles?limit=2&cursor={cursor}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(second.items.len(), 1);
        assert_eq!(second.items[0].title, "Tin số 1");
        assert!(second.next_cursor.is_none());
        let other_ward: ArticlePage = app.get("/api/v1/units/phuong-2/articles").send().await.unwrap().json().await.unwrap();
        assert!(other_ward.items.is_empty());
        let by_category: ArticlePage = app.get("/api/v1/units/phuong-1/articles?category=hoat-dong").send().await.unwrap().json().await.unwrap();
        assert!(by_category.items.is_empty());
    }

    async fn a_taken_slug_is_a_conflict(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        draft_article(&app, &editor, "trung", "Lần đầu").await;
        let response = app
            .post("/api/v1/units/phuong-1/content")
            .bearer_auth(&editor.access_token)
            .json(&json!({"kind": "article", "slug": "trung", "title": "Lần hai"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(problem(response).await.code, ErrorCode::SlugTaken);
    }

    async fn scripts_in_an_article_never_reach_the_public(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let response = app
            .post("/api/v1/units/phuong-1/content")
            .bearer_auth(&editor.access_token)
            .json(&json!({"kind": "article", "slug": "xss", "title": "Thử", "body": "<script>alert(1)</script>\n\n[bấm](javascript:alert(1))\n\n<img src=x onerror=alert(1)>"}))
            .send()
            .await
            .unwrap();
        let item: StaffContentItem = response.json().await.unwrap();
        submit(&app, &editor, &item).await;
        act(&app, &reviewer, &item, "approve", json!({})).await;
        let article: Article = public_article(&app, "xss").await.json().await.unwrap();
        assert!(article.body_html.contains("bấm"), "the link text stays");
        for banned in ["<script", "href=\"javascript:", "onerror"] {
            assert!(!article.body_html.contains(banned), "{banned} in {}", article.body_html);
        }
    }
}

on_both_databases! {
    async fn history_diff_and_restore_of_an_article(app) {
        use openapi::content::{DiffChange, PublicChange, RevisionDiff, RevisionHistoryEntry};
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item = draft_article(&app, &editor, "lich-su", "Bản đầu").await;
        submit(&app, &editor, &item).await;
        act(&app, &reviewer, &item, "approve", json!({"comment": "Đồng ý"})).await;
        let base = format!("/api/v1/units/phuong-1/content/{}", item.id);
        app.client
            .put(app.url(&format!("{base}/draft")))
            .bearer_auth(&editor.access_token)
            .json(&json!({"title": "Bản hai", "body": "Nội dung **chính**.\nDòng mới."}))
            .send()
            .await
            .unwrap();

        let history: Vec<RevisionHistoryEntry> = app.get(&format!("{base}/revisions")).bearer_auth(&reviewer.access_token).send().await.unwrap().json().await.unwrap();
        assert_eq!(history.iter().map(|h| h.revision.number).collect::<Vec<_>>(), [2, 1]);
        let approval = history[1].transitions.last().unwrap();
        assert_eq!((approval.to, approval.comment.as_deref()), (RevisionState::Published, Some("Đồng ý")));

        let diff: RevisionDiff = app.get(&format!("{base}/diff?from=1&to=2")).bearer_auth(&editor.access_token).send().await.unwrap().json().await.unwrap();
        assert!(diff.title.iter().any(|l| l.change == DiffChange::Delete && l.text == "Bản đầu"));
        assert!(diff.body.iter().any(|l| l.change == DiffChange::Insert && l.text == "Dòng mới."));

        let restored: StaffContentItem = app
            .post(&format!("{base}/revisions/1/restore"))
            .bearer_auth(&editor.access_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(restored.draft.title, "Bản đầu");
        assert_eq!(restored.working.unwrap().state, RevisionState::Draft);

        let changes: Vec<PublicChange> = app.get("/api/v1/units/phuong-1/articles/lich-su/changes").send().await.unwrap().json().await.unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].approved_by, "Nguyễn Văn Kiểm Thử");
    }
}

on_both_databases! {
    async fn a_page_is_public_only_once_approved_and_is_not_an_article(app) {
        use openapi::content::PublishedPage;
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let item: StaffContentItem = app
            .post("/api/v1/units/phuong-1/content")
            .bearer_auth(&editor.access_token)
            .json(&json!({"kind": "page", "slug": "gioi-thieu", "title": "Giới thiệu Phường 1", "body": "Phường 1 nằm ở phía bắc Quận 10."}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let page_url = "/api/v1/units/phuong-1/pages/gioi-thieu";
        assert_eq!(app.get(page_url).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        submit(&app, &editor, &item).await;
        act(&app, &reviewer, &item, "approve", json!({})).await;
        let page: PublishedPage = app.get(page_url).send().await.unwrap().json().await.unwrap();
        assert_eq!(page.title, "Giới thiệu Phường 1");
        assert!(page.body_html.contains("phía bắc"));
        assert_eq!(public_article(&app, "gioi-thieu").await.status(), StatusCode::NOT_FOUND);
        let articles: ArticlePage = app.get("/api/v1/units/phuong-1/articles").send().await.unwrap().json().await.unwrap();
        assert!(articles.items.is_empty());
    }
}
