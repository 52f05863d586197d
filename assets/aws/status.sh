#!/usr/bin/env bash
# Lists what of ConnLab's still exists, and so may still bill, in one region: stacks tagged
# project=connlab (with their database, proxy and endpoint, which bill by the hour), any other
# resource carrying the tag, RDS Proxy log groups and packaging buckets. Changes nothing.
#   ./status.sh [--region eu-west-1] [--profile my-sso]
# Written for bash 3.2 (macOS) and BSD tools too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
region="" aws_profile=""
while [ $# -gt 0 ]; do
  case "$1" in
    --region) region="$2"; shift 2 ;;
    --profile) aws_profile="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "status.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
me=status.sh
. "$here/support/aws-cli.sh"
resolve_region
account="$(caller_account)" || exit 1

echo "ConnLab in $region (account $account):"
found=0
stacks="$(awsc cloudformation describe-stacks \
  --query "Stacks[?Tags[?Key=='project' && Value=='connlab']].[StackName,StackStatus]" --output text)"
if [ -n "$stacks" ]; then
  found=1
  echo "Stacks (remove each with teardown.sh --stack NAME):"
  printf '%s\n' "$stacks" | while read -r name status; do
    db="$(awsc cloudformation describe-stack-resources --stack-name "$name" \
      --query "StackResources[?ResourceType=='AWS::RDS::DBInstance' || ResourceType=='AWS::RDS::DBProxy' || ResourceType=='AWS::EC2::VPCEndpoint'].ResourceType" \
      --output text | tr '\t' ' ')"
    echo "  $name  $status${db:+  bills by the hour: $db}"
  done
fi
tagged="$(awsc resourcegroupstaggingapi get-resources --tag-filters Key=project,Values=connlab \
  --query 'ResourceTagMappingList[].ResourceARN' --output text | tr '\t' '\n' | grep -v ':cloudformation:' || true)"
if [ -n "$tagged" ]; then
  found=1
  echo "Resources tagged project=connlab:"
  printf '%s\n' "$tagged" | sed 's/^/  /'
fi
logs="$(awsc logs describe-log-groups --log-group-name-prefix /aws/rds/proxy/ --query 'logGroups[].logGroupName' --output text | tr '\t' '\n' || true)"
if [ -n "$logs" ]; then
  found=1
  echo "RDS Proxy log groups (stored logs bill per GB-month; teardown.sh deletes its stack's):"
  printf '%s\n' "$logs" | sed 's/^/  /'
fi
bucket="connlab-packaging-$account-$region"
if awsc s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  found=1
  echo "Packaging bucket (a few hundred KB of stored code): $bucket"
fi
[ "$found" = 1 ] || echo "  nothing: no ConnLab stack, tagged resource, proxy log group or packaging bucket."
