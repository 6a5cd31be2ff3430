use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::document_title::DocumentTitle;
use crate::components::latest_announcements::LatestAnnouncements;
use crate::components::latest_articles::LatestArticles;
use crate::components::spokesperson_contact::SpokespersonCard;
use crate::state::site::use_site;

/// The home of a ward site: a greeting, the ways in to what citizens come for, and
/// the latest news and the current announcements.
#[component]
pub fn WardHomePage() -> impl IntoView {
    let name = use_site().unit.name;
    view! {
        <DocumentTitle page=name.clone() />
        <h1>{name.clone()}</h1>
        <p class="lead">"Chào mừng bạn đến với Cổng thông tin điện tử " {name} "."</p>
        <section aria-labelledby="loi-tat">
            <h2 id="loi-tat">"Dành cho người dân"</h2>
            <ul class="card-list">
                <Shortcut
                    href="/dich-vu-cong"
                    title="Dịch vụ công"
                    text="Tra cứu thủ tục, nộp hồ sơ trực tuyến và theo dõi kết quả."
                />
                <Shortcut
                    href="/phan-anh"
                    title="Phản ánh kiến nghị"
                    text="Gửi phản ánh, kiến nghị và xem các câu trả lời đã công bố."
                />
                <Shortcut
                    href="/tin-tuc"
                    title="Tin tức"
                    text="Tin tức và hoạt động của phường."
                />
                <Shortcut
                    href="/van-ban"
                    title="Văn bản"
                    text="Tra cứu văn bản chỉ đạo, điều hành theo loại, năm ban hành và hiệu lực."
                />
                <Shortcut
                    href="/lich-cong-tac"
                    title="Lịch công tác"
                    text="Lịch làm việc trong tuần của lãnh đạo phường."
                />
                <Shortcut
                    href="/to-chuc"
                    title="Cơ cấu tổ chức"
                    text="Các cơ quan, tổ chức của phường và danh bạ liên hệ."
                />
                <Shortcut
                    href="/gioi-thieu"
                    title="Giới thiệu"
                    text="Giới thiệu chung, bản đồ hành chính và thông tin quy hoạch."
                />
            </ul>
        </section>
        <SpokespersonCard />
        <div class="home-columns">
            <LatestArticles id="tin-moi" heading="Tin mới" />
            <LatestAnnouncements id="thong-bao" heading="Thông báo" />
        </div>
    }
}

#[component]
fn Shortcut(href: &'static str, title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <li class="card">
            <h3 class="card-title">
                <A href=href>{title}</A>
            </h3>
            <p>{text}</p>
        </li>
    }
}
