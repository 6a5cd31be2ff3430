use clap::Parser;

use api::cli::Cli;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    api::telemetry::init(cli.log_format);
    cli.run().await
}
