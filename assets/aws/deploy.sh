#!/usr/bin/env bash
# Deploys ConnLab's live stack with nothing but the AWS CLI v2, writes the endpoint profile the
# app loads, and prints its path and what a workshop hour costs. Remove it all with teardown.sh;
# list what still bills with status.sh.
#
#   ./deploy.sh [--stack connlab] [--region eu-west-1] [--profile my-sso] [--token T]
#               [--database none|new|existing] [--db-host H --db-secret-arn ARN [--db-name N]]
#               [--db-tls verify|no-verify] [--vpc vpc-.. [--subnets subnet-a,subnet-b]]
#               [--budget-email ME@EXAMPLE.COM [--budget-usd 50]] [--out FILE] [--students 30] [--yes]
#
# A database stack bills by the hour while it stands: deploy.sh prints that cost first and
# creates nothing until you confirm (type yes, or pass --yes). It needs the PostgreSQL client
# `pg` in functions/node_modules and installs it with npm when missing (the only step that
# needs Node.js; --database none does not). Written for bash 3.2 (macOS) and BSD tools too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

stack=connlab region="" aws_profile="" token="" database=none db_host="" db_secret="" db_name=postgres
db_tls=verify vpc="" subnets="" out="" students=30 yes="" budget_email="" budget_usd=50
while [ $# -gt 0 ]; do
  case "$1" in
    --stack) stack="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --profile) aws_profile="$2"; shift 2 ;;
    --token) token="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --db-host) db_host="$2"; shift 2 ;;
    --db-secret-arn) db_secret="$2"; shift 2 ;;
    --db-name) db_name="$2"; shift 2 ;;
    --db-tls) db_tls="$2"; shift 2 ;;
    --vpc) vpc="$2"; shift 2 ;;
    --subnets) subnets="$2"; shift 2 ;;
    --budget-email) budget_email="$2"; shift 2 ;;
    --budget-usd) budget_usd="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --students) students="$2"; shift 2 ;;
    --yes) yes=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "deploy.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

me=deploy.sh
. "$here/support/aws-cli.sh"
command -v aws >/dev/null || die "the AWS CLI v2 is not installed: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
aws --version 2>&1 | grep -q '^aws-cli/2' || die "needs the AWS CLI version 2, found: $(aws --version 2>&1)"
[[ "$stack" =~ ^[A-Za-z][A-Za-z0-9-]{0,39}$ ]] || die "--stack must be letters, digits and '-', at most 40, starting with a letter"
[[ -z "$token" || "$token" =~ ^[A-Za-z0-9._~-]{1,128}$ ]] || die "--token may only hold letters, digits and . _ ~ - (it travels in a URL)"
case "$database" in none|new|existing) ;; *) die "--database must be none, new or existing, got '$database'" ;; esac
case "$db_tls" in verify|no-verify) ;; *) die "--db-tls must be verify or no-verify, got '$db_tls'" ;; esac
[ "$database" != existing ] || { [ -n "$db_host" ] && [ -n "$db_secret" ]; } || die "--database existing needs --db-host and --db-secret-arn"
[[ "$students" =~ ^[0-9]{1,4}$ ]] || die "--students must be a whole number"
[[ "$budget_usd" =~ ^[0-9]{1,6}$ ]] || die "--budget-usd must be a whole number of dollars"
[[ -z "$budget_email" || "$budget_email" =~ ^[^@[:space:]]+@[^@[:space:]]+$ ]] || die "--budget-email must be an e-mail address"

resolve_region
profile_opt="${aws_profile:+ --profile $aws_profile}"
account="$(caller_account)" || exit 1

# ---- a stack left by a failed first create cannot be updated: say why it failed, offer to delete
status="$(awsc cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].StackStatus' --output text 2>/dev/null || true)"
first_failure() {
  # events come newest first: the last CREATE_FAILED listed is the first that happened
  awsc cloudformation describe-stack-events --stack-name "$stack" \
    --query "StackEvents[?ResourceStatus=='CREATE_FAILED'].[LogicalResourceId,ResourceStatusReason]" --output text 2>/dev/null | tail -n 1
}
if [ "$status" = ROLLBACK_COMPLETE ]; then
  echo "Stack $stack is ROLLBACK_COMPLETE: its first create failed, and such a stack can only be deleted."
  echo "  First failure: $(first_failure)"
  answer=""
  if [ -n "$yes" ]; then answer=y; else read -r -p "Delete the failed stack $stack now and deploy again? [y/N] " answer || true; fi
  case "$answer" in
    [Yy]*) awsc cloudformation delete-stack --stack-name "$stack"
           awsc cloudformation wait stack-delete-complete --stack-name "$stack" || die "the failed stack did not delete: see the CloudFormation console" ;;
    *) die "nothing changed; remove it with: $here/teardown.sh --stack $stack --region $region$profile_opt" ;;
  esac
