//! The demo dossiers: every ward's inbox and statistics have something in each
//! state, moved there through the real services, and seeding twice adds nothing.

use std::collections::BTreeSet;

use chrono::Datelike;
use entity::{calendar_year, dossier};
use openapi::auth::Role;
use openapi::dossier_statistics::DossierStatistics;
use openapi::dossiers::DossierStatus;
use sea_orm::{ActiveModelTrait, EntityTrait, QueryFilter, Set};

use crate::dossier_arrange::prepared;

on_both_databases! {
    async fn the_demo_gives_every_ward_dossiers_in_each_state_once(app) {
        prepared(&app).await;
        // Dossiers accepted now get dates in the coming weeks, which may run into
        // next year: its calendar must be confirmed, as an administrator would.
        let next_year = api::local_time::today().year() + 1;
        if calendar_year::Entity::find_by_id(next_year).one(&app.db).await.unwrap().is_none() {
            calendar_year::ActiveModel {
                year: Set(next_year),
                confirmed_at: Set(chrono::Utc::now()),
                confirmed_by: Set(None),
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        api::seed::seed_demo_accounts(&app.db).await.unwrap();
        assert_eq!(api::seed::seed_demo_dossiers(&app.db).await.unwrap(), 15 * 12);
        assert_eq!(api::seed::seed_demo_dossiers(&app.db).await.unwrap(), 0);

        let ward = api::services::units::by_slug(&app.db, "phuong-9").await.unwrap();
        let statuses: BTreeSet<String> = dossier::Entity::find()
            .filter(dossier::COLUMN.unit_id.eq(ward.id))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.status)
            .collect();
        for status in DossierStatus::ALL {
            assert!(statuses.contains(status.as_str()), "{status:?} missing from {statuses:?}");
        }

        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let statistics: DossierStatistics = app
            .get("/api/v1/units/quan-10/dossiers/statistics")
            .bearer_auth(&admin.access_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(statistics.units.len(), 15);
        let total = statistics.total;
        assert_eq!(total.received, 15 * 12);
        assert_eq!(total.refused, 15);
        assert_eq!(total.returned_late, 15);
        assert_eq!(total.returned_on_time + total.returned_early, 15);
        assert_eq!(total.overdue, 15);
    }
}
