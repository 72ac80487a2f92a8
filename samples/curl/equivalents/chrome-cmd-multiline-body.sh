curl 'https://app.example.com/api/notes' \
  -H 'content-type: text/plain;charset=UTF-8' \
  --data-raw $'first line\nsecond "quoted" line\n\nafter a blank line'