fi

# ---- where a database lives: two default subnets in AZs that RDS and the Secrets Manager endpoint both offer
vpc_cidr="" secrets_endpoint=create azs=0
if [ "$database" != none ] && [ -n "$subnets" ] && [ -z "$vpc" ]; then
  vpc="$(awsc ec2 describe-subnets --subnet-ids "${subnets%%,*}" --query 'Subnets[0].VpcId' --output text)"
fi
if [ "$database" = new ] && [ -z "$vpc" ]; then
  vpc="$(awsc ec2 describe-vpcs --filters Name=isDefault,Values=true --query 'Vpcs[0].VpcId' --output text)"
  [ -n "$vpc" ] && [ "$vpc" != None ] || die "--database new: no default VPC in $region; pass --vpc and --subnets"
fi
if [ "$database" != none ] && [ -n "$vpc" ]; then
  if [ -z "$subnets" ]; then
    endpoint_azs=" $(awsc ec2 describe-vpc-endpoint-services --service-names "com.amazonaws.$region.secretsmanager" \
      --query 'ServiceDetails[0].AvailabilityZones' --output text | tr '\t\n' '  ') "
    rds_azs=" $(awsc rds describe-orderable-db-instance-options --engine postgres --engine-version 15 --db-instance-class db.t4g.micro \
      --query 'OrderableDBInstanceOptions[].AvailabilityZones[].Name' --output text | tr '\t\n' '  ') "
    picked=""
    # "AZ subnet" lines, sorted by AZ; keep those every service offers, take the first two
    while read -r az subnet; do
      [ -n "$az" ] || continue
      case "$endpoint_azs" in *" $az "*) ;; *) continue ;; esac
      [ "$database" = new ] && case "$rds_azs" in *" $az "*) ;; *) continue ;; esac
      picked="$picked${picked:+,}$subnet"
      azs=$((azs + 1))
      [ "$azs" -lt 2 ] || break
    done <<EOF_SUBNETS
$(awsc ec2 describe-subnets --filters "Name=vpc-id,Values=$vpc" Name=default-for-az,Values=true \
    --query 'Subnets[].[AvailabilityZone,SubnetId]' --output text | sort)
EOF_SUBNETS
    [ "$azs" -ge 2 ] || die "found no two default subnets of $vpc in AZs that RDS and the Secrets Manager endpoint both offer; pass --subnets"
    subnets="$picked"
  else
    azs=$(printf '%s' "$subnets" | tr ',' '\n' | grep -c .)
  fi
  vpc_cidr="$(awsc ec2 describe-vpcs --vpc-ids "$vpc" --query 'Vpcs[0].CidrBlock' --output text)"
  existing_endpoint="$(awsc ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$vpc" \
    "Name=service-name,Values=com.amazonaws.$region.secretsmanager" --query 'VpcEndpoints[0].VpcEndpointId' --output text)"
  if [ -n "$existing_endpoint" ] && [ "$existing_endpoint" != None ]; then
    secrets_endpoint=reuse
    echo "The VPC already has a Secrets Manager endpoint ($existing_endpoint): the stack reuses it."
  fi
fi

# ---- what a database stack costs while it stands, confirmed before anything is created
if [ "$database" != none ] && [ "$status" != CREATE_COMPLETE ] && [ "$status" != UPDATE_COMPLETE ]; then
  endpoint_azs_billed=0
  [ "$secrets_endpoint" = create ] && [ -n "$vpc" ] && endpoint_azs_billed=$azs
  "$here/cost-estimate.sh" --standing --database "$database" --endpoint-azs "$endpoint_azs_billed"
  if [ -z "$yes" ]; then
    answer=""
    read -r -p "Create it and start billing? Type yes to go on: " answer || true
    [ "$answer" = yes ] || die "nothing created (type yes, or pass --yes)"
  fi
fi

