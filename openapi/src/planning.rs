//! Planning information (thông tin quy hoạch): planning documents with the legal
//! document fields, what kind of plan it is, and its zones drawn over the ward map.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::content::UnitLabel;
use crate::legal_documents::DocumentFields;
use crate::values::normalize_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanType {
    /// Quy hoạch phân khu (1/2000).
    Zoning,
    /// Quy hoạch chi tiết (1/500).
    Detailed,
    /// Kế hoạch sử dụng đất.
    LandUse,
    Other,
}

impl PlanType {
    pub const ALL: [PlanType; 4] = [
        PlanType::Zoning,
        PlanType::Detailed,
        PlanType::LandUse,
        PlanType::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PlanType::Zoning => "Quy hoạch phân khu tỷ lệ 1/2000",
            PlanType::Detailed => "Quy hoạch chi tiết tỷ lệ 1/500",
            PlanType::LandUse => "Kế hoạch sử dụng đất",
            PlanType::Other => "Thông tin quy hoạch khác",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Đang lấy ý kiến.
    Consultation,
    /// Đã phê duyệt.
    Approved,
    /// Điều chỉnh.
    Adjusted,
    /// Hủy bỏ.
    Cancelled,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 4] = [
        PlanStatus::Consultation,
        PlanStatus::Approved,
        PlanStatus::Adjusted,
        PlanStatus::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Consultation => "Đang lấy ý kiến",
            PlanStatus::Approved => "Đã phê duyệt",
            PlanStatus::Adjusted => "Điều chỉnh",
            PlanStatus::Cancelled => "Hủy bỏ",
        }
    }
}

/// What a planning document adds to a legal document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanningFields {
    pub document: DocumentFields,
    pub plan_type: PlanType,
    /// Diện tích, in hectares.
    #[serde(default)]
    pub area_hectares: Option<f64>,
    /// The approving decision, e.g. "Quyết định số 1234/QĐ-UBND ngày 05/3/2025 của
    /// UBND Thành phố".
    #[serde(default)]
    pub approval_decision: String,
    pub status: PlanStatus,
    /// The planning zones: a GeoJSON FeatureCollection of polygons, each with a
    /// `name` and a `land_use` property. Checked by the server.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Option<Object>))]
    pub zones: Option<serde_json::Value>,
}

impl PlanningFields {
    /// The fields normalized, or every problem at once (the zones' geometry is
    /// checked by the server).
    pub fn parse(&self) -> Result<PlanningFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let document = self.document.parse_at("details.planning.document");
        if self
            .area_hectares
            .is_some_and(|area| !area.is_finite() || area <= 0.0 || area > 100_000.0)
        {
            errors.push(FieldError::new(
                "details.planning.area_hectares",
                "out_of_range",
                "Diện tích phải lớn hơn 0 ha",
            ));
        }
        let approval_decision = normalize_text(&self.approval_decision);
        if approval_decision.chars().count() > 500 {
            errors.push(FieldError::new(
                "details.planning.approval_decision",
                "too_long",
                "Tối đa 500 ký tự",
            ));
        }
        match document {
            Ok(document) if errors.is_empty() => Ok(PlanningFields {
                document,
                plan_type: self.plan_type,
                area_hectares: self.area_hectares,
                approval_decision,
                status: self.status,
                zones: self.zones.clone().filter(|zones| !zones.is_null()),
            }),
            Ok(_) => Err(errors),
            Err(mut found) => {
                found.extend(errors);
                Err(found)
            }
        }
    }
}

/// A published planning document, with its zones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PlanningDocument {
    pub unit: UnitLabel,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub planning: PlanningFields,
    /// Where to download the full text, if it was uploaded.
    pub file_url: Option<String>,
    /// Sanitized HTML rendered from the author's Markdown.
    pub body_html: String,
    pub published_at: DateTime<FixedOffset>,
}
