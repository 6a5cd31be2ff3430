//! The `ward-portal` command line: one binary to migrate, seed, manage users,
//! write the OpenAPI document and serve.

use std::io::Read;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use openapi::auth::Role;
use openapi::values::{Email, FullName, Password, PhoneNumber};

use crate::config::Config;
use crate::services::{accounts, units};
use crate::startup::Application;
use crate::telemetry::LogFormat;
use crate::{db, openapi_doc, seed};

#[derive(Debug, Parser)]
#[command(
    name = "ward-portal",
    version,
    about = "Ward Portal: ward sites, district portal and their API"
)]
pub struct Cli {
    #[arg(
        long,
        env = "LOG_FORMAT",
        value_enum,
        default_value = "json",
        global = true
    )]
    pub log_format: LogFormat,

    #[command(flatten)]
    pub config: Config,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply pending database migrations, then serve.
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Load the unit tree (District 10 and its wards); with --demo also demo data.
    Seed {
        /// Also create one demo staff account per role (passwords printed once)
        /// and demo content (pages, announcements, documents, news) for several units.
        #[arg(long)]
        demo: bool,
    },
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Write the OpenAPI document (to stdout, or --output).
    Openapi {
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account holding one role in one unit.
    Create {
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Full name, e.g. "Nguyễn Thị Lan".
        #[arg(long)]
        name: String,
        /// editor, reviewer, web_officer, department_officer, intake_officer,
        /// ward_admin or district_admin.
        #[arg(long)]
        role: String,
        /// The unit's slug, e.g. phuong-1.
        #[arg(long)]
        unit: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Disable an account: it can no longer sign in; ends all its sessions.
    Disable {
        /// The account's e-mail address or phone number.
        #[arg(long)]
        login: String,
    },
    /// Set an account's password; ends all its sessions.
    SetPassword {
        /// The account's e-mail address or phone number.
        #[arg(long)]
        login: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
}

impl Cli {
    pub async fn run(self) -> anyhow::Result<()> {
        match self.command {
            Command::Openapi { output } => {
                let json = openapi_doc::document_json()?;
                match output {
                    Some(path) => std::fs::write(&path, json)?,
                    None => print!("{json}"),
                }
                Ok(())
            }
            Command::Serve => {
                let app = Application::build(self.config).await?;
                tracing::info!(port = app.port(), "serving");
                app.run_until_stopped().await?;
                Ok(())
            }
            Command::Migrate => {
                let db = db::connect(&self.config.database_url()).await?;
                db::migrate(&db).await?;
                println!("Cơ sở dữ liệu đã được cập nhật (migrations applied).");
                Ok(())
            }
            Command::Seed { demo } => seed_command(&self.config, demo).await,
            Command::User(command) => user_command(&self.config, command).await,
        }
    }
}

async fn seed_command(config: &Config, demo: bool) -> anyhow::Result<()> {
    let db = db::connect(&config.database_url()).await?;
    db::migrate(&db).await?;
    let added = seed::seed_units(&db).await?;
    println!("Đơn vị hành chính: thêm {added} (units added).");
    let days = seed::seed_calendar(&db).await?;
    println!("Lịch ngày nghỉ, ngày làm bù: thêm {days} ngày (calendar days added).");
    let categories = seed::seed_feedback_setup(&db).await?;
    println!("Lĩnh vực phản ánh của các phường: thêm {categories} (feedback categories added).");
    let procedures = seed::seed_procedures(&db).await?;
    println!("Thủ tục hành chính của các phường: thêm {procedures} (procedures added).");
    if !demo {
        return Ok(());
    }
    let accounts = seed::seed_demo_accounts(&db).await?;
    let items = seed::seed_demo_content(&db).await?;
    println!(
        "Nội dung demo (Phường 1, 2, 3 và Quận 10): thêm {items} (demo pages, announcements, documents, news published)."
    );
    let info = seed::seed_demo_ward_info(&db).await?;
    println!(
        "Thông tin phường demo (bộ máy, người phát ngôn, lịch tuần này, ranh giới minh họa): thêm {info} (demo ward information)."
    );
    let feedback = seed::seed_demo_feedback(&db).await?;
    println!(
        "Phản ánh kiến nghị demo (mỗi phường đủ các trạng thái, một số đã công bố): thêm {feedback} (demo feedback)."
    );
    let dossiers = seed::seed_demo_dossiers(&db).await?;
    println!(
        "Hồ sơ trực tuyến demo (mỗi phường đủ các trạng thái, một số quá hạn): thêm {dossiers} (demo dossiers)."
    );
    if accounts.is_empty() {
        println!("Tài khoản demo đã có từ trước; mật khẩu chỉ hiện một lần khi tạo.");
        println!(
            "(Demo accounts exist already; reset one with `ward-portal user set-password --login …`.)"
        );
        return Ok(());
    }
    println!();
    println!("TÀI KHOẢN DEMO — mật khẩu chỉ hiện một lần (demo accounts; passwords shown once):");
    for account in accounts {
        println!(
            "  {:<20} {:<9} {:<45} {}",
            account.role.as_str(),
            account.unit,
            account.email,
            account.password
        );
    }
    println!();
    Ok(())
}

fn read_password(from_stdin: bool) -> anyhow::Result<(Password, bool)> {
    if from_stdin {
        let mut input = String::new();
        std::io::stdin().read_to_string(&mut input)?;
        let password = Password::parse(input.trim_end_matches(['\r', '\n']))?;
        Ok((password, false))
    } else {
        Ok((Password::parse(&seed::random_password())?, true))
    }
}

async fn user_command(config: &Config, command: UserCommand) -> anyhow::Result<()> {
    let db = db::connect(&config.database_url()).await?;
    db::migrate(&db).await?;
    match command {
        UserCommand::Create {
            email,
            phone,
            name,
            role,
            unit,
            password_stdin,
        } => {
            let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role}"))?;
            anyhow::ensure!(
                email.is_some() || phone.is_some(),
                "give --email or --phone (or both)"
            );
            let unit = units::by_slug(&db, &unit)
                .await
                .map_err(|_| anyhow::anyhow!("no unit with slug {unit}"))?;
            let (password, generated) = read_password(password_stdin)?;
            let new = accounts::NewStaff {
                account: openapi::auth::NewAccount {
                    full_name: FullName::parse(&name)?,
                    email: email.as_deref().map(Email::parse).transpose()?,
                    phone: phone.as_deref().map(PhoneNumber::parse).transpose()?,
                    password: password.clone(),
                },
                role,
                unit_id: unit.id,
            };
            let account = accounts::create_staff(&db, new)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "Đã tạo tài khoản {} ({} — {}).",
                account.id,
                role.as_str(),
                unit.slug
            );
            if generated {
                println!("Mật khẩu (chỉ hiện một lần): {}", password.expose());
            }
            Ok(())
        }
        UserCommand::Disable { login } => {
            let account = accounts::find_by_login_input(&db, &login)
                .await
                .map_err(|_| anyhow::anyhow!("no account with login {login}"))?;
            accounts::disable(&db, None, account)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Đã khóa tài khoản; mọi phiên đăng nhập đã kết thúc.");
            Ok(())
        }
        UserCommand::SetPassword {
            login,
            password_stdin,
        } => {
            let account = accounts::find_by_login_input(&db, &login)
                .await
                .map_err(|_| anyhow::anyhow!("no account with login {login}"))?;
            let (password, generated) = read_password(password_stdin)?;
            accounts::set_password(&db, account, &password)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("Đã đặt mật khẩu mới; mọi phiên đăng nhập đã kết thúc.");
            if generated {
                println!("Mật khẩu (chỉ hiện một lần): {}", password.expose());
            }
            Ok(())
        }
    }
}
