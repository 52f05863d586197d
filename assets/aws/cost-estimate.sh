#!/usr/bin/env bash
# What the live stack costs, roughly, at us-east-1 list prices before the free tier.
#
#   ./cost-estimate.sh [--students 30] [--runs 20] [--database none|new|existing] [--shared-room]
#   ./cost-estimate.sh --standing --database new|existing [--endpoint-azs 2] [--instance db.t4g.micro]
#
# The workshop hour: each student runs the app's default run (RunSettings.defaults(): 20
# messages/s of 256 bytes for 30 s, one client per lane, WebSocket + long poll + short poll +
# pooled + unpooled, published through SNS) --runs times, each in the run's own room, so a
# message reaches the sender's one WebSocket. Same formula as the app's (ClassCost.workshopHour). --shared-room prices the old behaviour (every
# message to every student's connection: WebSocket messages grow with students squared).
# --standing prints what a database stack bills per hour, day and month while it exists.
# Every rate is named with its source (FACTS = the project's shared fact sheet) or UNVERIFIED.
set -euo pipefail
students=30 runs=20 database=none shared="" standing="" endpoint_azs=2 instance=db.t4g.micro
while [ $# -gt 0 ]; do
  case "$1" in
    --students) students="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --shared-room) shared=1; shift ;;
    --standing) standing=1; shift ;;
    --endpoint-azs) endpoint_azs="$2"; shift 2 ;;
    --instance) instance="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "cost-estimate.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
case "$database" in none|new|existing) ;; *) echo "cost-estimate.sh: --database must be none, new or existing" >&2; exit 2 ;; esac
for n in "$students" "$runs" "$endpoint_azs"; do
  [[ "$n" =~ ^[0-9]{1,5}$ ]] || { echo "cost-estimate.sh: '$n' is not a whole number" >&2; exit 2; }
done

# ---- standing rates ($ per hour), us-east-1
# db.t4g.micro RDS for PostgreSQL, single-AZ on demand: UNVERIFIED (not in FACTS; aws.amazon.com/rds/postgresql/pricing)
rate_instance=0.016
# gp3 storage, 20 GB at $0.115 per GB-month: UNVERIFIED (not in FACTS), as $/hour over 730 h
rate_storage=$(awk 'BEGIN { printf "%.6f", 20 * 0.115 / 730 }')
# RDS Proxy, $0.015 per vCPU-hour of the instance behind it, at least 2 vCPUs: FACTS 74/79, UNVERIFIED
rate_proxy=$(awk 'BEGIN { printf "%.4f", 2 * 0.015 }')
# Interface VPC endpoint, $0.01 per AZ-hour (data processed left out): UNVERIFIED (not in FACTS; aws.amazon.com/privatelink/pricing)
rate_endpoint_az=0.01
# One Secrets Manager secret (new database only), $0.40 a month: UNVERIFIED (not in FACTS), as $/hour over 730 h
rate_secret=$(awk 'BEGIN { printf "%.5f", 0.40 / 730 }')

if [ -n "$standing" ]; then
  [ "$database" != none ] || { echo "Stack without a database: nothing bills by the hour while it stands (only use, see below)."; exit 0; }
  awk -v db="$database" -v i="$rate_instance" -v s="$rate_storage" -v p="$rate_proxy" -v e="$rate_endpoint_az" \
      -v azs="$endpoint_azs" -v class="$instance" -v secret="$rate_secret" 'BEGIN {
    hour = azs * e
    if (db == "new") hour += i + s + p + secret
    printf "While it stands this stack bills about $%.3f an hour, $%.2f a day, $%.2f a month (730 h), used or not:\n", hour, hour * 24, hour * 730
    if (db == "new") {
      printf "  %-34s $%.4f/h  UNVERIFIED rate (not in FACTS)\n", "RDS " class " (single-AZ)", i
      printf "  %-34s $%.4f/h  UNVERIFIED rate ($0.115/GB-month)\n", "20 GB gp3 storage", s
      printf "  %-34s $%.4f/h  FACTS 74: $0.015/vCPU-h, 2 vCPU minimum, UNVERIFIED\n", "RDS Proxy", p
      printf "  %-34s $%.5f/h  UNVERIFIED rate ($0.40/month)\n", "Secrets Manager secret", secret
    }
    if (azs > 0) printf "  %-34s $%.4f/h  UNVERIFIED rate ($%.2f per AZ-hour)\n", "Secrets Manager endpoint, " azs " AZ" (azs > 1 ? "s" : ""), azs * e, e
    else printf "  %-34s none created (none needed, or the VPC has one the stack reuses)\n", "Secrets Manager endpoint"
    printf "Prices: us-east-1 list prices before the free tier; check the pricing pages for your region.\n"
  }'
  exit 0
