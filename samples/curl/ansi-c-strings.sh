curl https://api.example.com/v1/echo \
  -H $'X-Note: tab\there' \
  --data-binary $'line one\nline two\t\u00e9\x21 it\'s \\ done'
