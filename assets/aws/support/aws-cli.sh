# Sourced by deploy.sh, teardown.sh and status.sh (bash 3.2 safe): the AWS CLI with the user's
# --profile and region and no arrays ("${a[@]}" of an empty array aborts under set -u on
# macOS's bash 3.2). Needs $me (the script's name), $aws_profile and $region set, maybe empty.
die() { echo "$me: $*" >&2; exit 1; }
awsp() { if [ -n "$aws_profile" ]; then aws --profile "$aws_profile" "$@"; else aws "$@"; fi; }
awsc() { awsp --region "$region" "$@"; }

# The region: --region, else AWS_REGION / AWS_DEFAULT_REGION (CloudShell sets AWS_REGION), else the profile's.
resolve_region() {
  command -v aws >/dev/null || die "the AWS CLI v2 is not installed: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
  [ -n "$region" ] || region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
  [ -n "$region" ] || region="$(awsp configure get region 2>/dev/null || true)"
  [ -n "$region" ] || die "no region: pass --region (or set one for the profile with 'aws configure')"
}

# The account id, or a sentence that says which login command to run.
caller_account() {
  local out
  if ! out="$(awsc sts get-caller-identity --query Account --output text 2>&1)"; then
    if [ -n "$aws_profile" ] && printf '%s' "$out" | grep -qi 'sso\|token'; then
      die "your SSO session has expired or never started: run 'aws sso login --profile $aws_profile', then try again"
    fi
    die "no usable AWS credentials ($out). Run 'aws configure', 'aws login' or 'aws sso login --profile <name>' and pass --profile <name>"
  fi
  printf '%s' "$out"
}
