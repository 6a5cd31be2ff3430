//! Administrative units (đơn vị hành chính) and the site a host name resolves to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    City,
    District,
    Ward,
    Commune,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::City => "city",
            UnitKind::District => "district",
            UnitKind::Ward => "ward",
            UnitKind::Commune => "commune",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "city" => Some(UnitKind::City),
            "district" => Some(UnitKind::District),
            "ward" => Some(UnitKind::Ward),
            "commune" => Some(UnitKind::Commune),
            _ => None,
        }
    }

    /// Vietnamese name of the level, e.g. "Phường".
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::City => "Thành phố",
            UnitKind::District => "Quận",
            UnitKind::Ward => "Phường",
            UnitKind::Commune => "Xã",
        }
    }
}

/// Public contact data of a unit, shown in the footer of its site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnitContact {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One unit with the facts every page of its site needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Unit {
    /// URL name, e.g. `phuong-1`.
    pub slug: String,
    /// National statistics office (GSO) code, e.g. `27184`. Not unique over time:
    /// a code can pass to a successor unit.
    pub code: String,
    /// e.g. "Phường 1".
    pub name: String,
    pub kind: UnitKind,
    /// The parent unit's slug; `null` for a root.
    pub parent: Option<String>,
    /// The public host name of the unit's site, e.g. `phuong1.quan10.gov.vn`.
    pub host: String,
    pub valid_from: NaiveDate,
    /// The last day the unit existed; `null` while it exists.
    pub valid_to: Option<NaiveDate>,
    pub contact: UnitContact,
}

/// A unit in the tree returned by `GET /api/v1/units`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnitNode {
    #[serde(flatten)]
    pub unit: Unit,
    #[cfg_attr(feature = "server", schema(no_recursion))]
    pub children: Vec<UnitNode>,
}

impl UnitNode {
    /// Every unit of this subtree, depth first.
    pub fn flatten(&self) -> Vec<&Unit> {
        let mut units = vec![&self.unit];
        for child in &self.children {
            units.extend(child.flatten());
        }
        units
    }
}

/// How a unit took over (part of) another's territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineageKind {
    /// The successor took over the whole predecessor.
    Whole,
    /// The predecessor was split; the successor took over a part.
    Part,
}

/// One merge or split between two units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnitLineage {
    pub predecessor: String,
    pub successor: String,
    pub kind: LineageKind,
    pub effective_on: NaiveDate,
}

/// A unit with its place in the tree and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnitDetail {
    #[serde(flatten)]
    pub unit: Unit,
    /// The chain of ancestors from the root down to the parent.
    pub ancestors: Vec<Unit>,
    pub children: Vec<Unit>,
    /// Units this one took over.
    pub predecessors: Vec<UnitLineage>,
    /// Units that took this one over.
    pub successors: Vec<UnitLineage>,
    /// Who speaks for the unit today (người phát ngôn), if anyone is appointed.
    #[serde(default)]
    pub spokesperson: Option<crate::spokesperson::Spokesperson>,
}

/// The site a request's host name resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Site {
    pub unit: Unit,
    /// The chain of ancestors from the root down to the parent, for the header
    /// ("Phường 1 — Quận 10").
    pub ancestors: Vec<Unit>,
    /// `true` for a portal (a unit with wards below it), `false` for a ward site.
    pub is_portal: bool,
    /// The units directly below this one, linked from a portal's home page.
    pub children: Vec<SiteLink>,
}

/// A link from a portal to a site below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SiteLink {
    pub slug: String,
    pub name: String,
    pub kind: UnitKind,
    /// The absolute address of the site, e.g. `http://phuong-1.localhost:8080/`.
    pub url: String,
}
