# Deploys ConnLab's live stack on Windows with nothing but the AWS CLI v2 (same steps as deploy.sh):
#   .\deploy.ps1 [-Stack connlab] [-Region eu-west-1] [-AwsProfile my-sso] [-Token T]
#                [-Database none|new|existing] [-DbHost H -DbSecretArn ARN [-DbName N]] [-DbTls verify|no-verify]
#                [-Vpc vpc-.. [-Subnets subnet-a,subnet-b]] [-BudgetEmail ME@EXAMPLE.COM] [-Out FILE] [-Students 30] [-Yes]
# A database stack bills by the hour while it stands: its cost is shown and confirmed first.
# The create is followed event by event (a new database takes about 15 minutes).
param(
  [ValidatePattern('^[A-Za-z][A-Za-z0-9-]{0,39}$')][string]$Stack = 'connlab',
  [string]$Region = '', [string]$AwsProfile = '',
  [ValidatePattern('^[A-Za-z0-9._~-]{0,128}$')][string]$Token = '',
  [ValidateSet('none', 'new', 'existing')][string]$Database = 'none',
  [string]$DbHost = '', [string]$DbSecretArn = '', [string]$DbName = 'postgres',
  [ValidateSet('verify', 'no-verify')][string]$DbTls = 'verify',
  [string]$Vpc = '', [string]$Subnets = '', [string]$BudgetEmail = '', [int]$BudgetUsd = 50,
  [string]$Out = '', [int]$Students = 30, [switch]$Yes
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
if (-not $Region) { $Region = $env:AWS_REGION }
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
# A stack whose first create failed (ROLLBACK_COMPLETE) can only be deleted: say why, offer to
function First-Failure {
  $e = aws @common cloudformation describe-stack-events --stack-name $Stack --query "StackEvents[?ResourceStatus=='CREATE_FAILED'].[LogicalResourceId,ResourceStatusReason]" --output text 2>$null
  if ($e) { @($e)[-1] } else { 'unknown (see the CloudFormation console)' }
}
$status = aws @common cloudformation describe-stacks --stack-name $Stack --query 'Stacks[0].StackStatus' --output text 2>$null
if ($status -eq 'ROLLBACK_COMPLETE') {
  Write-Host "Stack $Stack is ROLLBACK_COMPLETE: its first create failed, and such a stack can only be deleted."
  Write-Host "  First failure: $(First-Failure)"
  if (-not $Yes -and (Read-Host "Delete the failed stack $Stack now and deploy again? [y/N]") -notmatch '^[Yy]') { Die 'nothing changed' }
  Invoke-Aws cloudformation delete-stack --stack-name $Stack | Out-Null
  Invoke-Aws cloudformation wait stack-delete-complete --stack-name $Stack | Out-Null
}

# Where a database lives: two default subnets in AZs that RDS and the Secrets Manager endpoint both offer
$VpcCidr = ''; $SecretsEndpoint = 'create'; $azCount = 0
if ($Database -ne 'none' -and $Subnets -and -not $Vpc) {
  $Vpc = Invoke-Aws ec2 describe-subnets --subnet-ids ($Subnets -split ',')[0] --query 'Subnets[0].VpcId' --output text
}
if ($Database -eq 'new' -and -not $Vpc) {
  $Vpc = Invoke-Aws ec2 describe-vpcs --filters 'Name=isDefault,Values=true' --query 'Vpcs[0].VpcId' --output text
  if (-not $Vpc -or $Vpc -eq 'None') { Die "no default VPC in $Region; pass -Vpc and -Subnets" }
}
if ($Database -ne 'none' -and $Vpc) {
  if (-not $Subnets) {
    $endpointAzs = (Invoke-Aws ec2 describe-vpc-endpoint-services --service-names "com.amazonaws.$Region.secretsmanager" --query 'ServiceDetails[0].AvailabilityZones' --output text) -split '\s+'
    $rdsAzs = (Invoke-Aws rds describe-orderable-db-instance-options --engine postgres --engine-version 15 --db-instance-class db.t4g.micro --query 'OrderableDBInstanceOptions[].AvailabilityZones[].Name' --output text) -split '\s+'
    $picked = @()
    $lines = Invoke-Aws ec2 describe-subnets --filters "Name=vpc-id,Values=$Vpc" 'Name=default-for-az,Values=true' --query 'Subnets[].[AvailabilityZone,SubnetId]' --output text
    foreach ($line in (@($lines) | Sort-Object)) {
      $az, $subnet = $line -split '\s+'
      if ($endpointAzs -notcontains $az) { continue }
      if ($Database -eq 'new' -and $rdsAzs -notcontains $az) { continue }
      $picked += $subnet
      if ($picked.Count -ge 2) { break }
    }
    if ($picked.Count -lt 2) { Die "found no two default subnets of $Vpc in AZs that RDS and the Secrets Manager endpoint both offer; pass -Subnets" }
    $Subnets = $picked -join ','
  }
  $azCount = @($Subnets -split ',').Count
  $VpcCidr = Invoke-Aws ec2 describe-vpcs --vpc-ids $Vpc --query 'Vpcs[0].CidrBlock' --output text
  $existing = Invoke-Aws ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$Vpc" "Name=service-name,Values=com.amazonaws.$Region.secretsmanager" --query 'VpcEndpoints[0].VpcEndpointId' --output text
  if ($existing -and $existing -ne 'None') { $SecretsEndpoint = 'reuse'; Write-Host "The VPC already has a Secrets Manager endpoint ($existing): the stack reuses it." }
}

# What a database stack costs while it stands (rates as in cost-estimate.sh, each sourced or UNVERIFIED there)
if ($Database -ne 'none' -and $status -ne 'CREATE_COMPLETE' -and $status -ne 'UPDATE_COMPLETE') {
  $endpointAzsBilled = 0
  if ($SecretsEndpoint -eq 'create' -and $Vpc) { $endpointAzsBilled = $azCount }
  $hour = $endpointAzsBilled * 0.01
  if ($Database -eq 'new') { $hour += 0.016 + 20 * 0.115 / 730 + 2 * 0.015 + 0.40 / 730 }
  Write-Host ("While it stands this stack bills about `${0:N3} an hour, `${1:N2} a day, `${2:N2} a month, used or not" -f $hour, ($hour * 24), ($hour * 730))
  if ($Database -eq 'new') { Write-Host '  RDS db.t4g.micro $0.016/h, 20 GB gp3 $0.003/h (both UNVERIFIED), RDS Proxy $0.030/h (FACTS 74, UNVERIFIED), one secret $0.40/month (UNVERIFIED)' }
  Write-Host ("  Secrets Manager endpoint: {0} AZ(s) at `$0.01 per AZ-hour (UNVERIFIED)" -f $endpointAzsBilled)
  if (-not $Yes -and (Read-Host 'Create it and start billing? Type yes to go on') -ne 'yes') { Die 'nothing created (type yes, or pass -Yes)' }
}
if ($Database -ne 'none' -and -not (Test-Path "$here\functions\node_modules\pg")) {
  if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { Die "a stack with a database needs 'pg' in functions\node_modules: install Node.js once, or use -Database none" }
  Push-Location "$here\functions"; npm install --omit=dev --no-package-lock --no-audit --no-fund --loglevel=error; Pop-Location
}
$bucket = "connlab-packaging-$account-$Region"
aws @common s3api head-bucket --bucket $bucket 2>$null | Out-Null
if ($LASTEXITCODE -ne 0) {
  Write-Host "Creating the packaging bucket s3://$bucket"
  if ($Region -eq 'us-east-1') { Invoke-Aws s3api create-bucket --bucket $bucket | Out-Null }
  else { Invoke-Aws s3api create-bucket --bucket $bucket --create-bucket-configuration "LocationConstraint=$Region" | Out-Null }
  Invoke-Aws s3api put-public-access-block --bucket $bucket --public-access-block-configuration `
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true'
  Invoke-Aws s3api put-bucket-tagging --bucket $bucket --tagging 'TagSet=[{Key=project,Value=connlab}]' | Out-Null
}
$packaged = [System.IO.Path]::GetTempFileName()
try {
  Invoke-Aws cloudformation package --template-file "$here\template.yaml" --s3-bucket $bucket --s3-prefix $Stack --output-template-file $packaged | Out-Null
  Write-Host "Deploying stack $Stack in $Region (database: $Database); a new database takes about 15 minutes"
  $deployArgs = @($common) + @('cloudformation', 'deploy', '--template-file', $packaged, '--stack-name', $Stack,
    '--capabilities', 'CAPABILITY_IAM', '--no-fail-on-empty-changeset', '--tags', 'project=connlab', "stack=$Stack",
    '--parameter-overrides', "ConnectToken=$Token", "DatabaseMode=$Database", "VpcId=$Vpc", "SubnetIds=$Subnets",
    "ExistingDbHost=$DbHost", "ExistingDbSecretArn=$DbSecretArn", "ExistingDbName=$DbName", "DbTlsVerify=$DbTls",
    "SecretsEndpoint=$SecretsEndpoint", "VpcCidr=$VpcCidr", "BudgetEmail=$BudgetEmail", "BudgetMonthlyUsd=$BudgetUsd")
  # The deploy runs as a job; meanwhile each new stack event is printed, so the 15 minutes show progress
  $job = Start-Job -ScriptBlock { param($a) & aws @a 2>&1; "EXIT=$LASTEXITCODE" } -ArgumentList (, $deployArgs)
  $seen = @{}; $started = Get-Date
  while ($job.State -eq 'Running') {
    Start-Sleep -Seconds 10
    $events = aws @common cloudformation describe-stack-events --stack-name $Stack --max-items 20 --query 'StackEvents[].[EventId,LogicalResourceId,ResourceStatus]' --output text 2>$null
    foreach ($e in @($events)) {
      $id, $resource, $state = $e -split '\s+', 3
      if (-not $id -or $seen.ContainsKey($id)) { continue }
      $seen[$id] = $true
      Write-Host ("  {0:mm\:ss}  {1,-28} {2}" -f ((Get-Date) - $started), $resource, $state)
    }
  }
  $result = Receive-Job $job; Remove-Job $job
  if (-not ($result -match '^EXIT=0$')) {
    [Console]::Error.WriteLine(($result | Out-String))
    Die "the deploy failed. First failure: $(First-Failure). A ROLLBACK_COMPLETE stack is deleted by the next deploy (it asks) or by teardown.ps1"
  }
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
if ($Token) { Write-Host '  It holds the $connect token: share it only with the class; teardown.ps1 names it again.' }
# the class hour as cost-estimate.sh prices it: 30 students, 20 default runs each, a room per run (README.md)
Write-Host 'A workshop hour of 30 students, each running the default run 20 times in its own room: about $2.75 at list prices, plus the standing cost above (assets/aws/README.md)'
Write-Host "Remove everything: .\teardown.ps1 -Stack $Stack -Region $Region$(if ($AwsProfile) { " -AwsProfile $AwsProfile" })"