fi

# The workshop hour by the app's own model (src/main/java/io/connlab/run/LiveRunEstimate.java, the
# window's live-run estimate; ClassCost.workshopHour gives the figures README.md and lesson 7 quote,
# and test/scripts.test.js holds this script to them). Per default run and student:
awk -v n="$students" -v runs="$runs" -v shared="$shared" -v db="$database" \
    -v i="$rate_instance" -v s="$rate_storage" -v p="$rate_proxy" -v e="$rate_endpoint_az" -v azs="$endpoint_azs" \
    -v secret="$rate_secret" 'BEGIN {
  k = shared ? n : 1                       # runs whose messages each receiver gets (its room)
  per_run = 20 * 30                        # messages one default run publishes (20/s for 30 s)
  received = per_run * k
  long_polls = int(1 * (received < 300 ? received : 300) + 30 / 20 + 0.5)  # at most 10 a second, plus one per 20 s wait
  short_polls = 30                         # one a second
  invokes = 2 * per_run                    # pooled + unpooled lanes, one call per message
  ws_msgs = received                       # the one WebSocket client gets its room`s messages (FACTS 23-25)
  conn_min = 30 / 60                       # that client, connected for the run
  http = long_polls + short_polls + invokes
  lambda_req = http + per_run              # each request runs a function, and the SNS fan-out once per message
  # MB-ms: a held poll runs its 256 MB function the whole 30 s; a short poll 30 ms at 256 MB; an
  # invoke 20 ms at 512 MB; the fan-out 30 ms + 2 ms per connection in the room at 256 MB (ASSUMED
  # durations, not measured on AWS; memory from template.yaml)
  mb_ms = 30 * 1000 * 256 + short_polls * 30 * 256 + invokes * 20 * 512 + per_run * (30 + 2 * k) * 256
  # DynamoDB on demand: 3 writes + 2 reads per message (append, dedupe, room query), 1 read per poll
  writes = per_run * 3; reads = per_run * 2 + long_polls + short_polls
  runs_all = n * runs
  c_ws = runs_all * (ws_msgs / 1e6 * 1.00 + conn_min / 1e6 * 0.25)   # FACTS 75
  c_http = runs_all * http / 1e6 * 1.00                               # FACTS 76
  c_sns = runs_all * per_run / 1e6 * 0.50                             # FACTS 78
  c_lambda = runs_all * (lambda_req / 1e6 * 0.20 + mb_ms / 1024 / 1000 * 0.0000166667)  # FACTS 77
  c_dynamo = runs_all * (writes / 1e6 * 0.625 + reads / 1e6 * 0.125)  # UNVERIFIED rates
  c_db = 0
  if (db == "new") c_db = i + s + p + azs * e + secret
  if (db == "existing") c_db = azs * e
  total = c_ws + c_http + c_sns + c_lambda + c_dynamo + c_db
  printf "Estimated cost of a workshop hour: %d students, each running the default run %d times (%s):\n", n, runs, shared ? "one shared room" : "a room per run"
  printf "  WebSocket API  $%7.2f  (%.2f M messages: each reaches %d connection%s)\n", c_ws, runs_all * ws_msgs / 1e6, k, (k > 1 ? "s" : "")
  printf "  HTTP API       $%7.2f  (%.2f M requests)   SNS $%.2f   Lambda $%.2f   DynamoDB ~$%.2f   database standing ~$%.2f/h\n", c_http, runs_all * http / 1e6, c_sns, c_lambda, c_dynamo, c_db
  printf "  Total          $%7.2f per hour (list prices, before free tier; check the pricing pages)\n", total
  if (db == "none") printf "  The default run has the pool lanes, which need the database option: add --database new for its standing cost.\n"
}'
