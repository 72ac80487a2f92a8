curl https://api.example.com/v1/search \
  --data-urlencode 'q=café & crème' \
  --data-urlencode '=just encoded=' \
  --data-urlencode 'bare text' \
  --data-urlencode 'notes@notes.txt' \
  --data-urlencode '@crlf.txt'
