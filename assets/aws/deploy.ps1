# Deploys ConnLab's live stack on Windows with nothing but the AWS CLI v2 (same steps as deploy.sh):
#   .\deploy.ps1 [-Stack connlab] [-Region eu-west-1] [-AwsProfile my-sso] [-Token T]
#                [-Database none|new|existing] [-DbHost H -DbSecretArn ARN [-DbName N]]
#                [-Vpc vpc-.. -Subnets subnet-a,subnet-b] [-Out FILE] [-Students 30]
param(
  [ValidatePattern('^[A-Za-z][A-Za-z0-9-]{0,39}$')][string]$Stack = 'connlab',
  [string]$Region = '', [string]$AwsProfile = '',
  [ValidatePattern('^[A-Za-z0-9._~-]{0,128}$')][string]$Token = '',
  [ValidateSet('none', 'new', 'existing')][string]$Database = 'none',
  [string]$DbHost = '', [string]$DbSecretArn = '', [string]$DbName = 'postgres',
  [string]$Vpc = '', [string]$Subnets = '', [string]$Out = '', [int]$Students = 30
)
# Native commands' exit codes are checked one by one: 'Stop' would turn any stderr line of aws.exe into a failure
$ErrorActionPreference = 'Continue'
$here = $PSScriptRoot
function Die($m) { [Console]::Error.WriteLine("deploy.ps1: $m"); exit 1 }
if (-not (Get-Command aws -ErrorAction SilentlyContinue)) { Die 'the AWS CLI v2 is not installed' }
if ((aws --version 2>&1) -notmatch '^aws-cli/2') { Die 'needs the AWS CLI version 2' }
if ($Database -eq 'existing' -and (-not $DbHost -or -not $DbSecretArn)) { Die '-Database existing needs -DbHost and -DbSecretArn' }
$common = @()
if ($AwsProfile) { $common += @('--profile', $AwsProfile) }
if (-not $Region) { $Region = (aws @common configure get region 2>$null) }
if (-not $Region) { Die 'no region: pass -Region' }
$common += @('--region', $Region)
# PowerShell names are case-insensitive: a function called Aws would shadow aws.exe and call itself
function Invoke-Aws { $out = & aws @common @args; if ($LASTEXITCODE -ne 0) { Die "aws $($args[0]) $($args[1]) failed" }; $out }

