curl.exe --request POST `
  --url "https://api.example.com/v1/notes" `
  --header "X-Api-Key: $env:EXAMPLE_API_KEY" `
  --header "Content-Type: text/plain" `
  --data-binary "line one`nline two`t(tab) ""quoted"" `$5 and a backtick: ``"
