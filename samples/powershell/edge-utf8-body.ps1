$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
Invoke-WebRequest -UseBasicParsing -Uri "https://api.vambe.me/api/public/channels/whatsapp/assign-team-member" `
-Method "POST" `
-WebSession $session `
-Headers @{
"accept"="application/json"
  "x-api-key"="vambe_xxxxxxxxxxxx"
  "sec-ch-ua-platform"="`"Windows`""
} `
-ContentType "application/json" `
-Body ([System.Text.Encoding]::UTF8.GetBytes("{`"phone`":`"+56987654321`",`"note`":`"Atenci$([char]243)n`"}"))
