# Ward Portal: two commands on a fresh machine.
#   make run   installs what is missing, builds, seeds the demo and serves on :8080
#   make test  runs every test: unit, API on SQLite and PostgreSQL, OpenAPI, browser
#
# Everything builds into one target directory, and the web app is built once.

SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

PORT ?= 8080
DATA_DIR ?= ./data
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export TEST_POSTGRES_URL

TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
SERVER := $(TARGET_DIR)/debug/ward-portal
# The wasm-bindgen CLI must be exactly the library version in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.SILENT: run
.PHONY: run test tools web server browser postgres openapi openapi-valid lint

run: tools web server
	"$(SERVER)" seed --demo
	echo
	echo "Cổng thông tin quận:  http://localhost:$(PORT)/"
	echo "Phường 1:             http://phuong-1.localhost:$(PORT)/"
	echo "Tài liệu API:         http://localhost:$(PORT)/api/docs/"
	echo
	PORT=$(PORT) DATA_DIR=$(DATA_DIR) LOG_FORMAT=pretty exec "$(SERVER)" serve

test: tools web browser postgres openapi-valid
	cargo fmt --all --check
	cargo build -p api --bin ward-portal
	cargo test --workspace --no-fail-fast

# The wasm target and the matching wasm-bindgen CLI (no trunk: see STACK-NOTES).
tools:
	rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 10 minutes, once)"
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	fi

# The Leptos app, small-profile WASM, into web/dist/pkg (served by the binary).
web: tools
	cargo build -p web --target wasm32-unknown-unknown --profile wasm-release
	wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir web/dist/pkg \
	  "$(TARGET_DIR)/wasm32-unknown-unknown/wasm-release/web.wasm"

server:
	cargo build -p api --bin ward-portal

# Debian's Chromium and chromedriver for the browser tests (never a downloaded browser).
browser:
	if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
	  $(SUDO) apt-get update -qq
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver
	fi

# The API tests run on PostgreSQL too: fail loudly when it does not answer.
postgres:
	hostport=$$(echo "$(TEST_POSTGRES_URL)" | sed -E 's#^[a-z]+://([^@/]*@)?([^/:]+)(:([0-9]+))?/.*#\2 \4#')
	read -r host port <<< "$$hostport"
	if ! timeout 3 bash -c "</dev/tcp/$$host/$${port:-5432}" 2>/dev/null; then
	  echo "PostgreSQL does not answer at $(TEST_POSTGRES_URL)." >&2
	  echo "Start it (Debian: pg_ctlcluster --skip-systemctl-redirect \$$(ls /etc/postgresql) main start) or set TEST_POSTGRES_URL." >&2
	  exit 1
	fi

# Regenerates the committed OpenAPI document after a change of the API.
openapi: server
	"$(SERVER)" openapi --output openapi/openapi.json

# The committed document must be valid OpenAPI 3.x (checked by an independent validator).
openapi-valid:
	if [ ! -x "$(TARGET_DIR)/venv/bin/openapi-spec-validator" ]; then
	  python3 -m venv "$(TARGET_DIR)/venv"
	  "$(TARGET_DIR)/venv/bin/pip" install -q "openapi-spec-validator==0.7.*"
	fi
	"$(TARGET_DIR)/venv/bin/openapi-spec-validator" openapi/openapi.json

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p web --target wasm32-unknown-unknown -- -D warnings