$account = aws @common sts get-caller-identity --query Account --output text 2>&1
if ($LASTEXITCODE -ne 0) {
  if ($AwsProfile) { Die "no usable credentials for profile $AwsProfile. For SSO run: aws sso login --profile $AwsProfile" }
  Die "no usable AWS credentials: run 'aws configure' or 'aws sso login --profile <name>' and pass -AwsProfile <name>"
}
if ($Subnets -and -not $Vpc) {
  $Vpc = Invoke-Aws ec2 describe-subnets --subnet-ids ($Subnets -split ',')[0] --query 'Subnets[0].VpcId' --output text
}
if ($Database -eq 'new' -and -not $Subnets) {
  if (-not $Vpc) { $Vpc = Invoke-Aws ec2 describe-vpcs --filters 'Name=isDefault,Values=true' --query 'Vpcs[0].VpcId' --output text }
  if ($Vpc -eq 'None') { Die "no default VPC in $Region; pass -Vpc and -Subnets" }
  $Subnets = (Invoke-Aws ec2 describe-subnets --filters "Name=vpc-id,Values=$Vpc" --query 'Subnets[].SubnetId' --output text) -replace '\s+', ','
}
if ($Database -ne 'none' -and -not (Test-Path "$here\functions\node_modules\pg")) {
  if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { Die "a stack with a database needs 'pg' in functions\node_modules: install Node.js once, or use -Database none" }
  Push-Location "$here\functions"; npm install --omit=dev --no-audit --no-fund --loglevel=error; Pop-Location
}
$bucket = "connlab-packaging-$account-$Region"
aws @common s3api head-bucket --bucket $bucket 2>$null | Out-Null
if ($LASTEXITCODE -ne 0) {
  Write-Host "Creating the packaging bucket s3://$bucket"
  if ($Region -eq 'us-east-1') { Invoke-Aws s3api create-bucket --bucket $bucket | Out-Null }
  else { Invoke-Aws s3api create-bucket --bucket $bucket --create-bucket-configuration "LocationConstraint=$Region" | Out-Null }
  Invoke-Aws s3api put-public-access-block --bucket $bucket --public-access-block-configuration `
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true'
}
$packaged = [System.IO.Path]::GetTempFileName()
try {
  Invoke-Aws cloudformation package --template-file "$here\template.yaml" --s3-bucket $bucket --s3-prefix $Stack --output-template-file $packaged | Out-Null
  Write-Host "Deploying stack $Stack in $Region (database: $Database); a new database takes about 15 minutes"
  Invoke-Aws cloudformation deploy --template-file $packaged --stack-name $Stack --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset `
    --parameter-overrides "ConnectToken=$Token" "DatabaseMode=$Database" "VpcId=$Vpc" "SubnetIds=$Subnets" `
    "ExistingDbHost=$DbHost" "ExistingDbSecretArn=$DbSecretArn" "ExistingDbName=$DbName"
} finally { Remove-Item $packaged -ErrorAction SilentlyContinue }

$outputs = @{}
$json = Invoke-Aws cloudformation describe-stacks --stack-name $Stack --query 'Stacks[0].Outputs' --output json
# Windows PowerShell 5.1 converts each piped line on its own: join the lines first
(($json -join "`n") | ConvertFrom-Json) | ForEach-Object { $outputs[$_.OutputKey] = $_.OutputValue }
$endpointProfile = [ordered]@{ name = $outputs.ProfileName; kind = 'LIVE'; websocketUrl = $outputs.WebSocketUrl }
if ($Token) { $endpointProfile.token = $Token }
foreach ($k in @(@('pollUrl', 'PollUrl'), @('topicArn', 'TopicArn'), @('invokeUrl', 'InvokeUrl'), @('connectionsUrl', 'ConnectionsUrl'))) {
  if ($outputs[$k[1]]) { $endpointProfile[$k[0]] = $outputs[$k[1]] }
}
if ($AwsProfile) { $endpointProfile.awsProfile = $AwsProfile }
$endpointProfile.publishPath = $outputs.PublishPath
$endpointProfile.region = $outputs.Region
if (-not $Out) { $Out = Join-Path (Get-Location) "connlab-$Stack.json" }
# UTF-8 without a byte-order mark (Set-Content -Encoding utf8 adds one on Windows PowerShell 5.1)
[System.IO.File]::WriteAllText($Out, ($endpointProfile | ConvertTo-Json), (New-Object System.Text.UTF8Encoding $false))
Write-Host ""
Write-Host "Endpoint profile: $Out"
Write-Host "  Load it in ConnLab (backend chooser > Manage profiles... > Import...) or: connlab bench --profile `"$Out`""
# the same rough model as cost-estimate.sh (30 students by default, one shared room)
$s = $Students; $published = $s * 20 * 600; $ws = $published * $s + $published
$db = @{ none = 0; new = 0.076; existing = 0.02 }[$Database]
$total = $ws / 1e6 * 1.0 + $s * 60 / 1e6 * 0.25 + $published / 1e6 * (1.0 + 0.5 + 0.6 + 1.375) + $published * 0.25 * (0.08 + $s * 0.002) * 0.0000166667 + $db
Write-Host ("Estimated cost per workshop hour ({0} students, 20 msg/s for 10 min each, database {1}): about `${2:N2} (list prices; see cost-estimate.sh)" -f $s, $Database, $total)
Write-Host "Remove everything: .\teardown.ps1 -Stack $Stack -Region $Region$(if ($AwsProfile) { " -AwsProfile $AwsProfile" })"
