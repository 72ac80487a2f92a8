$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
Invoke-WebRequest -UseBasicParsing -Uri "https://public.doubletick.io/team-member/unassign" `
-Method POST `
-WebSession $session `
-Headers @{
"Accept" = "application/json"
  "Accept-Language" = "en-US,en;q=0.5"
  "Authorization" = "key_xxxxxxxxxx"
  "Origin" = "https://app.doubletick.io"
} `
-ContentType "application/json" `
-Body "{`"customerPhoneNumber`":`"919876543210`"}"
