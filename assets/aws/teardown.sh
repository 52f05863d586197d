#!/usr/bin/env bash
# Deletes everything deploy.sh made: the stack (functions, APIs, tables, topic, log groups, and a
# new database with its proxy, no final snapshot) and the packaging bucket with its files.
#   ./teardown.sh [--stack connlab] [--region eu-west-1] [--profile my-sso] [--yes]
set -euo pipefail
stack=connlab region="" aws_profile="" yes=""
while [ $# -gt 0 ]; do
  case "$1" in
    --stack) stack="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --profile) aws_profile="$2"; shift 2 ;;
    --yes) yes=1; shift ;;
    *) echo "teardown.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
die() { echo "teardown.sh: $*" >&2; exit 1; }
command -v aws >/dev/null || die "the AWS CLI v2 is not installed"
aws_args=()
[ -n "$aws_profile" ] && aws_args+=(--profile "$aws_profile")
[ -z "$region" ] && region="$(aws "${aws_args[@]}" configure get region 2>/dev/null || true)"
[ -n "$region" ] || die "no region: pass --region"
aws_args+=(--region "$region")
awsc() { aws "${aws_args[@]}" "$@"; }
account="$(awsc sts get-caller-identity --query Account --output text)" \
  || die "no usable AWS credentials${aws_profile:+ (for SSO: aws sso login --profile $aws_profile)}"

if [ -z "$yes" ]; then
  read -r -p "Delete stack '$stack' in $region (account $account) and its packaging files? [y/N] " answer
  [[ "$answer" =~ ^[Yy] ]] || { echo "Nothing deleted."; exit 0; }
fi
if awsc cloudformation describe-stacks --stack-name "$stack" >/dev/null 2>&1; then
  echo "Deleting stack $stack (a database takes several minutes)..."
  awsc cloudformation delete-stack --stack-name "$stack"
  awsc cloudformation wait stack-delete-complete --stack-name "$stack" \
    || die "the stack did not delete cleanly: see 'aws cloudformation describe-stack-events --stack-name $stack'"
else
  echo "No stack $stack in $region."
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
echo "Done: nothing of stack $stack is left to bill."
