//! Pure text helpers of the console, unit-tested on the host.

pub mod attempt;
pub mod calendar;
pub mod citizen_dossiers;
pub mod dossiers;
pub mod event_stream;
pub mod feedback;
pub mod form_values;
pub mod geojson;
pub mod labels;
pub mod next_path;
pub mod procedures;
pub mod schedule;
pub mod slug;
pub mod waiting;
pub mod ward_info;
