#!/usr/bin/env bash
# What one workshop hour on the live stack costs, roughly (us-east-1 list prices, free tier left
# out; sources in shared FACTS 59, 75-79). Assumes every student keeps one WebSocket and one long
# poll open all hour and runs 10 minutes at 20 messages/s, and every message reaches every
# connection (one shared room, like the chat sample): deliveries grow with students squared.
#   ./cost-estimate.sh [--students 30] [--database none|new|existing] [--rate 20] [--run-minutes 10]
set -euo pipefail
students=30 database=none rate=20 minutes=10
while [ $# -gt 0 ]; do
  case "$1" in
    --students) students="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --run-minutes) minutes="$2"; shift 2 ;;
    *) echo "cost-estimate.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
awk -v s="$students" -v db="$database" -v r="$rate" -v m="$minutes" 'BEGIN {
  published = s * r * m * 60                     # messages the students publish via SNS
  ws_msgs = published * s + published            # pushed to every connection, plus the sends
  ws_conn = s * 60                               # connection-minutes
  polls = s * r * m * 60                         # a long poll answered about once per message burst
  lambda_req = published * 2 + polls             # SNS subscriber + log append, poll function
  lambda_gbs = published * 0.25 * (0.05 + s * 0.002) + polls * 0.25 * 0.03
  c_ws = ws_msgs / 1e6 * 1.00 + ws_conn / 1e6 * 0.25
  c_http = polls / 1e6 * 1.00
  c_sns = published / 1e6 * 0.50
  c_lambda = lambda_req / 1e6 * 0.20 + lambda_gbs * 0.0000166667
  c_dynamo = (published * 2) / 1e6 * 0.625 + polls / 1e6 * 0.125   # on-demand writes/reads, approx.
  c_db = 0
  if (db == "new") c_db = 0.016 + 2 * 0.015 + 2 * 0.01          # db.t4g.micro, RDS Proxy (2 vCPU min), 2 Secrets Manager endpoint ENIs
  if (db == "existing") c_db = 2 * 0.01
  total = c_ws + c_http + c_sns + c_lambda + c_dynamo + c_db
  printf "Estimated cost per workshop hour (%d students, %d msg/s for %d min each, database %s):\n", s, r, m, db
  printf "  WebSocket API  $%7.2f  (%.1f M messages: each reaches all %d connections)\n", c_ws, ws_msgs / 1e6, s
  printf "  HTTP API       $%7.2f   SNS $%.2f   Lambda $%.2f   DynamoDB ~$%.2f   database ~$%.2f/h\n", c_http, c_sns, c_lambda, c_dynamo, c_db
  printf "  Total          $%7.2f per hour (list prices, before free tier; check the pricing pages)\n", total
}'
