$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
$session.Cookies.Add((New-Object System.Net.Cookie("session_id", "abc123", "/", "public.doubletick.io")))
Invoke-WebRequest -UseBasicParsing -Uri "https://public.doubletick.io/team-member/assign" `
-Method "POST" `
-WebSession $session `
-Headers @{
"authority"="public.doubletick.io"
  "method"="POST"
  "path"="/team-member/assign"
  "scheme"="https"
  "accept"="application/json"
  "accept-encoding"="gzip, deflate, br, zstd"
  "authorization"="key_xxxxxxxxxx"
  "sec-ch-ua-mobile"="?0"
  "sec-fetch-mode"="cors"
} `
-ContentType "application/json" `
-Body "{`"customerPhoneNumber`":`"919876543210`",`"assignedUserPhoneNumber`":`"919812345678`"}"
