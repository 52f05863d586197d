#!/usr/bin/env bash
# Deletes everything deploy.sh made: the stack (functions, APIs, tables, topic, queue, log groups,
# and a new database with its proxy, no final snapshot), the proxy's log group (RDS makes it
# outside the stack), the packaging bucket with its files and functions/node_modules. It names
# the endpoint profile that holds the $connect token rather than deleting your file.
#   ./teardown.sh [--stack connlab] [--region eu-west-1] [--profile my-sso] [--yes]
# Written for bash 3.2 (macOS) and BSD tools too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
stack=connlab region="" aws_profile="" yes=""
while [ $# -gt 0 ]; do
  case "$1" in
    --stack) stack="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --profile) aws_profile="$2"; shift 2 ;;
    --yes) yes=1; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "teardown.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
me=teardown.sh
. "$here/support/aws-cli.sh"
resolve_region
account="$(caller_account)" || exit 1

if [ -z "$yes" ]; then
  answer=""
  read -r -p "Delete stack '$stack' in $region (account $account) and its packaging files? [y/N] " answer || true
  case "$answer" in [Yy]*) ;; *) echo "Nothing deleted."; exit 0 ;; esac
fi
if awsc cloudformation describe-stacks --stack-name "$stack" >/dev/null 2>&1; then
  echo "Deleting stack $stack (a database takes several minutes)..."
  awsc cloudformation delete-stack --stack-name "$stack"
  awsc cloudformation wait stack-delete-complete --stack-name "$stack" \
    || die "the stack did not delete cleanly: see 'aws cloudformation describe-stack-events --stack-name $stack'"
else
  echo "No stack $stack in $region."
fi

proxy_logs="/aws/rds/proxy/$stack-proxy"
if [ "$(awsc logs describe-log-groups --log-group-name-prefix "$proxy_logs" --query 'length(logGroups)' --output text 2>/dev/null || echo 0)" != 0 ]; then
  awsc logs delete-log-group --log-group-name "$proxy_logs" && echo "Deleted the proxy's log group $proxy_logs."
fi

bucket="connlab-packaging-$account-$region"
if awsc s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  awsc s3 rm "s3://$bucket/$stack" --recursive >/dev/null
  if [ "$(awsc s3api list-objects-v2 --bucket "$bucket" --max-items 1 --query 'KeyCount' --output text)" = 0 ]; then
    awsc s3api delete-bucket --bucket "$bucket"
    echo "Deleted the packaging bucket $bucket."
  else
    echo "Kept the packaging bucket $bucket: other stacks' packages are still in it."
  fi
fi

# what deploy.sh left on this machine
if [ -d "$here/functions/node_modules" ]; then rm -rf "$here/functions/node_modules"; echo "Removed functions/node_modules."; fi
if [ -f "$here/functions/package-lock.json" ]; then rm -f "$here/functions/package-lock.json"; echo "Removed functions/package-lock.json."; fi
for f in "$PWD/connlab-$stack.json" "$here/connlab-$stack.json"; do
  [ -f "$f" ] && echo "The endpoint profile $f holds the stack's (now dead) \$connect token: delete it when you no longer need it."
done
echo "Done: nothing of stack $stack is left to bill. Check the whole region with: $here/status.sh --region $region${aws_profile:+ --profile $aws_profile}"
