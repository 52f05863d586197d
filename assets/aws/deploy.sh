#!/usr/bin/env bash
# Deploys ConnLab's live stack with nothing but the AWS CLI v2, writes the endpoint profile the
# app loads, and prints its path and what a workshop hour costs. Remove it all with teardown.sh.
#
#   ./deploy.sh [--stack connlab] [--region eu-west-1] [--profile my-sso] [--token T]
#               [--database none|new|existing] [--db-host H --db-secret-arn ARN [--db-name N]]
#               [--vpc vpc-.. --subnets subnet-a,subnet-b] [--out FILE] [--students 30]
#
# A stack with a database needs the PostgreSQL client `pg` in functions/node_modules: the script
# installs it with npm when it is missing (the only step that needs Node.js; none does not).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

stack=connlab region="" aws_profile="" token="" database=none db_host="" db_secret="" db_name=postgres
vpc="" subnets="" out="" students=30
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
    --vpc) vpc="$2"; shift 2 ;;
    --subnets) subnets="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --students) students="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "deploy.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

die() { echo "deploy.sh: $*" >&2; exit 1; }
command -v aws >/dev/null || die "the AWS CLI v2 is not installed: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
aws --version 2>&1 | grep -q '^aws-cli/2' || die "needs the AWS CLI version 2, found: $(aws --version 2>&1)"
[[ "$stack" =~ ^[A-Za-z][A-Za-z0-9-]{0,39}$ ]] || die "--stack must be letters, digits and '-', at most 40, starting with a letter"
[[ -z "$token" || "$token" =~ ^[A-Za-z0-9._~-]{1,128}$ ]] || die "--token may only hold letters, digits and . _ ~ - (it travels in a URL)"
case "$database" in none|new|existing) ;; *) die "--database must be none, new or existing, got '$database'" ;; esac
[ "$database" != existing ] || { [ -n "$db_host" ] && [ -n "$db_secret" ]; } || die "--database existing needs --db-host and --db-secret-arn"
[[ "$students" =~ ^[0-9]{1,4}$ ]] || die "--students must be a whole number"

aws_args=()
[ -n "$aws_profile" ] && aws_args+=(--profile "$aws_profile")
[ -z "$region" ] && region="$(aws "${aws_args[@]}" configure get region 2>/dev/null || true)"
[ -n "$region" ] || die "no region: pass --region (or set one for the profile with 'aws configure')"
aws_args+=(--region "$region")
awsc() { aws "${aws_args[@]}" "$@"; }

if ! account="$(awsc sts get-caller-identity --query Account --output text 2>&1)"; then
  if [ -n "$aws_profile" ] && grep -qi 'sso\|token' <<<"$account"; then
    die "your SSO session has expired or never started: run 'aws sso login --profile $aws_profile', then deploy again"
  fi
  die "no usable AWS credentials ($account). Run 'aws configure' or 'aws sso login --profile <name>' and pass --profile <name>"
fi

if [ -n "$subnets" ] && [ -z "$vpc" ]; then
  vpc="$(awsc ec2 describe-subnets --subnet-ids "${subnets%%,*}" --query 'Subnets[0].VpcId' --output text)"
fi
if [ "$database" = new ] && [ -z "$subnets" ]; then
  [ -n "$vpc" ] || vpc="$(awsc ec2 describe-vpcs --filters Name=isDefault,Values=true --query 'Vpcs[0].VpcId' --output text)"
  [ "$vpc" != None ] || die "--database new: no default VPC in $region; pass --vpc and --subnets"
  subnets="$(awsc ec2 describe-subnets --filters Name=vpc-id,Values="$vpc" --query 'Subnets[].SubnetId' --output text | tr '\t' ',')"
fi
if [ "$database" != none ] && [ ! -d "$here/functions/node_modules/pg" ]; then
  command -v npm >/dev/null || die "a stack with a database needs the PostgreSQL client 'pg' in functions/node_modules; install Node.js once (npm), or deploy with --database none"
  (cd "$here/functions" && npm install --omit=dev --no-audit --no-fund --loglevel=error)
fi

bucket="connlab-packaging-$account-$region"
if ! awsc s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  echo "Creating the packaging bucket s3://$bucket"
  if [ "$region" = us-east-1 ]; then awsc s3api create-bucket --bucket "$bucket" >/dev/null
  else awsc s3api create-bucket --bucket "$bucket" --create-bucket-configuration LocationConstraint="$region" >/dev/null; fi
  awsc s3api put-public-access-block --bucket "$bucket" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
fi

packaged="$(mktemp "${TMPDIR:-/tmp}/connlab-packaged.XXXXXX")"
trap 'rm -f "$packaged"' EXIT
awsc cloudformation package --template-file "$here/template.yaml" --s3-bucket "$bucket" --s3-prefix "$stack" \
  --output-template-file "$packaged" >/dev/null
echo "Deploying stack $stack in $region (database: $database); a new database takes about 15 minutes"
awsc cloudformation deploy --template-file "$packaged" --stack-name "$stack" --capabilities CAPABILITY_IAM \
  --no-fail-on-empty-changeset --parameter-overrides \
  "ConnectToken=$token" "DatabaseMode=$database" "VpcId=$vpc" "SubnetIds=$subnets" \
  "ExistingDbHost=$db_host" "ExistingDbSecretArn=$db_secret" "ExistingDbName=$db_name"

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
"$here/cost-estimate.sh" --database "$database" --students "$students"
echo "Remove everything (stack, packaging bucket): $here/teardown.sh --stack $stack --region $region${aws_profile:+ --profile $aws_profile}"
