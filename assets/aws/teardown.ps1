# Deletes everything deploy.ps1 made: the stack, the RDS Proxy's log group, the packaging bucket
# with its files and functions\node_modules; names the endpoint profile that holds the token.
#   .\teardown.ps1 [-Stack connlab] [-Region eu-west-1] [-AwsProfile my-sso] [-Yes]
param([string]$Stack = 'connlab', [string]$Region = '', [string]$AwsProfile = '', [switch]$Yes)
# Native commands' exit codes are checked one by one: 'Stop' would turn any stderr line of aws.exe into a failure
$ErrorActionPreference = 'Continue'
function Die($m) { [Console]::Error.WriteLine("teardown.ps1: $m"); exit 1 }
$common = @()
if ($AwsProfile) { $common += @('--profile', $AwsProfile) }
if (-not $Region) { $Region = $env:AWS_REGION }
if (-not $Region) { $Region = (aws @common configure get region 2>$null) }
if (-not $Region) { Die 'no region: pass -Region' }
$common += @('--region', $Region)
$account = aws @common sts get-caller-identity --query Account --output text
if ($LASTEXITCODE -ne 0) { Die "no usable AWS credentials$(if ($AwsProfile) { " (for SSO: aws sso login --profile $AwsProfile)" })" }
if (-not $Yes -and (Read-Host "Delete stack '$Stack' in $Region (account $account) and its packaging files? [y/N]") -notmatch '^[Yy]') {
  Write-Host 'Nothing deleted.'; exit 0
}
aws @common cloudformation describe-stacks --stack-name $Stack 2>$null | Out-Null
if ($LASTEXITCODE -eq 0) {
  Write-Host "Deleting stack $Stack (a database takes several minutes)..."
  aws @common cloudformation delete-stack --stack-name $Stack
  aws @common cloudformation wait stack-delete-complete --stack-name $Stack
  if ($LASTEXITCODE -ne 0) { Die "the stack did not delete cleanly: see aws cloudformation describe-stack-events --stack-name $Stack" }
}
$proxyLogs = "/aws/rds/proxy/$Stack-proxy"
if ((aws @common logs describe-log-groups --log-group-name-prefix $proxyLogs --query 'length(logGroups)' --output text 2>$null) -ne '0') {
  aws @common logs delete-log-group --log-group-name $proxyLogs 2>$null
  if ($LASTEXITCODE -eq 0) { Write-Host "Deleted the proxy's log group $proxyLogs." }
}
$bucket = "connlab-packaging-$account-$Region"
aws @common s3api head-bucket --bucket $bucket 2>$null | Out-Null
if ($LASTEXITCODE -eq 0) {
  aws @common s3 rm "s3://$bucket/$Stack" --recursive | Out-Null
  if ((aws @common s3api list-objects-v2 --bucket $bucket --max-items 1 --query KeyCount --output text) -eq '0') {
    aws @common s3api delete-bucket --bucket $bucket; Write-Host "Deleted the packaging bucket $bucket."
  } else { Write-Host "Kept the packaging bucket ${bucket}: other stacks' packages are still in it." }
}
$modules = Join-Path $PSScriptRoot 'functions\node_modules'
if (Test-Path $modules) { Remove-Item -Recurse -Force $modules; Write-Host 'Removed functions\node_modules.' }
$profileFile = Join-Path (Get-Location) "connlab-$Stack.json"
if (Test-Path $profileFile) { Write-Host "The endpoint profile $profileFile holds the stack's (now dead) connect token: delete it when you no longer need it." }
Write-Host "Done: nothing of stack $Stack is left to bill."
