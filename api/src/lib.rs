//! The Ward Portal server and its command line.
//!
//! `routes` parse and authorize HTTP requests and call one function of `services`,
//! where the rules live; `wire` maps database rows to the contract types of the
//! `openapi` crate.

pub mod appointment;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod digest;
pub mod documents;
pub mod error;
pub mod geo;
pub mod local_time;
pub mod lunar;
pub mod mailer;
pub mod middleware;
pub mod openapi_doc;
pub mod outbox_worker;
pub mod routes;
pub mod seed;
pub mod services;
pub mod site;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod text;
pub mod web_app;
pub mod wire;
pub mod working_days;