if [ "$database" != none ] && [ ! -d "$here/functions/node_modules/pg" ]; then
  command -v npm >/dev/null || die "a stack with a database needs the PostgreSQL client 'pg' in functions/node_modules; install Node.js once (npm), or deploy with --database none"
  # --no-package-lock: nothing is left behind but node_modules (teardown.sh removes it)
  (cd "$here/functions" && npm install --omit=dev --no-package-lock --no-audit --no-fund --loglevel=error)
fi

bucket="connlab-packaging-$account-$region"
if ! awsc s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  echo "Creating the packaging bucket s3://$bucket"
  if [ "$region" = us-east-1 ]; then awsc s3api create-bucket --bucket "$bucket" >/dev/null
  else awsc s3api create-bucket --bucket "$bucket" --create-bucket-configuration LocationConstraint="$region" >/dev/null; fi
  awsc s3api put-public-access-block --bucket "$bucket" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
  awsc s3api put-bucket-tagging --bucket "$bucket" --tagging 'TagSet=[{Key=project,Value=connlab}]'
fi

packaged="$(mktemp "${TMPDIR:-/tmp}/connlab-packaged.XXXXXX")"
trap 'rm -f "$packaged"' EXIT
awsc cloudformation package --template-file "$here/template.yaml" --s3-bucket "$bucket" --s3-prefix "$stack" \
  --output-template-file "$packaged" >/dev/null
echo "Deploying stack $stack in $region (database: $database); a new database takes about 15 minutes"
if ! awsc cloudformation deploy --template-file "$packaged" --stack-name "$stack" --capabilities CAPABILITY_IAM \
  --no-fail-on-empty-changeset --tags project=connlab "stack=$stack" --parameter-overrides \
  "ConnectToken=$token" "DatabaseMode=$database" "VpcId=$vpc" "SubnetIds=$subnets" \
  "ExistingDbHost=$db_host" "ExistingDbSecretArn=$db_secret" "ExistingDbName=$db_name" "DbTlsVerify=$db_tls" \
  "SecretsEndpoint=$secrets_endpoint" "VpcCidr=$vpc_cidr" "BudgetEmail=$budget_email" "BudgetMonthlyUsd=$budget_usd"; then
  echo "The deploy failed. First failure: $(first_failure)" >&2
  [ "$(awsc cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].StackStatus' --output text 2>/dev/null || true)" != ROLLBACK_COMPLETE ] \
    || echo "The stack is ROLLBACK_COMPLETE: run deploy.sh again to delete it and retry, or teardown.sh to remove it." >&2
  exit 1
fi

output() {
  local v
  v="$(awsc cloudformation describe-stacks --stack-name "$stack" --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue | [0]" --output text)"
  [ "$v" = None ] && v=""
  printf '%s' "$v"
}
field() { [ -n "$2" ] && printf '  "%s": "%s",\n' "$1" "$2"; return 0; }
[ -n "$out" ] || out="$PWD/connlab-$stack.json"
{
  echo "{"
  field name "$(output ProfileName)"
  field kind LIVE
  field websocketUrl "$(output WebSocketUrl)"
  field token "$token"
  field pollUrl "$(output PollUrl)"
  field topicArn "$(output TopicArn)"
  field invokeUrl "$(output InvokeUrl)"
  field connectionsUrl "$(output ConnectionsUrl)"
  field awsProfile "$aws_profile"
  field publishPath "$(output PublishPath)"
  printf '  "region": "%s"\n}\n' "$(output Region)"
} > "$out"
chmod 600 "$out" # it may hold the \$connect token

echo
echo "Endpoint profile: $out"
echo "  Load it in ConnLab (backend chooser > Manage profiles... > Import...) or: connlab bench --profile \"$out\""
[ -z "$token" ] || echo "  It holds the \$connect token: share it only with the class; teardown.sh names it again."
if [ "$database" = existing ] && [ -n "$vpc" ]; then
  echo "  Your database must admit the lab: an inbound rule on its security group, TCP 5432 (or its port),"
  echo "  source $(output LabSecurityGroupId) (the stack output LabSecurityGroupId); see README.md."
fi
if [ "$secrets_endpoint" = reuse ]; then
  echo "  The reused Secrets Manager endpoint must admit $(output LabSecurityGroupId) on TCP 443."
fi
"$here/cost-estimate.sh" --database "$database" --students "$students"
echo "What still bills: $here/status.sh --region $region$profile_opt"
echo "Remove everything (stack, packaging bucket): $here/teardown.sh --stack $stack --region $region$profile_opt"
