curl ^"https://app.example.com/api/notes^" ^
  -H ^"content-type: text/plain;charset=UTF-8^" ^
  --data-raw ^"first line^

second ^\^"quoted^\^" line^

^

after a blank line^"
