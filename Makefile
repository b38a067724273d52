# Drives the image service: build, run, test, and talk to it with curl and hey.
# `make help` lists the targets. Values a target needs are asked for at the terminal, or given
# on the command line, e.g. `make create_image ID=3 FORMAT=PNG RESOLUTION=800x600`.

SHELL := /bin/bash
.DEFAULT_GOAL := help

API_URL ?= http://localhost:8080
METRICS_URL ?= http://localhost:8081/metrics
MVN ?= mvn -B
JAR := image-app/target/image-app.jar
SOURCES := $(shell find pom.xml image-domain image-api image-metrics image-app \
	-path '*/target' -prune -o -type f \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \) -print)
COMPOSE ?= $(shell docker compose version >/dev/null 2>&1 && echo 'docker compose' || echo docker-compose) \
	-f infra/docker-compose.yml

# Values given on the command line reach recipes through the environment, never pasted into
# shell text, so quotes and spaces in them are safe.
export ID FORMAT RESOLUTION STATUS KEY N C Q

# ask NAME "question": keeps NAME when it is set, reads it at a terminal, fails clearly without one.
define ASK
ask() { \
  if [ -n "$${!1}" ]; then return 0; fi; \
  if [ -t 0 ]; then read -r -p "$$2: " "$$1"; fi; \
  if [ -z "$${!1}" ] && [ "$${3:-}" != optional ]; then \
    echo "make $@: $$1 is required; give it on the command line, e.g. make $@ $$1=..." >&2; \
    exit 2; \
  fi; \
}
endef

# json_escape TEXT: the text as the inside of a JSON string.
define JSON_ESCAPE
json_escape() { local s=$${1//\\/\\\\}; printf '%s' "$${s//\"/\\\"}"; }
endef

.PHONY: help run build test create_image process_image get_metrics login load_test_login \
	up down logs monitor bench clean

help: ## List the targets
	@grep -E '^[a-z_]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(JAR): $(SOURCES)
	$(MVN) -q -DskipTests package

build: ## Build the runnable jar (skips tests)
	$(MVN) -q -DskipTests package

run: $(JAR) ## Build if needed, then run the service in the foreground (Ctrl-C stops it)
	@# 130 and 143 are how the JVM reports a stop by Ctrl-C or SIGTERM, after a clean shutdown.
	@java -jar $(JAR) || { rc=$$?; [ $$rc -eq 130 ] || [ $$rc -eq 143 ] || exit $$rc; }

test: ## Run every test (unit, HTTP, metrics, end to end, Prometheus proof)
	$(MVN) verify

create_image: ## Create an image (ID, FORMAT, RESOLUTION; ID may be left empty)
	@$(ASK); $(JSON_ESCAPE); \
	ask ID "Image ID (empty: next free id)" optional; \
	if [ -n "$$ID" ] && ! [[ "$$ID" =~ ^[0-9]+$$ ]]; then \
	  echo "make create_image: ID must be a whole number, was '$$ID'" >&2; exit 2; fi; \
	ask FORMAT "Format (JPEG, PNG, GIF, BMP, TIFF, WEBP, AVIF, HEIC)"; \
	ask RESOLUTION "Resolution (e.g. 1920x1080)"; \
	body="{$${ID:+\"id\": $$ID, }\"format\": \"$$(json_escape "$$FORMAT")\", \"resolution\": \"$$(json_escape "$$RESOLUTION")\"}"; \
	curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' -d "$$body" \
	  '$(API_URL)/images'; rc=$$?; echo; exit $$rc

process_image: ## Mark an image Processed (ID; STATUS=Failed or Processing for other moves)
	@$(ASK); $(JSON_ESCAPE); ask ID "Image ID"; \
	if ! [[ "$$ID" =~ ^[0-9]+$$ ]]; then \
	  echo "make process_image: ID must be a whole number, was '$$ID'" >&2; exit 2; fi; \
	if [ -n "$$STATUS" ]; then \
	  curl -sS --fail-with-body -X PUT -H 'Content-Type: application/json' \
	    -d "{\"img_status\": \"$$(json_escape "$$STATUS")\"}" "$(API_URL)/images/$$ID"; \
	else \
	  curl -sS --fail-with-body -X PUT "$(API_URL)/images/$$ID"; \
	fi; rc=$$?; echo; [ $$rc -eq 0 ] || exit $$rc; \
	echo "All images:"; curl -sS --fail-with-body '$(API_URL)/images'; rc=$$?; echo; exit $$rc

get_metrics: ## Print the /metrics lines that contain KEY (e.g. images, request_duration)
	@$(ASK); ask KEY "Metric key (e.g. images or request_duration_seconds)"; \
	metrics=$$(curl -sS --fail '$(METRICS_URL)') || exit $$?; \
	grep -F -- "$$KEY" <<<"$$metrics" || { echo "No metric line contains '$$KEY'." >&2; exit 1; }

login: ## Simulate a login
	@curl -sS --fail-with-body '$(API_URL)/login'; rc=$$?; echo; exit $$rc

load_test_login: ## Load-test /login with hey (N requests, C concurrent, Q per second per worker)
	@command -v hey >/dev/null || { \
	  echo "make load_test_login: 'hey' is not installed; on Debian or Ubuntu: sudo apt-get install -y hey" >&2; \
	  exit 127; }; \
	$(ASK); \
	ask N "Number of requests"; ask C "Concurrency"; ask Q "Queries per second per worker (0: no limit)"; \
	for v in N C Q; do if ! [[ "$${!v}" =~ ^[0-9]+$$ ]]; then \
	  echo "make load_test_login: $$v must be a whole number, was '$${!v}'" >&2; exit 2; fi; done; \
	hey -n "$$N" -c "$$C" -q "$$Q" '$(API_URL)/login'

# Docker targets first check that an engine answers, so a missing one gives one clear line.
DOCKER_CHECK = @command -v docker >/dev/null && docker info >/dev/null 2>&1 || { \
	echo "make $@: no Docker engine is running here; start Docker, or use make run and make monitor" >&2; \
	exit 2; }

up: ## Build and start the app, Prometheus and Grafana with Docker
	$(DOCKER_CHECK)
	$(COMPOSE) up -d --build
	@echo "API:        http://localhost:8080  (metrics http://localhost:8081/metrics)"
	@echo "Prometheus: http://localhost:9090"
	@echo "Grafana:    http://localhost:3000  (user and password: see infra/.env.example)"

down: ## Stop the Docker stack (keeps its data)
	$(DOCKER_CHECK)
	$(COMPOSE) down

logs: ## Follow the Docker stack's logs
	$(DOCKER_CHECK)
	$(COMPOSE) logs -f --tail=200

monitor: ## Without Docker: run a local Prometheus that scrapes the app started by make run
	infra/monitor.sh

bench: ## Run the benchmarks; results go to bench/results/
	bench/run.sh

clean: ## Remove build output, and the Docker stack with its volumes when Docker is there
	$(MVN) -q clean
	@if command -v docker >/dev/null && docker info >/dev/null 2>&1; then \
	  $(COMPOSE) down -v --remove-orphans --rmi local; \
	else echo "Docker engine not running: no containers or volumes to remove."; fi
