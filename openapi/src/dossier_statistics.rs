//! Dossier statistics for a period, per ward and procedure: received, accepted,
//! refused, results returned early / on time / late, in progress and overdue; a
//! district sees its wards side by side.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::content::UnitLabel;

/// Longest period one request may cover, in days (five years).
pub const MAX_DAYS: i64 = 5 * 366;

/// Counts of one procedure, one ward, or a sum of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierCounts {
    /// Filed in the period.
    pub received: u32,
    /// Accepted at intake in the period.
    pub accepted: u32,
    /// Refused at intake in the period.
    pub refused: u32,
    /// Results returned in the period whose result was ready before the appointment date.
    pub returned_early: u32,
    /// … on the appointment date.
    pub returned_on_time: u32,
    /// … after the original appointment date (an apology does not change that).
    pub returned_late: u32,
    /// Filed by the end of the period and not finished now (no result returned, not
    /// refused or withdrawn).
    pub in_progress: u32,
    /// Of those in progress, accepted ones without a result past their original
    /// appointment date today.
    pub overdue: u32,
}

impl std::ops::AddAssign for DossierCounts {
    fn add_assign(&mut self, other: DossierCounts) {
        self.received += other.received;
        self.accepted += other.accepted;
        self.refused += other.refused;
        self.returned_early += other.returned_early;
        self.returned_on_time += other.returned_on_time;
        self.returned_late += other.returned_late;
        self.in_progress += other.in_progress;
        self.overdue += other.overdue;
    }
}

impl DossierCounts {
    /// Results returned in the period, however timely.
    pub fn returned(&self) -> u32 {
        self.returned_early + self.returned_on_time + self.returned_late
    }
}

/// One procedure's counts in one ward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ProcedureCounts {
    pub procedure_code: String,
    pub procedure_name: String,
    pub counts: DossierCounts,
}

/// One ward: its procedures that had any dossier, and their sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnitDossierStatistics {
    pub unit: UnitLabel,
    pub procedures: Vec<ProcedureCounts>,
    pub total: DossierCounts,
}

/// `GET /api/v1/units/{unit}/dossiers/statistics?from=&to=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierStatistics {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// For a district, each ward; for a ward, the ward itself.
    pub units: Vec<UnitDossierStatistics>,
    /// The requested unit: the sums of `units`.
    pub total: DossierCounts,
}
